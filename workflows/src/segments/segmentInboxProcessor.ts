import type { PrismaClient, SqlDriver } from '@tideflow/db';
import { type AttributeType, SegmentDefinition, type SegmentSqlContext, segmentDependencies, segmentUsersChecksQuery, systemEventNames } from '@tideflow/domain';
import { applyMembershipChanges } from './segmentMembership';
import { InboxProcessor } from '../inbox/inboxProcessor';

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
/** Users checked in one query: their event subqueries are index probes, correlated to each user's row. */
const checkChunk = 200;

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
 * live segments that depend on those event names are re-checked for those users
 * alone (one query of index probes for a few hundred users and all their
 * segments), and entries and exits are recorded per segment. Segments that refer
 * to a changed segment are re-checked in turn.
 */
export class SegmentInboxProcessor extends InboxProcessor {
  constructor(private readonly deps: SegmentProcessorDeps) {
    super((error) => deps.onError?.(error));
  }

  protected async drainOnce(): Promise<number> {
    const { prisma } = this.deps;
    // Claim and read the events in one round trip (an event deleted meanwhile comes back without a user: nothing to check).
    const claimed = await prisma.$queryRawUnsafe<Array<{ id: bigint; workspaceId: string | null; userId: string | null; name: string | null; profileChanged: boolean }>>(
      `WITH claimed AS (
         UPDATE "SegmentInbox" SET "claimedAt" = now()
          WHERE id IN (SELECT id FROM "SegmentInbox" WHERE "claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => $2)
                        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, "eventId", "profileChanged")
       SELECT c.id, e."workspaceId", e."userId", e.name, c."profileChanged" FROM claimed c LEFT JOIN "Event" e ON e.id = c."eventId"`,
      claimBatch,
      claimTimeoutSeconds,
    );
    if (!claimed.length) return 0;
    const byWorkspace = new Map<string, Map<string, Set<string>>>();
    for (const event of claimed) {
      if (!event.workspaceId || !event.userId || !event.name) continue;
      const users = byWorkspace.get(event.workspaceId) ?? new Map<string, Set<string>>();
      const names = (users.get(event.userId) ?? new Set<string>()).add(event.name);
      // A call that changed the profile (context, push token) counts as an identify for profile-based segments.
      if (event.profileChanged) names.add(systemEventNames.identify);
      users.set(event.userId, names);
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

  /**
   * Re-checks, for each user, the live segments their new events can change. Returns whether any membership changed.
   * In rounds: every user's pending segments that refer to no other pending segment of theirs are checked in
   * one query per chunk of users (with their stored memberships beside it), the changes are applied per
   * segment, and segments referring to a changed one become pending for the users who moved.
   */
  async updateUsers(workspaceId: string, users: ReadonlyMap<string, ReadonlySet<string>>): Promise<boolean> {
    const { prisma, sql } = this.deps;
    const live = await this.liveSegments(workspaceId);
    if (!live.segments.length) return false;
    const order = dependencyOrder(live.segments);
    const byId = new Map(order.map((s) => [s.id, s]));
    const position = new Map(order.map((s, i) => [s.id, i]));
    const pending = new Map<string, Set<string>>();
    for (const [userId, names] of users) {
      const ids = order.filter((s) => !s.sweepOnly && s.dependsOnEvents.some((name) => names.has(name))).map((s) => s.id);
      if (ids.length) pending.set(userId, new Set(ids));
    }
    const checked = new Map<string, number>();
    let changed = false;
    while (pending.size) {
      // This round: segment → the users to check it for.
      const round = new Map<string, string[]>();
      for (const [userId, ids] of pending) {
        let ready = [...ids].filter((id) => !byId.get(id)!.references.some((reference) => ids.has(reference)));
        if (!ready.length) ready = [[...ids].sort((a, b) => position.get(a)! - position.get(b)!)[0]!];
        for (const id of ready) {
          ids.delete(id);
          const key = `${userId}:${id}`;
          const times = checked.get(key) ?? 0;
          checked.set(key, times + 1);
          if (times < maxRipple) round.set(id, [...(round.get(id) ?? []), userId]);
        }
        if (!ids.size) pending.delete(userId);
      }
      if (!round.size) continue;
      // "Now" of this round's checks: windows slide, and entries and exits are recorded at it.
      const now = new Date();
      const context: SegmentSqlContext = { workspaceId, now, traitTypes: live.traitTypes, eventGroups: live.eventGroups };
      const segments = [...round.keys()].map((id) => byId.get(id)!).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
      const everyone = [...new Set([...round.values()].flat())];
      const changes = new Map<string, { enter: string[]; exit: string[] }>();
      for (let first = 0; first < everyone.length; first += checkChunk) {
        const chunk = new Set(everyone.slice(first, first + checkChunk));
        const checks = segments.map((segment) => ({ segment, userIds: round.get(segment.id)!.filter((id) => chunk.has(id)) })).filter((check) => check.userIds.length);
        const query = segmentUsersChecksQuery(checks.map((check) => ({ definition: check.segment.definition, userIds: check.userIds })), context);
        const [rows, stored] = await Promise.all([
          prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(query.text, ...query.params),
          prisma.$queryRawUnsafe<Array<{ userId: string; segmentId: string }>>(
            `SELECT "userId", "segmentId" FROM "SegmentMember"
              WHERE "userId" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) AND "segmentId" IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)`,
            JSON.stringify([...chunk]),
            JSON.stringify(checks.map((check) => check.segment.id)),
          ),
        ]);
        const isStored = new Set(stored.map((row) => `${row.userId}:${row.segmentId}`));
        const results = new Map(rows.map((row) => [row.id as string, row]));
        checks.forEach((check, i) => {
          for (const userId of check.userIds) {
            // A user no longer found (deleted meanwhile) is no one's member.
            const isMember = results.get(userId)?.[`c${i}`] === true;
            if (isMember === isStored.has(`${userId}:${check.segment.id}`)) continue;
            const change = changes.get(check.segment.id) ?? { enter: [], exit: [] };
            (isMember ? change.enter : change.exit).push(userId);
            changes.set(check.segment.id, change);
          }
        });
      }
      // Referenced segments first (dependency order), one transaction per segment.
      for (const segment of segments) {
        const change = changes.get(segment.id);
        if (!change) continue;
        // Referring segments are re-checked in the next round here, not through the inbox.
        const outcome = await applyMembershipChanges(sql, segment, change, now, { queueReferring: false });
        const moved = [...outcome.entered, ...outcome.exited];
        if (!moved.length) continue;
        changed = true;
        for (const dependent of order) {
          if (dependent.sweepOnly || !dependent.references.includes(segment.id)) continue;
          for (const userId of moved) pending.set(userId, (pending.get(userId) ?? new Set()).add(dependent.id));
        }
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
