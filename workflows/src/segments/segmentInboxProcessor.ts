import type { PrismaClient, SqlDriver } from '@tideflow/db';
import { SegmentDefinition, segmentDependencies, segmentUserCheckQuery } from '@tideflow/domain';
import { loadSegmentCatalog } from './segmentCatalog';
import { applyMembershipChanges } from './segmentMembership';

export interface SegmentProcessorDeps {
  prisma: PrismaClient;
  sql: SqlDriver;
  /** Membership changed: `Segment Entered/Exited` events wait for the journey processor. */
  onMembershipChanged?: () => void;
  onError?: (error: unknown) => void;
}

const claimBatch = 500;
const claimTimeoutSeconds = 120;
/** Segments referring to segments: a change ripples at most this many levels (cycles are refused anyway). */
const maxRipple = 8;

interface LiveSegment {
  id: string;
  name: string;
  workspaceId: string;
  definition: SegmentDefinition;
  dependsOnEvents: string[];
  references: string[];
  sweepOnly: boolean;
}

/**
 * Keeps live segments current per event: for each user with new events, the
 * live segments that depend on those event names are re-checked for that user
 * alone (one indexed query each), and entries and exits are recorded. Segments
 * that refer to a changed segment are re-checked in turn.
 */
export class SegmentInboxProcessor {
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: SegmentProcessorDeps) {}

  wake(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error) => this.deps.onError?.(error))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  async drain(): Promise<void> {
    while ((await this.drainOnce()) > 0);
  }

  start(intervalMs = 5_000): void {
    this.timer ??= setInterval(() => this.wake(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
  }

  private async drainOnce(): Promise<number> {
    const { prisma } = this.deps;
    const claimed = await prisma.$queryRawUnsafe<Array<{ id: bigint; eventId: string; workspaceId: string }>>(
      `UPDATE "SegmentInbox" SET "claimedAt" = now()
        WHERE id IN (SELECT id FROM "SegmentInbox" WHERE "claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => $2)
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, "eventId", "workspaceId"`,
      claimBatch,
      claimTimeoutSeconds,
    );
    if (!claimed.length) return 0;
    const events = await prisma.event.findMany({ where: { id: { in: claimed.map((row) => row.eventId) } }, select: { workspaceId: true, userId: true, name: true } });
    const byWorkspace = new Map<string, Map<string, Set<string>>>();
    for (const event of events) {
      const users = byWorkspace.get(event.workspaceId) ?? new Map<string, Set<string>>();
      users.set(event.userId, (users.get(event.userId) ?? new Set()).add(event.name));
      byWorkspace.set(event.workspaceId, users);
    }
    let changed = false;
    for (const [workspaceId, users] of byWorkspace) changed = (await this.updateUsers(workspaceId, users)) || changed;
    await prisma.segmentInbox.deleteMany({ where: { id: { in: claimed.map((row) => row.id) } } });
    if (changed) this.deps.onMembershipChanged?.();
    return claimed.length;
  }

  /** Re-checks, for each user, the live segments their new events can change. Returns whether any membership changed. */
  async updateUsers(workspaceId: string, users: ReadonlyMap<string, ReadonlySet<string>>): Promise<boolean> {
    const { prisma, sql } = this.deps;
    const rows = (await prisma.segment.findMany({ where: { workspaceId, kind: 'LIVE' } })).filter((row) => row.definition !== null);
    if (!rows.length) return false;
    const catalog = await loadSegmentCatalog(prisma, workspaceId);
    const segments: LiveSegment[] = rows.map((row) => {
      const definition = SegmentDefinition.parse(row.definition);
      return { id: row.id, name: row.name, workspaceId, definition, dependsOnEvents: row.dependsOnEvents, references: row.references, sweepOnly: segmentDependencies(definition, catalog.eventGroups).sweepOnly };
    });
    const now = new Date();
    const context = catalog.sqlContext(now);
    const order = dependencyOrder(segments);
    let changed = false;
    // Checked and applied one at a time, referenced segments first, so a segment
    // that refers to another sees its new membership.
    const checkAndApply = async (segment: LiveSegment, userId: string): Promise<boolean> => {
      const query = segmentUserCheckQuery(segment.definition, context, userId);
      const [member, stored] = await Promise.all([
        prisma.$queryRawUnsafe<unknown[]>(query.text, ...query.params),
        prisma.segmentMember.findUnique({ where: { segmentId_userId: { segmentId: segment.id, userId } }, select: { userId: true } }),
      ]);
      const isMember = member.length > 0;
      if (isMember === (stored !== null)) return false;
      const outcome = await applyMembershipChanges(sql, segment, isMember ? { enter: [userId], exit: [] } : { enter: [], exit: [userId] }, now);
      return outcome.entered.length + outcome.exited.length > 0;
    };

    for (const [userId, userEvents] of users) {
      const pending = order.filter((s) => !s.sweepOnly && s.dependsOnEvents.some((name) => userEvents.has(name)));
      const checks = new Map<string, number>();
      while (pending.length) {
        const segment = pending.shift()!;
        const times = checks.get(segment.id) ?? 0;
        if (times >= maxRipple) continue;
        checks.set(segment.id, times + 1);
        if (!(await checkAndApply(segment, userId))) continue;
        changed = true;
        for (const dependent of order) {
          if (!dependent.sweepOnly && dependent.references.includes(segment.id) && !pending.includes(dependent)) pending.push(dependent);
        }
        pending.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      }
    }
    return changed;
  }
}

/** Segments ordered so that each comes after the segments it refers to (references never form cycles). */
function dependencyOrder(segments: LiveSegment[]): LiveSegment[] {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const ordered: LiveSegment[] = [];
  const placed = new Set<string>();
  const place = (segment: LiveSegment, depth: number) => {
    if (placed.has(segment.id) || depth > 64) return;
    for (const id of segment.references) {
      const referenced = byId.get(id);
      if (referenced) place(referenced, depth + 1);
    }
    placed.add(segment.id);
    ordered.push(segment);
  };
  for (const segment of segments) place(segment, 0);
  return ordered;
}
