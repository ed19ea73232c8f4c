import type { PrismaClient, SqlDriver } from '@tideflow/db';
import { type AttributeType, SegmentDefinition, type SegmentSqlContext, segmentDependencies, segmentUserChecksQuery } from '@tideflow/domain';
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
/** Users re-checked at the same time: each check waits on database round trips, and users are independent. */
const userConcurrency = 4;

interface LiveSegment {
  id: string;
  name: string;
  workspaceId: string;
  definition: SegmentDefinition;
  dependsOnEvents: string[];
  references: string[];
  sweepOnly: boolean;
}

interface LiveSegmentRow {
  id: string;
  name: string;
  definition: unknown;
  dependsOnEvents: string[];
  references: string[];
  updatedAt: string;
}

/** What one re-check needs from a workspace: its live segments and the compiler's catalog (trait types, event groups). */
interface WorkspaceLiveSegments {
  segments: LiveSegment[];
  traitTypes: ReadonlyMap<string, AttributeType>;
  eventGroups: ReadonlyMap<string, readonly string[]>;
}

/** Parsed definitions by segment id and version (`updatedAt`): parsing and analysing them is the same work every event. */
const parsedDefinitions = new Map<string, { definition: SegmentDefinition; sweepOnly: boolean }>();

/**
 * Keeps live segments current per event: for each user with new events, the
 * live segments that depend on those event names are re-checked for that user
 * alone (one indexed query for all of them), and entries and exits are
 * recorded. Segments that refer to a changed segment are re-checked in turn.
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
    this.draining = this.drainQueue()
      .catch((error) => this.deps.onError?.(error))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once the queue is empty, including what a drain already under way is processing. */
  async drain(): Promise<void> {
    await this.draining?.catch(() => undefined);
    await this.drainQueue();
  }

  private async drainQueue(): Promise<void> {
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
    // Claim and read the events in one round trip (an event deleted meanwhile comes back without a user: nothing to check).
    const claimed = await prisma.$queryRawUnsafe<Array<{ id: bigint; workspaceId: string | null; userId: string | null; name: string | null }>>(
      `WITH claimed AS (
         UPDATE "SegmentInbox" SET "claimedAt" = now()
          WHERE id IN (SELECT id FROM "SegmentInbox" WHERE "claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => $2)
                        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, "eventId")
       SELECT c.id, e."workspaceId", e."userId", e.name FROM claimed c LEFT JOIN "Event" e ON e.id = c."eventId"`,
      claimBatch,
      claimTimeoutSeconds,
    );
    if (!claimed.length) return 0;
    const byWorkspace = new Map<string, Map<string, Set<string>>>();
    for (const event of claimed) {
      if (!event.workspaceId || !event.userId || !event.name) continue;
      const users = byWorkspace.get(event.workspaceId) ?? new Map<string, Set<string>>();
      users.set(event.userId, (users.get(event.userId) ?? new Set()).add(event.name));
      byWorkspace.set(event.workspaceId, users);
    }
    let changed = false;
    for (const [workspaceId, users] of byWorkspace) changed = (await this.updateUsers(workspaceId, users)) || changed;
    await prisma.$executeRawUnsafe(`DELETE FROM "SegmentInbox" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)`, JSON.stringify(claimed.map((row) => String(row.id))));
    if (changed) this.deps.onMembershipChanged?.();
    return claimed.length;
  }

  /** The workspace's live segments and the catalog the compiler reads, in one round trip; definitions parsed once per version. */
  private async liveSegments(workspaceId: string): Promise<WorkspaceLiveSegments> {
    const [row] = await this.deps.prisma.$queryRawUnsafe<Array<{ segments: LiveSegmentRow[]; traits: Record<string, AttributeType>; groups: Record<string, string[]> }>>(
      `SELECT
         (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'definition', s.definition, 'dependsOnEvents', to_jsonb(s."dependsOnEvents"),
                                                       'references', to_jsonb(s."references"), 'updatedAt', s."updatedAt")), '[]'::jsonb)
            FROM "Segment" s WHERE s."workspaceId" = $1::uuid AND s.kind = 'LIVE' AND s.definition IS NOT NULL) AS segments,
         (SELECT COALESCE(jsonb_object_agg(a.name, a.type), '{}'::jsonb) FROM "AttributeDefinition" a WHERE a."workspaceId" = $1::uuid AND NOT a.system) AS traits,
         (SELECT COALESCE(jsonb_object_agg(g.name, (SELECT COALESCE(jsonb_agg(d.name), '[]'::jsonb) FROM "EventDefinition" d WHERE d."groupId" = g.id)), '{}'::jsonb)
            FROM "EventGroup" g WHERE g."workspaceId" = $1::uuid) AS groups`,
      workspaceId,
    );
    const eventGroups = new Map(Object.entries(row!.groups));
    if (parsedDefinitions.size > 10_000) parsedDefinitions.clear();
    const segments = row!.segments.map((s): LiveSegment => {
      const key = `${s.id}@${s.updatedAt}`;
      let parsed = parsedDefinitions.get(key);
      if (!parsed) {
        const definition = SegmentDefinition.parse(s.definition);
        parsed = { definition, sweepOnly: segmentDependencies(definition, eventGroups).sweepOnly };
        parsedDefinitions.set(key, parsed);
      }
      return { id: s.id, name: s.name, workspaceId, definition: parsed.definition, dependsOnEvents: s.dependsOnEvents ?? [], references: s.references ?? [], sweepOnly: parsed.sweepOnly };
    });
    return { segments, traitTypes: new Map(Object.entries(row!.traits)), eventGroups };
  }

  /** Re-checks, for each user, the live segments their new events can change. Returns whether any membership changed. */
  async updateUsers(workspaceId: string, users: ReadonlyMap<string, ReadonlySet<string>>): Promise<boolean> {
    const { prisma, sql } = this.deps;
    const live = await this.liveSegments(workspaceId);
    if (!live.segments.length) return false;
    const order = dependencyOrder(live.segments);
    const position = new Map(order.map((s, i) => [s.id, i]));
    let changed = false;

    const recheck = async (userId: string, userEvents: ReadonlySet<string>) => {
      // "Now" of this user's check: windows slide, and entries and exits are recorded at it.
      const now = new Date();
      const context: SegmentSqlContext = { workspaceId, now, traitTypes: live.traitTypes, eventGroups: live.eventGroups };
      const pending = order.filter((s) => !s.sweepOnly && s.dependsOnEvents.some((name) => userEvents.has(name)));
      const checks = new Map<string, number>();
      while (pending.length) {
        // Every pending segment that refers to no other pending one is checked now, all in one query (with the
        // user's stored memberships beside it); the others wait until what they refer to is settled.
        const pendingIds = new Set(pending.map((s) => s.id));
        const ready = pending.filter((s) => !s.references.some((id) => pendingIds.has(id)));
        const batch = (ready.length ? ready : [pending[0]!]).filter((s) => {
          const times = checks.get(s.id) ?? 0;
          checks.set(s.id, times + 1);
          return times < maxRipple;
        });
        for (const s of ready.length ? ready : [pending[0]!]) pending.splice(pending.indexOf(s), 1);
        if (!batch.length) continue;
        const query = segmentUserChecksQuery(batch.map((s) => s.definition), context, userId);
        const [[member], stored] = await Promise.all([
          prisma.$queryRawUnsafe<Array<Record<string, boolean>>>(query.text, ...query.params),
          prisma.$queryRawUnsafe<Array<{ segmentId: string }>>(
            `SELECT "segmentId" FROM "SegmentMember" WHERE "userId" = $1::uuid AND "segmentId" IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)`,
            userId,
            JSON.stringify(batch.map((s) => s.id)),
          ),
        ]);
        const storedIds = new Set(stored.map((row) => row.segmentId));
        for (const [i, segment] of batch.entries()) {
          const isMember = member![`c${i}`] === true;
          if (isMember === storedIds.has(segment.id)) continue;
          const outcome = await applyMembershipChanges(sql, segment, isMember ? { enter: [userId], exit: [] } : { enter: [], exit: [userId] }, now);
          if (outcome.entered.length + outcome.exited.length === 0) continue;
          changed = true;
          for (const dependent of order) {
            if (!dependent.sweepOnly && dependent.references.includes(segment.id) && !pending.includes(dependent)) pending.push(dependent);
          }
        }
        pending.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
      }
    };
    const queue = [...users];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await recheck(next[0], next[1]);
    };
    await Promise.all(Array.from({ length: Math.min(userConcurrency, queue.length) }, worker));
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
