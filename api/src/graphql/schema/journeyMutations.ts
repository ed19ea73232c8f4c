import { archiveJourney, JourneyLifecycleError, pauseJourney, publishJourney, resumeJourney, stopJourney, validateJourneyDraft } from '@tideflow/workflows';
import { z } from 'zod';
import { builder } from '../builder';
import { type GraphQLContext, workspaceOf } from '../context';
import { ConflictError, inputError, JourneyInvalidError, NotFoundError, TemporalUnavailableError } from '../errors';
import { findJourney } from './journey';
import { JourneyValidationRef } from './journeyProblem';
import { requireStorable, storableText } from './text';
import { writingUniqueName } from './uniqueName';

const Name = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').superRefine(storableText);
const Description = z.string().max(2000, 'must be at most 2000 characters').superRefine(storableText);
const maxDraftBytes = 2 * 1024 * 1024;

/** Drafts may be invalid (they are work in progress), but must be a JSON object of sane size. */
function requireDraft(draft: unknown, field: string): object {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) throw inputError(field, 'must be a JSON object with nodes and edges');
  requireStorable(draft, field);
  if (Buffer.byteLength(JSON.stringify(draft)) > maxDraftBytes) throw inputError(field, `must be at most ${maxDraftBytes / 1024 / 1024} MB`);
  return draft;
}

const emptyDraft = { nodes: [], edges: [], entryRules: { reEntry: { mode: 'never' } }, exitCriteria: [] };


/** Lifecycle errors from the journey service, as typed GraphQL errors. */
async function lifecycle<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof JourneyLifecycleError)) throw error;
    if (error.code === 'NOT_FOUND') throw new NotFoundError('Journey', 'id');
    if (error.code === 'INVALID') throw new JourneyInvalidError(error.message, error.problems);
    if (error.code === 'TEMPORAL_UNAVAILABLE') throw new TemporalUnavailableError();
    throw new ConflictError(error.message, 'id');
  }
}

const temporalOf = (context: GraphQLContext) => context.temporal();

const CreateJourneyInput = builder.inputType('CreateJourneyInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: Name }),
    description: t.string({ validate: Description }),
    draft: t.field({ type: 'JSON', description: 'The initial definition; an empty canvas when omitted.' }),
  }),
});

builder.mutationField('createJourney', (t) =>
  t.prismaField({
    type: 'Journey',
    description: 'Creates a draft journey.',
    args: { input: t.arg({ type: CreateJourneyInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const draft = input.draft == null ? emptyDraft : requireDraft(input.draft, 'input.draft');
      const name = input.name.trim();
      return writingUniqueName('A journey', name, () => context.prisma.journey.create({ ...query, data: { workspaceId: workspaceOf(context), name, description: input.description ?? null, draft } }));
    },
  }),
);

const UpdateJourneyDraftInput = builder.inputType('UpdateJourneyDraftInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: Name }),
    description: t.string({ validate: Description }),
    draft: t.field({ type: 'JSON', description: 'Replaces the draft. Saved even when invalid; see `problems`.' }),
    expectedRevision: t.int({ description: 'The `draftRevision` this edit started from; a CONFLICT is returned if someone saved since.' }),
  }),
});

builder.mutationField('updateJourneyDraft', (t) =>
  t.prismaField({
    type: 'Journey',
    description: 'Saves the draft (and name, description). Published versions are never changed.',
    args: { input: t.arg({ type: UpdateJourneyDraftInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const journey = await findJourney(context.prisma, workspaceOf(context), String(input.id), 'input.id');
      if (journey.status === 'ARCHIVED') throw new ConflictError('An archived journey cannot be edited', 'input.id');
      const draft = input.draft == null ? undefined : requireDraft(input.draft, 'input.draft');
      const name = input.name?.trim();
      return writingUniqueName('A journey', name, async () => {
        const updated = await context.prisma.journey.updateMany({
          where: { id: journey.id, ...(input.expectedRevision != null ? { draftRevision: input.expectedRevision } : {}) },
          data: { ...(name ? { name } : {}), ...(input.description !== undefined ? { description: input.description } : {}), ...(draft ? { draft } : {}), draftRevision: { increment: 1 } },
        });
        if (!updated.count) throw new ConflictError(`The draft was saved by someone else since revision ${input.expectedRevision}; reload it`, 'input.expectedRevision');
        return context.prisma.journey.findUniqueOrThrow({ ...query, where: { id: journey.id } });
      });
    },
  }),
);

builder.queryField('validateJourneyDefinition', (t) =>
  t.field({
    type: JourneyValidationRef,
    description: 'Checks a definition without saving it: every problem with its node and path.',
    args: { definition: t.arg({ type: 'JSON', required: true }) },
    resolve: async (_root, args, context) => {
      const validation = await validateJourneyDraft(context.prisma, workspaceOf(context), args.definition);
      return { valid: validation.ok, problems: validation.problems };
    },
  }),
);

builder.mutationField('publishJourney', (t) =>
  t.prismaField({
    type: 'Journey',
    description: 'Validates the draft and freezes it into a new version (JOURNEY_INVALID with every problem otherwise). New entries use it; runs in flight finish on theirs.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const journey = await findJourney(context.prisma, workspaceOf(context), String(args.id));
      await lifecycle(() => publishJourney(context.prisma, temporalOf(context), journey.workspaceId, journey.id));
      return context.prisma.journey.findUniqueOrThrow({ ...query, where: { id: journey.id } });
    },
  }),
);

for (const [name, action, description] of [
  ['pauseJourney', pauseJourney, 'Stops new entries; runs in flight continue.'],
  ['resumeJourney', resumeJourney, 'Accepts entries again.'],
  ['archiveJourney', archiveJourney, 'Hides a draft or stopped journey from the default list.'],
] as const) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: 'Journey',
      description,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (query, _root, args, context) => {
        const journey = await findJourney(context.prisma, workspaceOf(context), String(args.id));
        await lifecycle(() => action(context.prisma, temporalOf(context), journey.workspaceId, journey.id));
        return context.prisma.journey.findUniqueOrThrow({ ...query, where: { id: journey.id } });
      },
    }),
  );
}

const StopJourneyResult = builder.objectRef<{ journeyId: string; cancelledRuns: number }>('StopJourneyResult').implement({
  fields: (t) => ({
    journey: t.prismaField({ type: 'Journey', resolve: (query, result, _args, { prisma }) => prisma.journey.findUniqueOrThrow({ ...query, where: { id: result.journeyId } }) }),
    cancelledRuns: t.exposeInt('cancelledRuns', { description: 'Runs that were in flight and are cancelled.' }),
  }),
});

builder.mutationField('stopJourney', (t) =>
  t.field({
    type: StopJourneyResult,
    description: 'Stops entries and cancels every run in flight (each records "the journey was stopped"); says how many.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const journey = await findJourney(context.prisma, workspaceOf(context), String(args.id));
      const { cancelledRuns } = await lifecycle(() => stopJourney(context.prisma, temporalOf(context), journey.workspaceId, journey.id));
      return { journeyId: journey.id, cancelledRuns };
    },
  }),
);
