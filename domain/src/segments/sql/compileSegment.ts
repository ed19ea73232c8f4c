import type { AttributeType } from '../../attributes/attributeType';
import type { SegmentCondition, SegmentDefinition, SegmentNode } from '../segmentDefinition';
import { attributeValue, comparisonSql, traitTestCost } from './attributeSql';
import { aggregateCountsNone, aggregateSet, aggregateSql, behaviourSet, behaviourShape, behaviourSql, type EventScopeContext, eventTimeSet, eventTimeSql, rfmSet, rfmSql, type UserSet } from './eventSql';
import { reachabilitySql } from './reachabilitySql';
import { SqlParams } from './sqlParams';

export interface SegmentSqlContext {
  workspaceId: string;
  /** "Now" for sliding windows and relative dates. */
  now: Date;
  /** Custom traits' types from the attribute catalog (system attributes are known). */
  traitTypes: ReadonlyMap<string, AttributeType>;
  /** Event groups: name → member event names. */
  eventGroups: ReadonlyMap<string, readonly string[]>;
}

export interface SegmentQuery {
  text: string;
  params: unknown[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function conditionSql(condition: SegmentCondition, ctx: EventScopeContext, traitTypes: ReadonlyMap<string, AttributeType>): string {
  switch (condition.type) {
    case 'attribute':
    case 'technology':
      return comparisonSql(attributeValue(condition.attribute, traitTypes, ctx.params), condition, ctx.now, ctx.params);
    case 'behaviour':
      return behaviourSql(condition, ctx);
    case 'eventTime':
      return eventTimeSql(condition, ctx);
    case 'aggregate':
      return aggregateSql(condition, ctx);
    case 'reachability': {
      const reachable = reachabilitySql(condition.channel, ctx.params);
      return condition.reachable ? reachable : `NOT ${reachable}`;
    }
    case 'segment': {
      // Segment ids are UUIDs: any other text names no segment (and must not reach a uuid cast, which would fail the query).
      if (!uuidPattern.test(condition.segmentId)) return condition.member ? 'false' : 'true';
      const member = `EXISTS (SELECT 1 FROM "SegmentMember" m WHERE m."segmentId" = ${ctx.params.add(condition.segmentId, 'uuid')} AND m."userId" = u.id)`;
      return condition.member ? member : `NOT ${member}`;
    }
    case 'rfm':
      return rfmSql(condition, ctx);
  }
}

/**
 * Whether a node is a set of users taken from events or memberships alone (no profile condition),
 * and whether it holds for that set or for everyone else (`negated`). Decided before any SQL is
 * written, so no parameter is added for a form that is not used.
 */
function setShape(node: SegmentNode): { negated: boolean } | null {
  let shape: { negated: boolean } | null = null;
  if (node.type !== 'group') {
    switch (node.type) {
      case 'behaviour':
        return behaviourShape(node);
      case 'eventTime':
      case 'rfm':
        return { negated: false };
      case 'aggregate':
        return aggregateCountsNone(node) ? null : { negated: false };
      case 'segment':
        return uuidPattern.test(node.segmentId) ? { negated: !node.member } : null;
      default:
        return null;
    }
  }
  const children = node.children.map(setShape);
  if (!children.length || children.some((child) => child === null)) return null;
  // AND: the positive sets intersected, the complements taken away (at least one positive set is needed).
  if (node.match === 'all') shape = children.some((child) => !child!.negated) ? { negated: false } : null;
  // OR: a union of positive sets.
  else shape = children.every((child) => !child!.negated) ? { negated: false } : null;
  return shape && (node.negate ? { negated: !shape.negated } : shape);
}

/** The SQL of a node setShape accepted: `SELECT "userId"` of the set (see UserSet). */
function setSql(node: SegmentNode, ctx: EventScopeContext): UserSet {
  if (node.type !== 'group') {
    switch (node.type) {
      case 'behaviour':
        return behaviourSet(node, ctx);
      case 'eventTime':
        return eventTimeSet(node, ctx);
      case 'rfm':
        return rfmSet(node, ctx);
      case 'aggregate':
        return aggregateSet(node, ctx);
      case 'segment':
        return {
          sql: `SELECT m."userId" FROM "SegmentMember" m WHERE m."segmentId" = ${ctx.params.add(node.segmentId, 'uuid')} AND m."workspaceId" = ${ctx.workspace}${ctx.user ? ` AND m."userId" = ${ctx.user}` : ''}`,
          negated: !node.member,
          distinct: true,
        };
      default:
        throw new Error(`setSql: ${node.type} is not a set of users`);
    }
  }
  const parts = node.children.map((child) => setSql(child, ctx));
  const operand = (part: UserSet) => `(${part.sql})`;
  let set: UserSet;
  if (parts.length === 1) set = parts[0]!;
  else if (node.match === 'all') {
    const positives = parts.filter((part) => !part.negated).map(operand);
    const negatives = parts.filter((part) => part.negated).map(operand);
    set = { sql: [positives.join(' INTERSECT '), ...negatives].join(' EXCEPT '), negated: false, distinct: true };
  } else set = { sql: parts.map(operand).join(' UNION '), negated: false, distinct: true };
  return node.negate ? { ...set, negated: !set.negated } : set;
}

function nodeSql(node: SegmentNode, ctx: EventScopeContext, traitTypes: ReadonlyMap<string, AttributeType>): string {
  if (node.type !== 'group') return `(${conditionSql(node, ctx, traitTypes)})`;
  // An OR of event (or membership) conditions is one set: a UNION the planner hashes once, as a join
  // where it can, instead of one subplan per alternative, each planned for half its rows.
  if (node.match === 'any' && node.children.length > 1 && setShape(node)?.negated === false) return `(u.id IN (${setSql(node, ctx).sql}))`;
  let parts = node.children.map((child) => nodeSql(child, ctx, traitTypes));
  if (node.match === 'all') parts = withTraitTestsInOrder(node.children, parts, traitTypes);
  const joined = parts.length ? `(${parts.join(node.match === 'all' ? '\n AND ' : '\n OR ')})` : node.match === 'all' ? 'true' : 'false';
  return node.negate ? `(NOT ${joined})` : joined;
}

/**
 * An AND's conditions on custom traits, tested cheapest first (`traitTestCost`) in one CASE chain,
 * after the group's other conditions. Postgres orders a scan's conditions by its own estimates,
 * which price a hashed lookup among a literal's spellings as a walk through all of them: left to
 * itself, it parsed every user's number before looking the plan up. Each condition is true or
 * false, never NULL (`comparisonSql`), so the chain means the same as the AND.
 */
function withTraitTestsInOrder(children: readonly SegmentNode[], parts: string[], traitTypes: ReadonlyMap<string, AttributeType>): string[] {
  const costs = children.map((child) => traitTestCost(child, traitTypes));
  const traitTests = parts.map((sql, i) => ({ sql, cost: costs[i] })).filter((part): part is { sql: string; cost: number } => part.cost !== null);
  if (traitTests.length < 2) return parts;
  traitTests.sort((a, b) => a.cost - b.cost);
  const chain = traitTests.reduceRight((rest, test) => (rest === null ? test.sql : `(CASE WHEN ${test.sql} THEN ${rest} ELSE false END)`), null as string | null);
  return [...parts.filter((_, i) => costs[i] === null), chain!];
}

/** The predicate over users `u` (with the workspace), and its parameters; `sampleBelow`: only users whose id is below this uuid. */
function compilePredicate(definition: SegmentDefinition, context: SegmentSqlContext, userId: string | null, sampleBelow: string | null = null): { where: string; params: SqlParams } {
  const params = new SqlParams({ scan: userId === null });
  const workspace = params.add(context.workspaceId, 'uuid');
  const user = userId === null ? null : params.add(userId, 'uuid');
  const below = sampleBelow === null ? null : params.add(sampleBelow, 'uuid');
  const ctx: EventScopeContext = { workspace, now: context.now, eventGroups: context.eventGroups, user, params, sampleBelow: below };
  const predicate = nodeSql(definition.root, ctx, context.traitTypes);
  return { where: `u."workspaceId" = ${workspace}${user ? ` AND u.id = ${user}` : ''}${below ? ` AND u.id < ${below}` : ''} AND ${predicate}`, params };
}

/**
 * The sample of an estimate by id range: the users whose id is below a boundary, `percent` of the
 * uuid space. Ids are random (gen_random_uuid), so it is a uniform sample, the same on every run,
 * nested as the percentage grows; and, unlike a hash of the id, a range the indexes on user ids
 * (the user's primary key, events by user) read directly. `fraction` is the exact share it covers.
 */
export function idRangeSample(percent: number): { below: string; fraction: number } {
  const span = 2n ** 128n;
  const share = Math.min(1, Math.max(1 / 1024, percent / 100));
  const bound = (span * BigInt(Math.round(share * 1_000_000))) / 1_000_000n;
  if (bound >= span) return { below: 'ffffffff-ffff-ffff-ffff-ffffffffffff', fraction: 1 };
  const hex = bound.toString(16).padStart(32, '0');
  return { below: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, fraction: Number(bound) / Number(span) };
}

/** Every member's id: full computation (and the source of static snapshots). */
export function segmentMembersQuery(definition: SegmentDefinition, context: SegmentSqlContext): SegmentQuery {
  // Only event (or membership) conditions: the users come from the events themselves (every event's
  // user is a user of its workspace), as one would write it by hand, with no pass over "User".
  if (setShape(definition.root)?.negated === false) {
    const params = new SqlParams({ scan: true });
    const workspace = params.add(context.workspaceId, 'uuid');
    const set = setSql(definition.root, { workspace, now: context.now, eventGroups: context.eventGroups, user: null, params });
    return { text: `SELECT ${set.distinct ? '' : 'DISTINCT '}s."userId" AS id FROM (${set.sql}) s`, params: params.values };
  }
  const { where, params } = compilePredicate(definition, context, null);
  return { text: `SELECT u.id FROM "User" u WHERE ${where}`, params: params.values };
}

/** One row (the user's id) when the user is a member, none otherwise: live updates per event. */
export function segmentUserCheckQuery(definition: SegmentDefinition, context: SegmentSqlContext, userId: string): SegmentQuery {
  const { where, params } = compilePredicate(definition, context, userId);
  return { text: `SELECT u.id FROM "User" u WHERE ${where}`, params: params.values };
}

/**
 * One-user checks for many users in one query (the segment processor after a batch of events): a row
 * per user of `checks` found in the workspace, with `id` and a column `c<i>` per check, whether the
 * user is a member of `checks[i].definition` (the meaning of segmentUserCheckQuery), computed for the
 * users in `checks[i].userIds` only (NULL for the others). Every event subquery is narrowed to the row's user.
 */
export function segmentUsersChecksQuery(checks: ReadonlyArray<{ definition: SegmentDefinition; userIds: readonly string[] }>, context: SegmentSqlContext): SegmentQuery {
  if (!checks.length) throw new Error('segmentUsersChecksQuery needs at least one check');
  const params = new SqlParams();
  const workspace = params.add(context.workspaceId, 'uuid');
  // The narrowing is the row's own user: event subqueries are correlated, one index probe per user.
  const ctx: EventScopeContext = { workspace, now: context.now, eventGroups: context.eventGroups, user: 'u.id', params };
  const ids = (list: readonly string[]) => `(SELECT jsonb_array_elements_text(${params.add(list, 'jsonb')})::uuid)`;
  const everyone = ids([...new Set(checks.flatMap((check) => check.userIds))]);
  const columns = checks.map((check, i) => `CASE WHEN u.id IN ${ids(check.userIds)} THEN COALESCE(${nodeSql(check.definition.root, ctx, context.traitTypes)}, false) END AS c${i}`);
  return { text: `SELECT u.id, ${columns.join(',\n  ')}\n  FROM "User" u WHERE u."workspaceId" = ${workspace} AND u.id IN ${everyone}`, params: params.values };
}

/**
 * Size while editing: counts members among a deterministic sample of users
 * (`samplePercent` of them by id hash, or by id range with `sampleBy: 'idRange'`;
 * 100 counts everyone) and returns up to `sampleSize` members, most recently seen first.
 */
export function segmentEstimateQuery(definition: SegmentDefinition, context: SegmentSqlContext, options: { samplePercent: number; sampleSize: number; sampleBy?: 'hash' | 'idRange' }): SegmentQuery {
  // By id range (idRangeSample), the event subqueries read the sampled users' events only; by hash, they read everyone's.
  const byRange = options.sampleBy === 'idRange' && options.samplePercent < 100;
  const { where, params } = compilePredicate(definition, context, null, byRange ? idRangeSample(options.samplePercent).below : null);
  const sampled = options.samplePercent >= 100 || byRange ? '' : ` AND (hashtext(u.id::text) & 1023) < ${params.add(Math.max(1, Math.round(options.samplePercent * 10.24)), 'int')}`;
  const limit = params.add(options.sampleSize, 'int');
  return {
    text: `WITH members AS (SELECT u.id, u."lastSeenAt" FROM "User" u WHERE ${where}${sampled})
      SELECT (SELECT count(*) FROM members)::int AS matched, COALESCE((SELECT jsonb_agg(id) FROM (SELECT id FROM members ORDER BY "lastSeenAt" DESC LIMIT ${limit}) sample), '[]'::jsonb) AS sample`,
    params: params.values,
  };
}
