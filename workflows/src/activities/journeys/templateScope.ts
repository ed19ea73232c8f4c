import { templateUser, type JsonObject, type UserFacts } from '@tideflow/domain';
import type { TemplateScope } from '@tideflow/domain/templates';
import type { JourneyEvent, JourneyRunIdentity } from '../../journeys/journeyRunTypes';

/** What message and webhook templates can read. */
export function templateScope(run: JourneyRunIdentity, user: UserFacts, trigger: JourneyEvent, context: JsonObject): TemplateScope {
  return {
    user: templateUser(user),
    // Properties at the top (`event.cartId`), also under `properties`; a property called `name` wins over the event's name (`eventName`).
    event: { name: trigger.name, eventName: trigger.name, properties: trigger.properties, timestamp: trigger.timestamp, ...trigger.properties },
    context,
    journey: { id: run.journeyId, name: run.journeyName, version: run.version, entry: run.entryNumber },
  };
}
