import type { Journey, PrismaClient } from '@tideflow/db';
import { type JourneyDefinition, type JourneyNodeOf, type JourneyProblem, listenedEvents, validateJourney } from '@tideflow/domain';
import { checkTemplate } from '@tideflow/domain/templates';
import { refreshJourneyIndex } from './journeyIndex';
import { syncJourneySchedules } from './journeySchedules';
import type { TemporalTarget } from './startJourneyRun';

export type JourneyLifecycleErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'TEMPORAL_UNAVAILABLE';

export class JourneyLifecycleError extends Error {
  override name = 'JourneyLifecycleError';
  constructor(
    readonly code: JourneyLifecycleErrorCode,
    message: string,
    readonly problems: JourneyProblem[] = [],
  ) {
    super(message);
  }
}

/** The validation used everywhere a definition is checked (API, publish, the builder), against the workspace's segments. */
export async function validateJourneyDraft(prisma: PrismaClient, workspaceId: string, draft: unknown) {
  const segments = await prisma.segment.findMany({ where: { workspaceId }, select: { id: true, name: true, kind: true } });
  return validateJourney(draft, { checkTemplate, segments: new Map(segments.map((s) => [s.id, { name: s.name, kind: s.kind }])) });
}

const scheduleNodesOf = (definition: JourneyDefinition | null) => (definition?.nodes ?? []).filter((node): node is JourneyNodeOf<'scheduleTrigger'> => node.type === 'scheduleTrigger');

async function lockJourney(prisma: PrismaClient, workspaceId: string, journeyId: string) {
  const journey = await prisma.journey.findFirst({ where: { id: journeyId, workspaceId } });
  if (!journey) throw new JourneyLifecycleError('NOT_FOUND', 'Journey was not found in this workspace');
  return journey;
}

async function versionDefinition(prisma: PrismaClient, journey: Journey): Promise<JourneyDefinition | null> {
  if (journey.latestVersion === null) return null;
  const row = await prisma.journeyVersion.findUnique({ where: { journeyId_version: { journeyId: journey.id, version: journey.latestVersion } } });
  return (row?.definition as unknown as JourneyDefinition) ?? null;
}

/**
 * Validates the draft and freezes it into the next version. New entries use
 * it at once; runs in flight finish on the version they started with.
 */
export async function publishJourney(prisma: PrismaClient, temporal: TemporalTarget | null, workspaceId: string, journeyId: string): Promise<{ journey: Journey; version: number }> {
  const current = await lockJourney(prisma, workspaceId, journeyId);
  if (current.status === 'ARCHIVED') throw new JourneyLifecycleError('CONFLICT', 'An archived journey cannot be published');
  const validation = await validateJourneyDraft(prisma, workspaceId, current.draft);
  if (!validation.ok) {
    const errors = validation.problems.filter((p) => p.severity === 'error');
    throw new JourneyLifecycleError('INVALID', `The journey has ${errors.length} problem(s) and was not published`, errors);
  }
  const definition = validation.definition;
  const previous = await versionDefinition(prisma, current);
  if ((scheduleNodesOf(definition).length || scheduleNodesOf(previous).length) && !temporal) throw new JourneyLifecycleError('TEMPORAL_UNAVAILABLE', 'Scheduled triggers need the workflow engine (Temporal), which is not reachable; retry shortly');

  const journey = await prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRawUnsafe<Journey[]>(`SELECT * FROM "Journey" WHERE id = $1::uuid FOR UPDATE`, journeyId);
    if (!locked || locked.draftRevision !== current.draftRevision) throw new JourneyLifecycleError('CONFLICT', 'The draft changed while publishing; review it and publish again');
    const version = (locked.latestVersion ?? 0) + 1;
    await tx.journeyVersion.create({ data: { journeyId, version, definition: definition as object, listenedEvents: listenedEvents(definition) } });
    const updated = await tx.journey.update({
      where: { id: journeyId },
      data: { latestVersion: version, publishedAt: new Date(), status: locked.status === 'PAUSED' ? 'PAUSED' : 'LIVE', stoppedAt: null },
    });
    await refreshJourneyIndex(tx, updated, definition);
    return updated;
  });
  if (temporal) {
    const nodes = scheduleNodesOf(definition);
    const removed = scheduleNodesOf(previous).map((n) => n.id).filter((id) => !nodes.some((n) => n.id === id));
    await syncJourneySchedules(temporal, { workspaceId, journeyId, journeyName: journey.name }, nodes, removed, journey.status === 'PAUSED');
  }
  return { journey, version: journey.latestVersion! };
}

async function changeStatus(prisma: PrismaClient, temporal: TemporalTarget | null, workspaceId: string, journeyId: string, from: Journey['status'][], to: Journey['status'], verb: string): Promise<Journey> {
  const current = await lockJourney(prisma, workspaceId, journeyId);
  if (!from.includes(current.status)) throw new JourneyLifecycleError('CONFLICT', `Only a ${from.map((s) => s.toLowerCase()).join(' or ')} journey can be ${verb} (this one is ${current.status.toLowerCase()})`);
  const definition = await versionDefinition(prisma, current);
  const schedules = scheduleNodesOf(definition);
  if (schedules.length && !temporal) throw new JourneyLifecycleError('TEMPORAL_UNAVAILABLE', 'The workflow engine (Temporal) is not reachable; retry shortly');
  const journey = await prisma.$transaction(async (tx) => {
    const updated = await tx.journey.updateMany({ where: { id: journeyId, status: current.status }, data: { status: to, ...(to === 'STOPPED' ? { stoppedAt: new Date() } : {}) } });
    if (!updated.count) throw new JourneyLifecycleError('CONFLICT', 'The journey changed meanwhile; try again');
    const journey = await tx.journey.findUniqueOrThrow({ where: { id: journeyId } });
    await refreshJourneyIndex(tx, journey, definition);
    return journey;
  });
  if (temporal && schedules.length) {
    const keep = to === 'LIVE' || to === 'PAUSED';
    await syncJourneySchedules(temporal, { workspaceId, journeyId, journeyName: journey.name }, keep ? schedules : [], keep ? [] : schedules.map((n) => n.id), to === 'PAUSED');
  }
  return journey;
}

/** No new entries; runs in flight continue. */
export const pauseJourney = (prisma: PrismaClient, temporal: TemporalTarget | null, workspaceId: string, journeyId: string) => changeStatus(prisma, temporal, workspaceId, journeyId, ['LIVE'], 'PAUSED', 'paused');

export const resumeJourney = (prisma: PrismaClient, temporal: TemporalTarget | null, workspaceId: string, journeyId: string) => changeStatus(prisma, temporal, workspaceId, journeyId, ['PAUSED'], 'LIVE', 'resumed');

/** Hidden from the default list; only journeys without runs in flight. */
export const archiveJourney = (prisma: PrismaClient, temporal: TemporalTarget | null, workspaceId: string, journeyId: string) => changeStatus(prisma, temporal, workspaceId, journeyId, ['DRAFT', 'STOPPED'], 'ARCHIVED', 'archived');

/** Stops entries and cancels every run in flight; returns how many were cancelled. */
export async function stopJourney(prisma: PrismaClient, temporal: TemporalTarget | null, workspaceId: string, journeyId: string): Promise<{ journey: Journey; cancelledRuns: number }> {
  if (!temporal) throw new JourneyLifecycleError('TEMPORAL_UNAVAILABLE', 'Stopping cancels runs in the workflow engine (Temporal), which is not reachable; retry shortly');
  const journey = await changeStatus(prisma, temporal, workspaceId, journeyId, ['LIVE', 'PAUSED'], 'STOPPED', 'stopped');
  return { journey, cancelledRuns: await cancelActiveRuns(prisma, temporal, journeyId) };
}

/** Cancels active runs in pages; each workflow records its own end ("the journey was stopped"). */
async function cancelActiveRuns(prisma: PrismaClient, temporal: TemporalTarget, journeyId: string): Promise<number> {
  let cancelled = 0;
  let cursor: string | undefined;
  for (;;) {
    const runs = await prisma.journeyRun.findMany({ where: { journeyId, status: 'ACTIVE', ...(cursor ? { id: { gt: cursor } } : {}) }, orderBy: { id: 'asc' }, take: 200, select: { id: true, workflowId: true, workflowStartedAt: true } });
    if (!runs.length) return cancelled;
    await Promise.all(
      runs.map(async (run) => {
        try {
          await temporal.client.workflow.getHandle(run.workflowId).cancel();
        } catch {
          // Never started, or already closed: end the record here.
          await prisma.journeyRun.updateMany({ where: { id: run.id, status: 'ACTIVE' }, data: { status: 'CANCELLED', endedAt: new Date(), endReason: 'the journey was stopped', listeningTo: [] } });
        }
      }),
    );
    cancelled += runs.length;
    cursor = runs[runs.length - 1]!.id;
  }
}
