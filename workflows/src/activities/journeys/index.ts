import type { PrismaClient, SqlDriver } from '@tideflow/db';
import type { SecretBox } from '../../secrets/secretBox';
import { createAudienceEntryActivities } from './audienceEntry';
import { createConditionSplitActivities } from './conditionSplit';
import { createEventWaitActivities } from './eventWaits';
import { createRunRecordActivities } from './runRecords';
import { createSegmentWaitActivities } from './segmentWaits';
import { createSendMessageActivities } from './sendMessage';
import { createUserUpdateActivities } from './userUpdates';
import { createWaitUntilActivities } from './waitUntilPlanner';
import { createWebhookCallActivities } from './webhookCall';

export interface JourneyActivityDeps {
  prisma: PrismaClient;
  /** The driver under Prisma, for segment membership writes. */
  sql: SqlDriver;
  secrets: SecretBox;
}

/** Everything a journey run does outside the workflow: database, providers, templates. */
export function createJourneyActivities(deps: JourneyActivityDeps) {
  return {
    ...createRunRecordActivities(deps),
    ...createConditionSplitActivities(deps),
    ...createWaitUntilActivities(deps),
    ...createEventWaitActivities(deps),
    ...createSegmentWaitActivities(deps),
    ...createSendMessageActivities(deps),
    ...createWebhookCallActivities(deps),
    ...createUserUpdateActivities(deps),
    ...createAudienceEntryActivities(deps),
  };
}

export type JourneyActivities = ReturnType<typeof createJourneyActivities>;
