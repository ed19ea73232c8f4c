import { z } from 'zod';
import { builder } from '../builder';
import { type GraphQLContext, workspaceOf } from '../context';
import { InputError, type InputProblem, NotFoundError } from '../errors';
import { requireUuid } from './ids';
import { storableText } from './text';
import { nameTaken, writingUniqueName } from './uniqueName';

builder.prismaObject('EventGroup', {
  description: 'Several event names reported as one, e.g. buy_byCOD + buy_byCC → Purchase.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    events: t.relation('events', { query: { orderBy: { name: 'asc' } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('eventGroups', (t) =>
  t.prismaField({
    type: ['EventGroup'],
    resolve: (query, _root, _args, context) => context.prisma.eventGroup.findMany({ ...query, where: { workspaceId: workspaceOf(context) }, orderBy: { name: 'asc' } }),
  }),
);

const GroupName = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').superRefine(storableText);
const Description = z.string().max(2000, 'must be at most 2000 characters').superRefine(storableText);
const EventNames = z.array(z.string().superRefine(storableText)).max(500, 'may list at most 500 events');

const CreateEventGroupInput = builder.inputType('CreateEventGroupInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: GroupName }),
    description: t.string({ validate: Description }),
    eventNames: t.stringList({ required: true, validate: EventNames, description: 'Event names (as sent) that make up the group.' }),
  }),
});

const UpdateEventGroupInput = builder.inputType('UpdateEventGroupInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: GroupName }),
    description: t.string({ validate: Description }),
    eventNames: t.stringList({ validate: EventNames, description: 'Replaces the membership when given.' }),
  }),
});

/** Resolves event names to definitions; every unknown name, or one already in another group, is reported by its index in `eventNames`. */
async function membersFor(context: GraphQLContext, eventNames: string[], groupId: string | null) {
  const workspaceId = workspaceOf(context);
  const definitions = await context.prisma.eventDefinition.findMany({ where: { workspaceId, name: { in: [...new Set(eventNames)] } }, include: { group: true } });
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const problems: InputProblem[] = [];
  eventNames.forEach((name, index) => {
    const definition = byName.get(name);
    if (!definition) problems.push({ field: `input.eventNames.${index}`, message: `"${name}" is not an event of this workspace` });
    else if (definition.groupId && definition.groupId !== groupId) problems.push({ field: `input.eventNames.${index}`, message: `"${name}" already belongs to group "${definition.group!.name}"` });
  });
  if (problems.length) throw new InputError(problems);
  return definitions.map((d) => ({ id: d.id }));
}

const anEventGroup = 'An event group';

async function assertNameFree(context: GraphQLContext, name: string, exceptId?: string) {
  const existing = await context.prisma.eventGroup.findUnique({ where: { workspaceId_name: { workspaceId: workspaceOf(context), name } } });
  if (existing && existing.id !== exceptId) throw nameTaken(anEventGroup, name);
}


builder.mutationField('createEventGroup', (t) =>
  t.prismaField({
    type: 'EventGroup',
    args: { input: t.arg({ type: CreateEventGroupInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const name = input.name.trim();
      await assertNameFree(context, name);
      const members = await membersFor(context, input.eventNames, null);
      return writingUniqueName(anEventGroup, name, () =>
        context.prisma.eventGroup.create({ ...query, data: { workspaceId: workspaceOf(context), name, description: input.description ?? null, events: { connect: members } } }),
      );
    },
  }),
);

builder.mutationField('updateEventGroup', (t) =>
  t.prismaField({
    type: 'EventGroup',
    args: { input: t.arg({ type: UpdateEventGroupInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const id = requireUuid(String(input.id), 'input.id');
      const group = await context.prisma.eventGroup.findFirst({ where: { id, workspaceId: workspaceOf(context) } });
      if (!group) throw new NotFoundError('Event group', 'input.id');
      const name = input.name?.trim();
      if (name) await assertNameFree(context, name, id);
      const members = input.eventNames ? await membersFor(context, input.eventNames, id) : undefined;
      return writingUniqueName(anEventGroup, name, () =>
        context.prisma.eventGroup.update({
          ...query,
          where: { id },
          data: { ...(name ? { name } : {}), ...(input.description !== undefined ? { description: input.description } : {}), ...(members ? { events: { set: members } } : {}) },
        }),
      );
    },
  }),
);

builder.mutationField('deleteEventGroup', (t) =>
  t.field({
    type: 'ID',
    description: 'Deletes a group; its events stay in the catalog, ungrouped. Returns the id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const id = requireUuid(String(args.id), 'id');
      const { count } = await context.prisma.eventGroup.deleteMany({ where: { id, workspaceId: workspaceOf(context) } });
      if (!count) throw new NotFoundError('Event group', 'id');
      return id;
    },
  }),
);
