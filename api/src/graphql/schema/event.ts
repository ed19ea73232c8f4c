import { builder, connectionComplexity } from '../builder';
import { workspaceOf } from '../context';
import { EventFilter, eventWhere } from './eventFilter';
import { ConnectionArgs } from './ids';

builder.prismaObject('Event', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    type: t.exposeString('type', { description: 'The Segment call: TRACK, PAGE, SCREEN, IDENTIFY, GROUP or ALIAS.' }),
    properties: t.expose('properties', { type: 'JSONObject' }),
    context: t.expose('context', { type: 'JSONObject' }),
    timestamp: t.expose('timestamp', { type: 'DateTime', description: 'When it happened, corrected for client clock skew.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    messageId: t.exposeString('messageId'),
    user: t.relation('user'),
  }),
});

builder.queryField('events', (t) =>
  t.prismaConnection({
    type: 'Event',
    cursor: 'id',
    defaultSize: 50,
    complexity: connectionComplexity(50),
    validate: ConnectionArgs,
    maxSize: 500,
    description: 'Events of the workspace, newest first.',
    args: { filter: t.arg({ type: EventFilter }) },
    totalCount: (_parent, args, context) => context.prisma.event.count({ where: eventWhere(workspaceOf(context), args.filter, 'filter') }),
    resolve: (query, _root, args, context) =>
      context.prisma.event.findMany({ ...query, where: eventWhere(workspaceOf(context), args.filter, 'filter'), orderBy: [{ timestamp: 'desc' }, { id: 'desc' }] }),
  }),
);
