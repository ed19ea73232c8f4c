import { type PrismaClient, type Segment, type SqlDriver, sqlDriverOf } from '@tideflow/db';
import { idRangeSample, type SegmentDefinition, segmentDependencies, type SegmentProblem, segmentEstimateQuery, validateSegment } from '@tideflow/domain';
import { recomputeSegment } from './computeSegment';
import { loadSegmentCatalog } from './segmentCatalog';
import { refreshSegmentInterest } from './segmentInbox';
import { runSegmentQuery } from './segmentQueries';
import { segmentUsers } from './segmentUsage';

export class SegmentServiceError extends Error {
  override name = 'SegmentServiceError';
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID',
    message: string,
    readonly problems: SegmentProblem[] = [],
  ) {
    super(message);
  }
}

export interface SegmentInput {
  name: string;
  description?: string | null;
  definition?: unknown;
  isTest?: boolean;
}

async function validated(prisma: PrismaClient, workspaceId: string, definition: unknown, selfId?: string): Promise<{ definition: SegmentDefinition; dependencies: ReturnType<typeof segmentDependencies> }> {
  const { catalog, eventGroups } = await loadSegmentCatalog(prisma, workspaceId, selfId);
  const validation = validateSegment(definition, catalog);
  if (!validation.ok) throw new SegmentServiceError('INVALID', `The segment definition has ${validation.problems.length} problem(s)`, validation.problems);
  return { definition: validation.definition, dependencies: segmentDependencies(validation.definition, eventGroups) };
}

/**
 * A live segment follows users as they act; a static one is a snapshot of a
 * definition now (or an upload) and never updates itself. Both are computed
 * before this returns.
 */
export async function createSegment(prisma: PrismaClient, sql: SqlDriver, workspaceId: string, kind: 'LIVE' | 'STATIC', input: SegmentInput): Promise<Segment> {
  if (kind === 'LIVE' && input.definition == null) throw new SegmentServiceError('INVALID', 'A live segment needs a definition', [{ path: 'definition', message: 'is required for a live segment' }]);
  const checked = input.definition == null ? null : await validated(prisma, workspaceId, input.definition);
  const segment = await prisma.$transaction(async (tx) => {
    const created = await tx.segment.create({
      data: {
        workspaceId,
        kind,
        name: input.name,
        description: input.description ?? null,
        isTest: input.isTest ?? false,
        definition: (checked?.definition as object | undefined) ?? undefined,
        dependsOnEvents: kind === 'LIVE' ? (checked?.dependencies.events ?? []) : [],
        dependsOnProfile: kind === 'LIVE' && (checked?.dependencies.profile ?? false),
        timeSensitive: kind === 'LIVE' && (checked?.dependencies.timeSensitive ?? false),
        references: checked?.dependencies.references ?? [],
        status: checked ? 'COMPUTING' : 'READY',
      },
    });
    if (kind === 'LIVE') await refreshSegmentInterest(tx, workspaceId);
    return created;
  });
  if (checked) await recomputeSegment(prisma, sql, segment.id, { silent: true });
  return prisma.segment.findUniqueOrThrow({ where: { id: segment.id } });
}

export async function updateSegment(prisma: PrismaClient, sql: SqlDriver, workspaceId: string, id: string, input: Partial<SegmentInput>): Promise<Segment> {
  const segment = await prisma.segment.findFirst({ where: { id, workspaceId } });
  if (!segment) throw new SegmentServiceError('NOT_FOUND', 'Segment was not found in this workspace');
  const checked = input.definition == null ? null : await validated(prisma, workspaceId, input.definition, id);
  if (checked && segment.kind === 'STATIC' && !segment.definition) throw new SegmentServiceError('CONFLICT', 'An uploaded static segment has no definition to change; upload a new file instead');
  await prisma.$transaction(async (tx) => {
    await tx.segment.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.isTest !== undefined ? { isTest: input.isTest } : {}),
        ...(checked
          ? {
              definition: checked.definition as object,
              dependsOnEvents: segment.kind === 'LIVE' ? checked.dependencies.events : [],
              dependsOnProfile: segment.kind === 'LIVE' && checked.dependencies.profile,
              timeSensitive: segment.kind === 'LIVE' && checked.dependencies.timeSensitive,
              references: checked.dependencies.references,
              status: 'COMPUTING',
            }
          : {}),
      },
    });
    if (checked && segment.kind === 'LIVE') await refreshSegmentInterest(tx, workspaceId);
  });
  // A new definition is a new audience: membership is rebuilt, not announced user by user.
  if (checked) await recomputeSegment(prisma, sql, id, { silent: true });
  return prisma.segment.findUniqueOrThrow({ where: { id } });
}

/** Refused while a journey or another segment uses it, naming them. */
export async function deleteSegment(prisma: PrismaClient, workspaceId: string, id: string): Promise<void> {
  const segment = await prisma.segment.findFirst({ where: { id, workspaceId } });
  if (!segment) throw new SegmentServiceError('NOT_FOUND', 'Segment was not found in this workspace');
  const users = await segmentUsers(prisma, workspaceId, id);
  if (users.length) throw new SegmentServiceError('CONFLICT', `Segment "${segment.name}" is used by ${users.map((u) => `${u.kind.toLowerCase()} "${u.name}"`).join(', ')}; remove it from them first`);
  await prisma.$transaction(async (tx) => {
    await tx.segment.delete({ where: { id } });
    await refreshSegmentInterest(tx, workspaceId);
  });
}

export interface SegmentPreview {
  /** Members counted (exact) or estimated from a sample. */
  size: number;
  exact: boolean;
  samplePercent: number;
  sampleUserIds: string[];
  problems: SegmentProblem[];
}

/** Workspaces up to this many users are counted exactly while editing; larger ones from a sample. */
const exactPreviewUpTo = 50_000;
const targetSampleUsers = 20_000;

/** Size and sample users of a definition before it is saved (invalid definitions get their problems, and no count). */
export async function previewSegment(prisma: PrismaClient, workspaceId: string, definition: unknown, selfId?: string): Promise<SegmentPreview> {
  const { catalog, sqlContext } = await loadSegmentCatalog(prisma, workspaceId, selfId);
  const validation = validateSegment(definition, catalog);
  if (!validation.ok) return { size: 0, exact: false, samplePercent: 0, sampleUserIds: [], problems: validation.problems };
  const users = await prisma.user.count({ where: { workspaceId } });
  const samplePercent = users <= exactPreviewUpTo ? 100 : Math.max(0.1, Math.min(100, (targetSampleUsers / users) * 100));
  // A sample by id range: its events are read through the index on (workspace, user), not all of them.
  const query = segmentEstimateQuery(validation.definition, sqlContext(), { samplePercent, sampleSize: 10, sampleBy: 'idRange' });
  const [row] = await runSegmentQuery<{ matched: number; sample: string[] }>(sqlDriverOf(prisma), query);
  const size = samplePercent >= 100 ? row!.matched : Math.round(row!.matched / idRangeSample(samplePercent).fraction);
  return { size, exact: samplePercent >= 100, samplePercent, sampleUserIds: row!.sample, problems: [] };
}
