import { z } from 'zod';
import { ComparisonOperator, ComparisonValue, comparisonValueProblem } from '../conditions/comparison';
import { Duration } from '../conditions/duration';
import { PropertyFilters } from '../conditions/propertyFilter';
import { JourneyNode } from './journeyNodes';

/** A connection from one node's branch handle to another node (React Flow's shape). */
export const JourneyEdge = z.object({
  id: z.string().max(200).optional(),
  source: z.string().min(1, 'must name the source node'),
  /** The branch the edge leaves from: `next`, `matched`, `timeout`, `sent`, a split branch key, … */
  sourceHandle: z.string().min(1, 'must name the branch it leaves from').default('next'),
  target: z.string().min(1, 'must name the target node'),
});
export type JourneyEdge = z.infer<typeof JourneyEdge>;

export const ReEntryRule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('never') }),
  /** Again once the previous run has ended. */
  z.object({ mode: z.literal('afterExit') }),
  /** Any time, even while a run is active, at least `minimumGap` after the previous entry. */
  z.object({ mode: z.literal('anyTime'), minimumGap: Duration.optional() }),
]);
export type ReEntryRule = z.infer<typeof ReEntryRule>;

export const EntryRules = z
  .object({
    reEntry: ReEntryRule.default({ mode: 'never' }),
    maxEntriesPerUser: z.number().int().min(1).max(1_000_000).optional(),
    /** Entries are accepted from `startAt` until `endAt`. */
    window: z
      .object({ startAt: z.iso.datetime({ offset: true }).optional(), endAt: z.iso.datetime({ offset: true }).optional() })
      .refine((w) => !w.startAt || !w.endAt || Date.parse(w.startAt) < Date.parse(w.endAt), { message: 'must end after it starts', path: ['endAt'] })
      .optional(),
    maxConcurrentUsers: z.number().int().min(1).max(100_000_000).optional(),
  })
  .default({ reEntry: { mode: 'never' } });
export type EntryRules = z.infer<typeof EntryRules>;

/** The conversion that makes a run count as converted, within `within` after entry. */
export const JourneyGoal = z.object({
  eventName: z.string().trim().min(1, 'must name an event').max(255),
  filters: PropertyFilters,
  within: Duration,
  /** End the run as soon as the user converts. */
  exitOnConversion: z.boolean().default(false),
});
export type JourneyGoal = z.infer<typeof JourneyGoal>;

/** Ends a user's run at once, even while it waits. */
export const ExitCriterion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), eventName: z.string().trim().min(1, 'must name an event').max(255), filters: PropertyFilters }),
  z
    .object({ kind: z.literal('attribute'), attribute: z.string().trim().min(1).max(255), operator: ComparisonOperator, value: ComparisonValue.optional() })
    .superRefine((criterion, ctx) => {
      const problem = comparisonValueProblem(criterion.operator, criterion.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
    }),
  /** Leaving (or entering) a segment. */
  z.object({ kind: z.literal('segment'), segmentId: z.string().min(1, 'must pick a segment'), member: z.boolean().default(false) }),
]);
export type ExitCriterion = z.infer<typeof ExitCriterion>;

export const defaultMaxNodeVisits = 10;

/** What the marketer draws, and what a published version freezes. */
export const JourneyDefinition = z.object({
  nodes: z.array(JourneyNode),
  edges: z.array(JourneyEdge).default([]),
  entryRules: EntryRules,
  goal: JourneyGoal.optional(),
  exitCriteria: z.array(ExitCriterion).max(20, 'may have at most 20 exit criteria').default([]),
  /** How many times one run may pass through the same node (loops are bounded). */
  maxNodeVisits: z.number().int().min(1).max(100).default(defaultMaxNodeVisits),
});
export type JourneyDefinition = z.infer<typeof JourneyDefinition>;
export type JourneyDefinitionInput = z.input<typeof JourneyDefinition>;
