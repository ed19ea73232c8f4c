import { runEventCatalogRecount } from '@tideflow/workflows';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { TemporalUnavailableError } from '../errors';

interface EventCatalogRecount {
  workflowId: string;
  definitions: number;
  events: number;
}

const EventCatalogRecount = builder.objectRef<EventCatalogRecount>('EventCatalogRecount').implement({
  fields: (t) => ({
    workflowId: t.exposeString('workflowId', { description: 'The Temporal workflow that did the work (find it in the Temporal UI).' }),
    definitions: t.exposeInt('definitions'),
    events: t.exposeInt('events'),
  }),
});

builder.mutationField('recountEventCatalog', (t) =>
  t.field({
    type: EventCatalogRecount,
    description: 'Recomputes event counts and first/last seen from the stored events, as a Temporal workflow; waits for it.',
    resolve: async (_root, _args, context) => {
      const temporal = context.temporal();
      if (!temporal) throw new TemporalUnavailableError();
      return runEventCatalogRecount(temporal.client, temporal.taskQueue, workspaceOf(context));
    },
  }),
);
