import { systemAttributeDisplayNames, systemAttributeNames } from '@tideflow/domain';
import { z } from 'zod';
import { builder, connectionComplexity } from '../builder';
import { workspaceOf } from '../context';
import { inputError } from '../errors';
import { checkUserFilter, UserFilter, userWhere } from './attributeFilter';
import { EventFilter, eventWhere } from './eventFilter';
import { ConnectionArgs, isUuid } from './ids';
import { storableText } from './text';

interface UserAttribute {
  name: string;
  displayName: string | null;
  value: unknown;
  system: boolean;
}

const UserAttribute = builder.objectRef<UserAttribute>('UserAttribute').implement({
  description: 'One attribute of a user: a system attribute or a custom trait.',
  fields: (t) => ({
    name: t.exposeString('name'),
    displayName: t.exposeString('displayName', { nullable: true }),
    value: t.expose('value', { type: 'JSON', nullable: true }),
    system: t.exposeBoolean('system'),
  }),
});

builder.prismaObject('UserIdentity', {
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'ANONYMOUS (a device or browser anonymousId) or ALIAS (a former userId).' }),
    value: t.exposeString('value'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('User', {
  description: 'A person: known (with a userId) or anonymous.',
  fields: (t) => ({
    id: t.exposeID('id'),
    externalId: t.exposeString('externalId', { nullable: true, description: "The integrator's userId; null for anonymous profiles." }),
    anonymous: t.boolean({ resolve: (user) => user.externalId === null }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    timezone: t.exposeString('timezone', { nullable: true }),
    locale: t.exposeString('locale', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    region: t.exposeString('region', { nullable: true }),
    platform: t.exposeString('platform', { nullable: true }),
    os: t.exposeString('os', { nullable: true }),
    browser: t.exposeString('browser', { nullable: true }),
    deviceType: t.exposeString('deviceType', { nullable: true }),
    deviceModel: t.exposeString('deviceModel', { nullable: true }),
    appVersion: t.exposeString('appVersion', { nullable: true }),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    traits: t.expose('traits', { type: 'JSONObject', description: 'Custom attributes.' }),
    attributes: t.field({
      type: [UserAttribute],
      description: 'System attributes, then custom traits, as name/value pairs.',
      resolve: (user) => [
        ...systemAttributeNames.map((name) => ({ name, displayName: systemAttributeDisplayNames[name], value: user[name] instanceof Date ? (user[name] as Date).toISOString() : (user[name] ?? null), system: true })),
        ...Object.entries(user.traits as Record<string, unknown>).map(([name, value]) => ({ name, displayName: null, value, system: false })),
      ],
    }),
    identities: t.relation('identities', { query: { orderBy: { createdAt: 'asc' } } }),
    journeyRuns: t.relation('journeyRuns', {
      description: 'Journeys the user is or was in, newest entry first (each run carries its step log).',
      query: { orderBy: [{ enteredAt: 'desc' }, { id: 'asc' }], take: 100 },
    }),
    messages: t.relatedConnection('messages', {
      cursor: 'id',
      totalCount: true,
      defaultSize: 25,
      maxSize: 200,
      complexity: connectionComplexity(25),
      validate: ConnectionArgs,
      description: 'Messages sent to the user, newest first.',
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    }),
    events: t.relatedConnection('events', {
      cursor: 'id',
      totalCount: true,
      defaultSize: 50,
      maxSize: 500,
      complexity: connectionComplexity(50),
      validate: ConnectionArgs,
      description: 'The timeline, newest first.',
      args: { filter: t.arg({ type: EventFilter }) },
      query: (args) => ({ where: eventWhere(undefined, args.filter, 'filter'), orderBy: [{ timestamp: 'desc' }, { id: 'desc' }] }),
    }),
  }),
});

builder.queryField('users', (t) =>
  t.prismaConnection({
    type: 'User',
    cursor: 'id',
    defaultSize: 25,
    complexity: connectionComplexity(25),
    validate: ConnectionArgs,
    maxSize: 200,
    description: 'Users of the workspace, most recently seen first.',
    args: { filter: t.arg({ type: UserFilter }) },
    totalCount: (_parent, args, context) => context.prisma.user.count({ where: userWhere(workspaceOf(context), args.filter) }),
    resolve: async (query, _root, args, context) => {
      await checkUserFilter(context.prisma, workspaceOf(context), args.filter);
      return context.prisma.user.findMany({ ...query, where: userWhere(workspaceOf(context), args.filter), orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }] });
    },
  }),
);

builder.queryField('user', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'One user by Tideflow id, or by userId (also found through former userIds merged by alias).',
    args: { id: t.arg.id(), externalId: t.arg.string({ validate: z.string().superRefine(storableText) }) },
    resolve: async (query, _root, args, context) => {
      const workspaceId = workspaceOf(context);
      if ((args.id == null) === (args.externalId == null)) throw inputError('id', 'give exactly one of id or externalId');
      if (args.id != null) {
        if (!isUuid(String(args.id))) throw inputError('id', 'must be a Tideflow id (a UUID)');
        return context.prisma.user.findFirst({ ...query, where: { id: String(args.id), workspaceId } });
      }
      const externalId = args.externalId!;
      return context.prisma.user.findFirst({
        ...query,
        where: { workspaceId, OR: [{ externalId }, { identities: { some: { kind: 'ALIAS', value: externalId } } }] },
      });
    },
  }),
);
