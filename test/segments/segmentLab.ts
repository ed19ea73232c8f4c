import { randomUUID } from 'node:crypto';
import type { Database } from '@tideflow/db';
import {
  type AttributeType,
  segmentEstimateQuery,
  segmentMembersQuery,
  segmentUserCheckQuery,
  segmentUsersChecksQuery,
  type SegmentDefinition,
  type SegmentNode,
  type SegmentSqlContext,
  validateSegment,
} from '@tideflow/domain';
import { openTestDatabase } from '../support';

/**
 * Constructed data for segment tests: users and events written straight into a
 * fresh database (PGlite, or Postgres with DATABASE_URL) so every column, trait
 * and timestamp is exactly what the test says, including values the ingestion
 * API would normalise away (JSON null, junk dates, millisecond boundaries).
 */

export const second = 1_000;
export const minute = 60_000;
export const hour = 3_600_000;
export const day = 86_400_000;
/** A fixed "now" for every segment test: time windows are computed against it, never against the clock. */
export const labNow = new Date('2026-03-10T12:00:00.000Z');
export const ago = (ms: number) => new Date(labNow.getTime() - ms);

export interface EventSpec {
  name: string;
  at: Date;
  properties?: Record<string, unknown>;
}

export interface UserSpec {
  /** The externalId, used to name members in assertions. */
  id: string;
  /** The internal id, when a test needs it fixed (otherwise generated). */
  uuid?: string;
  email?: string | null;
  phone?: string | null;
  country?: string | null;
  platform?: string | null;
  os?: string | null;
  browser?: string | null;
  deviceType?: string | null;
  deviceModel?: string | null;
  appVersion?: string | null;
  firstSeenAt?: Date;
  lastSeenAt?: Date;
  traits?: Record<string, unknown>;
  events?: EventSpec[];
}

export interface SegmentLab {
  db: Database;
  workspaceId: string;
  context: SegmentSqlContext;
  /** Internal user id by externalId. */
  ids: Map<string, string>;
  addUsers(users: UserSpec[]): Promise<void>;
  addEvents(externalId: string, events: EventSpec[]): Promise<void>;
  /** Adds users for the duration of `work` only (removed again even when it fails). */
  withUsers<T>(users: UserSpec[], work: () => Promise<T>): Promise<T>;
  /** Validates (shape only), compiles and runs the members query; asserts that the one-user check and the batched checks (the segment processor's) agree for every user. Returns the members' externalIds, sorted. */
  members(definition: unknown, context?: Partial<SegmentSqlContext>): Promise<string[]>;
  /** Members without the per-user agreement check (for large property-based runs, which check it on a sample). */
  membersOnly(definition: SegmentDefinition, context?: Partial<SegmentSqlContext>): Promise<string[]>;
  /** The externalIds for which the one-user check says "member". */
  checkedMembers(definition: SegmentDefinition, externalIds: readonly string[], context?: Partial<SegmentSqlContext>): Promise<string[]>;
  /** The externalIds for which the batched check (segmentUsersChecksQuery, one query for many users) says "member". */
  batchCheckedMembers(definition: SegmentDefinition, externalIds: readonly string[], context?: Partial<SegmentSqlContext>): Promise<string[]>;
  estimate(definition: unknown, samplePercent: number, sampleSize?: number, sampleBy?: 'hash' | 'idRange'): Promise<{ matched: number; sample: string[] }>;
  close(): Promise<void>;
}

export function parseDefinition(definition: unknown): SegmentDefinition {
  const validation = validateSegment(definition);
  if (!validation.ok) throw new Error(`invalid definition ${JSON.stringify(definition)}: ${JSON.stringify(validation.problems)}`);
  return validation.definition;
}

/** `{ root: all(children) }` */
export const all = (...children: unknown[]) => ({ root: { type: 'group', match: 'all', negate: false, children } });
export const any = (...children: unknown[]) => ({ root: { type: 'group', match: 'any', negate: false, children } });
export const group = (match: 'all' | 'any', children: unknown[], negate = false): SegmentNode => ({ type: 'group', match, negate, children }) as SegmentNode;
export const attribute = (name: string, operator: string, rest: Record<string, unknown> = {}) => ({ type: 'attribute', attribute: name, operator, ...rest });

export async function openSegmentLab(options: { traitTypes?: Record<string, AttributeType>; eventGroups?: Record<string, string[]> } = {}): Promise<SegmentLab> {
  const db = await openTestDatabase();
  const workspace = await db.prisma.workspace.create({ data: { name: 'Segment lab', slug: `segment-lab-${randomUUID().slice(0, 8)}` } });
  const ids = new Map<string, string>();
  const externalIds = new Map<string, string>();
  const context: SegmentSqlContext = {
    workspaceId: workspace.id,
    now: labNow,
    traitTypes: new Map(Object.entries(options.traitTypes ?? {})),
    eventGroups: new Map(Object.entries(options.eventGroups ?? {})),
  };
  const run = async (query: { text: string; params: unknown[] }) => db.prisma.$queryRawUnsafe<Array<{ id: string }>>(query.text, ...query.params);

  const lab: SegmentLab = {
    db,
    workspaceId: workspace.id,
    context,
    ids,
    async addUsers(users) {
      for (const { id, uuid, events, traits, ...columns } of users) {
        const row = await db.prisma.user.create({
          data: { ...(uuid ? { id: uuid } : {}), workspaceId: workspace.id, externalId: id, ...columns, firstSeenAt: columns.firstSeenAt ?? ago(100 * day), lastSeenAt: columns.lastSeenAt ?? ago(day), traits: (traits ?? {}) as object },
        });
        ids.set(id, row.id);
        externalIds.set(row.id, id);
        if (events?.length) await lab.addEvents(id, events);
      }
    },
    async addEvents(externalId, events) {
      const userId = ids.get(externalId);
      if (!userId) throw new Error(`no user ${externalId}`);
      await db.prisma.event.createMany({
        data: events.map((e) => ({ workspaceId: workspace.id, userId, type: 'TRACK' as const, name: e.name, properties: (e.properties ?? {}) as object, timestamp: e.at, messageId: randomUUID() })),
      });
    },
    async withUsers(users, work) {
      await lab.addUsers(users);
      try {
        return await work();
      } finally {
        await db.prisma.user.deleteMany({ where: { workspaceId: workspace.id, externalId: { in: users.map((u) => u.id) } } });
        for (const { id } of users) {
          externalIds.delete(ids.get(id)!);
          ids.delete(id);
        }
      }
    },
    async membersOnly(definition, overrides = {}) {
      const rows = await run(segmentMembersQuery(definition, { ...context, ...overrides }));
      return rows.map((r) => externalIds.get(r.id) ?? `?${r.id}`).sort();
    },
    async checkedMembers(definition, users, overrides = {}) {
      const found: string[] = [];
      for (const externalId of users) {
        const rows = await run(segmentUserCheckQuery(definition, { ...context, ...overrides }, ids.get(externalId)!));
        if (rows.length > 1) throw new Error(`the one-user check returned ${rows.length} rows for ${externalId}`);
        if (rows.length === 1) found.push(externalId);
      }
      return found.sort();
    },
    async batchCheckedMembers(definition, users, overrides = {}) {
      if (!users.length) return [];
      // A second check over half the users: each column is computed for its own users only.
      const half = users.filter((_, i) => i % 2 === 0).map((u) => ids.get(u)!);
      const query = segmentUsersChecksQuery(
        [
          { definition, userIds: users.map((u) => ids.get(u)!) },
          { definition, userIds: half },
        ],
        { ...context, ...overrides },
      );
      const rows = await db.prisma.$queryRawUnsafe<Array<{ id: string; c0: boolean | null; c1: boolean | null }>>(query.text, ...query.params);
      if (rows.length !== users.length) throw new Error(`the batched check returned ${rows.length} rows for ${users.length} users`);
      for (const row of rows) {
        const expected = half.includes(row.id) ? row.c0 : null;
        if (row.c1 !== expected) throw new Error(`the batched check's second column disagrees for ${externalIds.get(row.id)}: ${row.c1} vs ${expected}`);
      }
      return rows.filter((row) => row.c0 === true).map((row) => externalIds.get(row.id) ?? `?${row.id}`).sort();
    },
    async members(input, overrides = {}) {
      const definition = parseDefinition(input);
      const members = await lab.membersOnly(definition, overrides);
      const checked = await lab.checkedMembers(definition, [...ids.keys()], overrides);
      const batchChecked = await lab.batchCheckedMembers(definition, [...ids.keys()], overrides);
      // The one-user check and the batched checks (live updates) agree with the full computation for every user.
      expect({ definition: input, checked, batchChecked }).toEqual({ definition: input, checked: members, batchChecked: members });
      return members;
    },
    async estimate(input, samplePercent, sampleSize = 1_000, sampleBy = 'hash') {
      const query = segmentEstimateQuery(parseDefinition(input), context, { samplePercent, sampleSize, sampleBy });
      const [row] = await db.prisma.$queryRawUnsafe<Array<{ matched: number; sample: string[] }>>(query.text, ...query.params);
      return { matched: row!.matched, sample: row!.sample.map((id) => externalIds.get(id) ?? `?${id}`).sort() };
    },
    close: () => db.close(),
  };
  return lab;
}
