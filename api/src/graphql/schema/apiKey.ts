import type { ApiKey } from '@tideflow/db';
import { z } from 'zod';
import { createApiKey } from '../../auth/apiKeys';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { NotFoundError } from '../errors';
import { requireUuid } from './ids';
import { storableText } from './text';

const ApiKeyKind = builder.enumType('ApiKeyKind', {
  values: { WRITE: { description: 'Ingestion (Segment-compatible HTTP API).' }, SECRET: { description: 'The GraphQL API.' } } as const,
});

const ApiKeyRef = builder.prismaObject('ApiKey', {
  description: 'An API key. The key itself is shown once, when created; only its hash is stored.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: ApiKeyKind }),
    prefix: t.exposeString('prefix', { description: 'The first characters, to tell keys apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    authScopes: { admin: true },
    type: ['ApiKey'],
    resolve: (query, _root, _args, context) => context.prisma.apiKey.findMany({ ...query, where: { workspaceId: workspaceOf(context) }, orderBy: { createdAt: 'asc' } }),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').superRefine(storableText) }),
    kind: t.field({ type: ApiKeyKind, required: true }),
  }),
});

const CreatedApiKey = builder.objectRef<{ key: string; apiKey: ApiKey }>('CreatedApiKey').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The full key. Store it now: it cannot be shown again.' }),
    apiKey: t.field({ type: ApiKeyRef, resolve: (parent) => parent.apiKey }),
  }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    authScopes: { admin: true },
    type: CreatedApiKey,
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { apiKey, key } = await createApiKey(context.prisma, workspaceOf(context), input.kind, input.name.trim());
      return { key, apiKey };
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.prismaField({
    authScopes: { admin: true },
    type: 'ApiKey',
    description: 'Revokes a key at once; requests using it get 401. Revoking twice keeps the first time.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = requireUuid(String(args.id), 'id');
      const key = await context.prisma.apiKey.findFirst({ where: { id, workspaceId: workspaceOf(context) } });
      if (!key) throw new NotFoundError('API key', 'id');
      context.authenticator.forget(id);
      return context.prisma.apiKey.update({ ...query, where: { id }, data: { revokedAt: key.revokedAt ?? new Date() } });
    },
  }),
);
