import { builder } from '../builder';
import { workspaceOf } from '../context';

interface WorkspaceStats {
  users: number;
  knownUsers: number;
  anonymousUsers: number;
  events: number;
  eventDefinitions: number;
}

const WorkspaceStats = builder.objectRef<WorkspaceStats>('WorkspaceStats').implement({
  description: 'Headline counts for the overview page.',
  fields: (t) => ({
    users: t.exposeInt('users', { description: 'All profiles, known and anonymous.' }),
    knownUsers: t.exposeInt('knownUsers', { description: 'Profiles with a userId.' }),
    anonymousUsers: t.exposeInt('anonymousUsers'),
    events: t.expose('events', { type: 'SafeInt', description: 'Events stored (blocked events are not).' }),
    eventDefinitions: t.exposeInt('eventDefinitions'),
  }),
});

builder.prismaObject('Workspace', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    timezone: t.exposeString('timezone', { description: 'IANA time zone used for reports and schedules.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    stats: t.field({
      type: WorkspaceStats,
      complexity: 20,
      resolve: async (workspace, _args, { prisma }) => {
        const [users, knownUsers, definitions] = await Promise.all([
          prisma.user.count({ where: { workspaceId: workspace.id } }),
          prisma.user.count({ where: { workspaceId: workspace.id, externalId: { not: null } } }),
          prisma.eventDefinition.aggregate({ where: { workspaceId: workspace.id }, _count: true, _sum: { count: true } }),
        ]);
        return { users, knownUsers, anonymousUsers: users - knownUsers, events: Number(definitions._sum.count ?? 0), eventDefinitions: definitions._count };
      },
    }),
  }),
});

builder.queryField('workspace', (t) =>
  t.prismaField({
    type: 'Workspace',
    description: "The caller's workspace.",
    resolve: (query, _root, _args, context) => context.prisma.workspace.findUniqueOrThrow({ ...query, where: { id: workspaceOf(context) } }),
  }),
);
