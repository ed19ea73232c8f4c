import { z } from 'zod';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { inputError, NotFoundError } from '../errors';
import { eventDailyCounts } from './eventDailyCounts';
import { storableText } from './text';

export const EventStatus = builder.enumType('EventStatus', { values: ['ACTIVE', 'BLOCKED'] as const });

const EventDayCount = builder.objectRef<{ day: string; count: number }>('EventDayCount').implement({
  description: 'Events of one name stored on one day.',
  fields: (t) => ({
    day: t.exposeString('day', { description: 'The calendar day in the workspace time zone, YYYY-MM-DD.' }),
    count: t.exposeInt('count'),
  }),
});

builder.prismaObject('EventDefinition', {
  description: 'An event name seen in ingestion, with counts. Filled automatically.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'The name integrators send; immutable.' }),
    displayName: t.exposeString('displayName', { description: 'What marketers see; renamable.' }),
    type: t.exposeString('type'),
    system: t.boolean({ description: 'Recorded for identify, group and alias calls; cannot be blocked.', resolve: (d) => !blockableTypes.has(d.type) }),
    status: t.expose('status', { type: EventStatus }),
    group: t.relation('group', { nullable: true }),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
    count: t.field({ type: 'SafeInt', description: 'Events stored.', resolve: (d) => Number(d.count) }),
    droppedCount: t.field({ type: 'SafeInt', description: 'Events accepted and dropped while blocked.', resolve: (d) => Number(d.droppedCount) }),
    dailyCounts: t.field({
      type: [EventDayCount],
      complexity: 2,
      description:
        'Events per day for the last `days` days in the workspace time zone, oldest first, today last (zeros included). The definitions of one request are counted together, in one query.',
      args: { days: t.arg.int({ defaultValue: 30, validate: z.number().int().min(1, 'must be at least 1').max(366, 'must be at most 366') }) },
      resolve: (d, args, context) => eventDailyCounts(context, d.workspaceId, d.name, args.days ?? 30),
    }),
  }),
});

const blockableTypes = new Set(['TRACK', 'PAGE', 'SCREEN']);

builder.queryField('eventDefinitions', (t) =>
  t.prismaField({
    type: ['EventDefinition'],
    description: 'The event catalog, most frequent first.',
    args: { status: t.arg({ type: EventStatus }), search: t.arg.string({ validate: z.string().superRefine(storableText) }) },
    resolve: (query, _root, args, context) =>
      context.prisma.eventDefinition.findMany({
        ...query,
        where: {
          workspaceId: workspaceOf(context),
          ...(args.status ? { status: args.status } : {}),
          ...(args.search?.trim() ? { OR: [{ name: { contains: args.search.trim(), mode: 'insensitive' } }, { displayName: { contains: args.search.trim(), mode: 'insensitive' } }] } : {}),
        },
        orderBy: [{ count: 'desc' }, { name: 'asc' }],
      }),
  }),
);

const Name = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').superRefine(storableText);
/** An event name as sent, to look one up. */
const SentName = z.string().superRefine(storableText);

const RenameEventInput = builder.inputType('RenameEventInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: SentName, description: 'The event name as sent.' }),
    displayName: t.string({ required: true, validate: Name }),
  }),
});

const SetEventStatusInput = builder.inputType('SetEventStatusInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: SentName }),
    status: t.field({ type: EventStatus, required: true, description: 'BLOCKED: new events of this name are accepted and dropped (and counted).' }),
  }),
});

async function findDefinition(context: Parameters<typeof workspaceOf>[0], name: string) {
  const definition = await context.prisma.eventDefinition.findUnique({ where: { workspaceId_name: { workspaceId: workspaceOf(context), name } } });
  if (!definition) throw new NotFoundError(`Event "${name}"`, 'input.name');
  return definition;
}

builder.mutationField('renameEvent', (t) =>
  t.prismaField({
    type: 'EventDefinition',
    description: "Changes the name marketers see; integrators keep sending the original name.",
    args: { input: t.arg({ type: RenameEventInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const definition = await findDefinition(context, input.name);
      return context.prisma.eventDefinition.update({ ...query, where: { id: definition.id }, data: { displayName: input.displayName.trim() } });
    },
  }),
);

builder.mutationField('setEventStatus', (t) =>
  t.prismaField({
    type: 'EventDefinition',
    description: 'Blocks or unblocks an event name.',
    args: { input: t.arg({ type: SetEventStatusInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const definition = await findDefinition(context, input.name);
      if (!blockableTypes.has(definition.type)) throw inputError('input.name', `"${definition.name}" records ${definition.type.toLowerCase()} calls, which update profiles; it cannot be blocked`);
      return context.prisma.eventDefinition.update({ ...query, where: { id: definition.id }, data: { status: input.status } });
    },
  }),
);
