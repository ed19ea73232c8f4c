import type { SegmentProblem } from '@tideflow/domain';
import { createSegment, deleteSegment, previewSegment, recomputeSegment, SegmentServiceError, updateSegment } from '@tideflow/workflows';
import { z } from 'zod';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { ConflictError, InputError, NotFoundError } from '../errors';
import { requireUuid } from './ids';
import { SegmentKind } from './segment';
import { requireStorable, storableText } from './text';
import { writingUniqueName } from './uniqueName';

const Name = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').superRefine(storableText);
const Description = z.string().max(2000, 'must be at most 2000 characters').superRefine(storableText);

const SegmentProblemRef = builder.objectRef<SegmentProblem>('SegmentProblem').implement({
  description: 'One problem with a segment definition: the dotted path in it, and what is wrong (unknown names come with the closest known ones).',
  fields: (t) => ({ path: t.exposeString('path'), message: t.exposeString('message') }),
});

/** Service errors as typed GraphQL errors; definition problems name `input.definition.<path>`. */
async function segmentCall<T>(work: () => Promise<T>, definitionField = 'input.definition'): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SegmentServiceError)) throw error;
    if (error.code === 'NOT_FOUND') throw new NotFoundError('Segment', 'id');
    if (error.code === 'CONFLICT') throw new ConflictError(error.message, 'id');
    throw new InputError(error.problems.map((p) => ({ field: p.path ? `${definitionField}.${p.path}` : definitionField, message: p.message })));
  }
}

function requireDefinition(definition: unknown, field: string): unknown {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) throw new InputError([{ field, message: 'must be an object with a root group' }]);
  requireStorable(definition, field);
  if (JSON.stringify(definition).length > 1_000_000) throw new InputError([{ field, message: 'must be at most 1 MB' }]);
  return definition;
}

const CreateSegmentInput = builder.inputType('CreateSegmentInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: Name }),
    description: t.string({ validate: Description }),
    kind: t.field({ type: SegmentKind, required: true, description: 'LIVE follows users; STATIC takes a snapshot of the definition now (or stays empty for a CSV upload).' }),
    definition: t.field({ type: 'JSON', description: 'The segment language: `{ root: { type: "group", match: "all" | "any", negate, children: [...] } }`.' }),
    isTest: t.boolean({ description: 'An audience for test sends.' }),
  }),
});

builder.mutationField('createSegment', (t) =>
  t.prismaField({
    type: 'Segment',
    description: 'Creates a segment and computes its members before answering (BAD_USER_INPUT with every problem of the definition otherwise).',
    args: { input: t.arg({ type: CreateSegmentInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const workspaceId = workspaceOf(context);
      const definition = input.definition == null ? undefined : requireDefinition(input.definition, 'input.definition');
      const name = input.name.trim();
      const segment = await writingUniqueName('A segment', name, () =>
        segmentCall(() => createSegment(context.prisma, context.sql, workspaceId, input.kind, { name, description: input.description ?? null, definition, isTest: input.isTest ?? false })),
      );
      return context.prisma.segment.findUniqueOrThrow({ ...query, where: { id: segment.id } });
    },
  }),
);

const UpdateSegmentInput = builder.inputType('UpdateSegmentInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: Name }),
    description: t.string({ validate: Description }),
    definition: t.field({ type: 'JSON', description: 'A new definition rebuilds membership (without entry/exit events).' }),
    isTest: t.boolean(),
  }),
});

builder.mutationField('updateSegment', (t) =>
  t.prismaField({
    type: 'Segment',
    args: { input: t.arg({ type: UpdateSegmentInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const id = requireUuid(String(input.id), 'input.id');
      const definition = input.definition == null ? undefined : requireDefinition(input.definition, 'input.definition');
      const name = input.name?.trim();
      await writingUniqueName('A segment', name, () =>
        segmentCall(() => updateSegment(context.prisma, context.sql, workspaceOf(context), id, { ...(name ? { name } : {}), ...(input.description !== undefined ? { description: input.description } : {}), ...(definition ? { definition } : {}), ...(input.isTest != null ? { isTest: input.isTest } : {}) })),
      );
      return context.prisma.segment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('deleteSegment', (t) =>
  t.field({
    type: 'ID',
    description: 'Deletes a segment; refused (CONFLICT, naming them) while a journey or another segment uses it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const id = requireUuid(String(args.id), 'id');
      await segmentCall(() => deleteSegment(context.prisma, workspaceOf(context), id));
      return id;
    },
  }),
);

builder.mutationField('recomputeSegment', (t) =>
  t.prismaField({
    type: 'Segment',
    description: 'Recomputes a segment now (live: records entries and exits since the last computation; static with a definition: a new snapshot).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = requireUuid(String(args.id), 'id');
      const segment = await context.prisma.segment.findFirst({ where: { id, workspaceId: workspaceOf(context) } });
      if (!segment) throw new NotFoundError('Segment', 'id');
      await recomputeSegment(context.prisma, context.sql, id, { silent: segment.kind === 'STATIC' });
      return context.prisma.segment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

interface SegmentPreviewResult {
  size: number;
  exact: boolean;
  samplePercent: number;
  sampleUserIds: string[];
  problems: SegmentProblem[];
}

const SegmentPreviewRef = builder.objectRef<SegmentPreviewResult>('SegmentPreview').implement({
  description: 'A definition tried out before it is saved: its size (exact in small workspaces, else estimated from a sample) and some members.',
  fields: (t) => ({
    valid: t.boolean({ resolve: (p) => p.problems.length === 0 }),
    problems: t.field({ type: [SegmentProblemRef], resolve: (p) => p.problems }),
    size: t.exposeInt('size', { description: 'Members (estimated unless `exact`).' }),
    exact: t.exposeBoolean('exact'),
    samplePercent: t.exposeFloat('samplePercent', { description: 'Share of users the estimate looked at.' }),
    sampleUsers: t.prismaField({
      type: ['User'],
      description: 'Up to 10 members, most recently seen first.',
      resolve: async (query, p, _args, { prisma }) => {
        const users = await prisma.user.findMany({ ...query, where: { id: { in: p.sampleUserIds } } });
        return p.sampleUserIds.map((id) => users.find((u) => u.id === id)!).filter(Boolean);
      },
    }),
  }),
});

builder.queryField('previewSegment', (t) =>
  t.field({
    type: SegmentPreviewRef,
    complexity: 50,
    description: 'Size and sample members of a definition, before saving: for the builder to show as the marketer edits. Problems come back in `problems`, not as errors.',
    args: { definition: t.arg({ type: 'JSON', required: true }), segmentId: t.arg.id({ description: 'The segment being edited (so it can refer to others but not to itself).' }) },
    resolve: (_root, args, context) => {
      const definition = requireDefinition(args.definition, 'definition');
      return previewSegment(context.prisma, workspaceOf(context), definition, args.segmentId ? requireUuid(String(args.segmentId), 'segmentId') : undefined);
    },
  }),
);
