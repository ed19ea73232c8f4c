import type { ComparisonOperator } from '../../conditions/comparison';
import type { PropertyFilter } from '../../conditions/propertyFilter';
import { rfmBuckets } from '../rfm';
import type { EventRef, SegmentConditionOf } from '../segmentDefinition';
import { windowBounds, type SegmentWindow } from '../segmentWindow';
import { comparisonSql } from './attributeSql';
import type { SqlParams } from './sqlParams';
import { jsonValueAt, numericOf } from './valueSql';

export interface EventScopeContext {
  workspace: string;
  now: Date;
  eventGroups: ReadonlyMap<string, readonly string[]>;
  /** One user's check: every event subquery is narrowed to them. */
  user: string | null;
  /** An estimate on the users whose id is below this (a uuid parameter): every event subquery reads only their events. */
  sampleBelow?: string | null;
  params: SqlParams;
}

const attributeOperatorOf: Record<ComparisonOperator, SegmentConditionOf<'attribute'>['operator']> = {
  eq: 'equals', neq: 'notEquals', gt: 'greaterThan', gte: 'greaterOrEqual', lt: 'lessThan', lte: 'lessOrEqual',
  contains: 'contains', notContains: 'notContains', in: 'in', notIn: 'notIn', exists: 'exists', notExists: 'notExists',
};

/** An event property filter on `e.properties`, with the same meaning as in journeys. */
export function propertyFilterSql(filter: PropertyFilter, ctx: EventScopeContext): string {
  const value = jsonValueAt('e.properties', filter.property, undefined, ctx.params);
  if ((filter.operator === 'eq' || filter.operator === 'neq') && filter.value === null) return comparisonSql(value, { operator: filter.operator === 'eq' ? 'notExists' : 'exists' }, ctx.now, ctx.params);
  if ((filter.operator === 'contains' || filter.operator === 'notContains') && filter.value === null) {
    // As in journeys: a list with a null item contains null; nothing else does.
    const hasNull = `COALESCE(jsonb_typeof(${value.jsonb}) = 'array' AND ${value.jsonb} @> '[null]'::jsonb, false)`;
    return filter.operator === 'contains' ? hasNull : `NOT ${hasNull}`;
  }
  const list = Array.isArray(filter.value) ? filter.value.map((v) => (typeof v === 'boolean' ? String(v) : v)) : undefined;
  return comparisonSql(value, { operator: attributeOperatorOf[filter.operator], value: Array.isArray(filter.value) || filter.value === null ? undefined : filter.value, values: list }, ctx.now, ctx.params);
}

/** The names an event reference stands for (a group: its members). */
export function eventNamesOf(event: EventRef, groups: ReadonlyMap<string, readonly string[]>): readonly string[] {
  return event.kind === 'event' ? [event.name] : (groups.get(event.name) ?? []);
}

/** WHERE clause for `e` rows: workspace, name(s), window, filters, and the one user when checking one. */
export function eventScope(event: EventRef, filters: readonly PropertyFilter[], window: SegmentWindow | null, ctx: EventScopeContext): string {
  const names = eventNamesOf(event, ctx.eventGroups);
  const parts = [`e."workspaceId" = ${ctx.workspace}`];
  parts.push(names.length === 1 ? `e.name = ${ctx.params.add(names[0], 'text')}` : names.length ? `e.name IN ${ctx.params.list(names)}` : 'false');
  if (ctx.user) parts.push(`e."userId" = ${ctx.user}`);
  if (ctx.sampleBelow) parts.push(`e."userId" < ${ctx.sampleBelow}`);
  if (window) {
    const { from, to } = windowBounds(window, ctx.now.getTime());
    if (from) parts.push(`e.timestamp >= ${ctx.params.add(from, 'timestamptz')}`);
    if (to) parts.push(`e.timestamp < ${ctx.params.add(to, 'timestamptz')}`);
  }
  for (const filter of filters) parts.push(propertyFilterSql(filter, ctx));
  return parts.join(' AND ');
}

/** The users with events in scope, grouped and counted (`SELECT "userId"`, one row per user). */
const havingSet = (scope: string, having: string) => `SELECT e."userId" FROM "Event" e WHERE ${scope} GROUP BY e."userId" HAVING ${having}`;
const usersHaving = (scope: string, having: string) => `u.id IN (${havingSet(scope, having)})`;
const anyEvent = (scope: string) => `EXISTS (SELECT 1 FROM "Event" e WHERE e."userId" = u.id AND ${scope})`;

/**
 * A condition's users as a set of ids, for set-based plans (compileSegment: an OR of event
 * conditions as one UNION, a segment of event conditions only without the "User" table):
 * `sql` selects one column, "userId"; the condition holds for those users, or, `negated`, for
 * every other user. `distinct`: no id twice.
 */
export interface UserSet {
  sql: string;
  negated: boolean;
  distinct: boolean;
}

/** Which users a behaviour condition selects: everyone or no one (a constant), or those with events in scope (counted when `having`), or every other user (`negated`). */
export function behaviourUsers(c: SegmentConditionOf<'behaviour'>, ctx: EventScopeContext): boolean | { scope: string; having: string | null; negated: boolean } {
  const { rule, times } = c.count;
  // Everyone did it at least 0 times (and no parameter may go unused: return before the scope adds any).
  if (rule === 'atLeast' && times === 0) return c.did;
  const scope = eventScope(c.event, c.filters, c.window, ctx);
  let having: string | null = null;
  let negated = false;
  if (rule === 'atLeast' && times === 1) having = null;
  else if (rule === 'atLeast') having = `count(*) >= ${ctx.params.add(times, 'int')}`;
  else if (times === 0) negated = true;
  else if (rule === 'exactly') having = `count(*) = ${ctx.params.add(times, 'int')}`;
  else {
    having = `count(*) > ${ctx.params.add(times, 'int')}`;
    negated = true;
  }
  return { scope, having, negated: c.did ? negated : !negated };
}

/** Whether behaviourUsers is a set (not a constant) and a complement, without adding parameters. */
export function behaviourShape(c: SegmentConditionOf<'behaviour'>): { negated: boolean } | null {
  const { rule, times } = c.count;
  if (rule === 'atLeast' && times === 0) return null;
  const negated = (rule !== 'atLeast' && times === 0) || (rule === 'atMost' && times > 0);
  return { negated: c.did ? negated : !negated };
}

export function behaviourSet(c: SegmentConditionOf<'behaviour'>, ctx: EventScopeContext): UserSet {
  const users = behaviourUsers(c, ctx);
  if (typeof users === 'boolean') throw new Error('behaviourSet: the condition is a constant (see behaviourShape)');
  return users.having === null
    ? { sql: `SELECT e."userId" FROM "Event" e WHERE ${users.scope}`, negated: users.negated, distinct: false }
    : { sql: havingSet(users.scope, users.having), negated: users.negated, distinct: true };
}

/** Did (not) do E, N times (at least / exactly / at most), in the window. */
export function behaviourSql(c: SegmentConditionOf<'behaviour'>, ctx: EventScopeContext): string {
  const users = behaviourUsers(c, ctx);
  if (typeof users === 'boolean') return users ? 'true' : 'false';
  const did = users.having === null ? anyEvent(users.scope) : usersHaving(users.scope, users.having);
  return users.negated ? `NOT (${did})` : did;
}

/** The first / last time E happened lies in the window. */
export function eventTimeSql(c: SegmentConditionOf<'eventTime'>, ctx: EventScopeContext): string {
  return `u.id IN (${eventTimeSet(c, ctx).sql})`;
}

export function eventTimeSet(c: SegmentConditionOf<'eventTime'>, ctx: EventScopeContext): UserSet {
  const scope = eventScope(c.event, c.filters, null, ctx);
  const at = c.which === 'first' ? 'min(e.timestamp)' : 'max(e.timestamp)';
  const { from, to } = windowBounds(c.window, ctx.now.getTime());
  const bounds = [from ? `${at} >= ${ctx.params.add(from, 'timestamptz')}` : null, to ? `${at} < ${ctx.params.add(to, 'timestamptz')}` : null].filter(Boolean);
  return { sql: havingSet(scope, bounds.length ? bounds.join(' AND ') : 'true'), negated: false, distinct: true };
}

/** "Spent less than 100" includes those who spent nothing: then the condition is not a set of users with events. */
export function aggregateCountsNone(c: SegmentConditionOf<'aggregate'>): boolean {
  return c.aggregate === 'sum' && ({ greaterThan: 0 > c.value!, greaterOrEqual: 0 >= c.value!, lessThan: 0 < c.value!, lessOrEqual: 0 <= c.value!, equals: c.value === 0, between: c.value! <= 0 && 0 <= (c.to ?? c.value!) })[c.operator];
}

/** aggregateSql's users when aggregateCountsNone is false. */
export function aggregateSet(c: SegmentConditionOf<'aggregate'>, ctx: EventScopeContext): UserSet {
  const { scope, having } = aggregateHaving(c, ctx);
  return { sql: havingSet(scope, having), negated: false, distinct: true };
}

/** sum / avg / min / max of a numeric property compared to a value. A sum over no events is 0. */
export function aggregateSql(c: SegmentConditionOf<'aggregate'>, ctx: EventScopeContext): string {
  const { scope, having } = aggregateHaving(c, ctx);
  const users = usersHaving(scope, having);
  return aggregateCountsNone(c) ? `(${users} OR NOT ${anyEvent(scope)})` : users;
}

function aggregateHaving(c: SegmentConditionOf<'aggregate'>, ctx: EventScopeContext): { scope: string; having: string } {
  const scope = eventScope(c.event, c.filters, c.window, ctx);
  const amount = numericOf(jsonValueAt('e.properties', c.property, 'NUMBER', ctx.params));
  // Events without a numeric amount add nothing: their sum is 0, as for no events at all.
  const aggregate = c.aggregate === 'sum' ? `COALESCE(sum(${amount}), 0)` : `${c.aggregate}(${amount})`;
  const value = ctx.params.add(c.value!, 'numeric');
  const test = (x: string) => {
    switch (c.operator) {
      case 'greaterThan':
        return `${x} > ${value}`;
      case 'greaterOrEqual':
        return `${x} >= ${value}`;
      case 'lessThan':
        return `${x} < ${value}`;
      case 'lessOrEqual':
        return `${x} <= ${value}`;
      case 'equals':
        return `${x} = ${value}`;
      case 'between':
        return `${x} BETWEEN ${value} AND ${ctx.params.add(c.to ?? c.value!, 'numeric')}`;
    }
  };
  return { scope, having: test(aggregate) };
}

/**
 * RFM: quintile scores among users who did E in the window; the bucket is a range of scores.
 * Users tied on an axis share the lowest score their group spans (ntile alone would split a tie
 * at random: identical buyers in different buckets, changing from one computation to the next).
 */
export function rfmSql(c: SegmentConditionOf<'rfm'>, ctx: EventScopeContext): string {
  return `u.id IN (${rfmSet(c, ctx).sql})`;
}

export function rfmSet(c: SegmentConditionOf<'rfm'>, ctx: EventScopeContext): UserSet {
  // Scores are relative to every user, so the one-user narrowing does not apply here.
  const scope = eventScope(c.event, [], c.window, { ...ctx, user: null });
  const amount = numericOf(jsonValueAt('e.properties', c.amountProperty, 'NUMBER', ctx.params));
  const { ranges } = rfmBuckets[c.bucket];
  const range = (axis: 'r' | 'f' | 'm') => `s.${axis} BETWEEN ${ranges[axis][0]} AND ${ranges[axis][1]}`;
  const sql = `SELECT s."userId" FROM (
    SELECT q."userId", min(q.r) OVER (PARTITION BY q.recency) AS r, min(q.f) OVER (PARTITION BY q.frequency) AS f, min(q.m) OVER (PARTITION BY q.monetary) AS m FROM (
      SELECT p.*, ntile(5) OVER (ORDER BY p.recency) AS r, ntile(5) OVER (ORDER BY p.frequency) AS f, ntile(5) OVER (ORDER BY p.monetary) AS m FROM (
        SELECT e."userId", max(e.timestamp) AS recency, count(*) AS frequency, COALESCE(sum(${amount}), 0) AS monetary
          FROM "Event" e WHERE ${scope} GROUP BY e."userId") p) q) s
   WHERE ${range('r')} AND ${range('f')} AND ${range('m')}${ctx.user ? ` AND s."userId" = ${ctx.user}` : ''}`;
  return { sql, negated: false, distinct: true };
}
