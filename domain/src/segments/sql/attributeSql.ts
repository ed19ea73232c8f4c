import { isSystemAttributeName, systemAttributeTypes } from '../../attributes/systemAttributes';
import type { AttributeType } from '../../attributes/attributeType';
import type { SegmentConditionOf, SegmentNode } from '../segmentDefinition';
import type { SqlParams } from './sqlParams';
import { betweenSql, containsSql, equalsSql, instantBetweenSql, inListSql, instantOf, jsonValueAt, kindOfLiteral, type Literal, orderSql, presentSql, type SqlValue, textOnlySql, timestampOf } from './valueSql';

/** A user attribute of `u`: a system column, or a (dotted) path into `u.traits`. */
export function attributeValue(name: string, traitTypes: ReadonlyMap<string, AttributeType>, params: SqlParams): SqlValue {
  if (isSystemAttributeName(name)) {
    // Column names come from the fixed list of system attributes, never from input.
    const column = `u."${name}"`;
    const type = systemAttributeTypes[name];
    if (type === 'DATE') return { text: `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`, jsonb: null, type, timestamp: column };
    return { text: column, jsonb: null, type };
  }
  const trait = name.startsWith('traits.') ? name.slice('traits.'.length) : name;
  return jsonValueAt('u.traits', trait, traitTypes.get(trait), params);
}

type Comparison = Pick<SegmentConditionOf<'attribute'>, 'operator' | 'value' | 'values' | 'from' | 'to' | 'days'>;

/** A typed comparison on a value; `now` anchors relative dates. Never NULL: missing values make it false (true for the negative operators). */
export function comparisonSql(value: SqlValue, c: Comparison, now: Date, params: SqlParams): string {
  const strict = (sql: string) => `COALESCE(${sql}, false)`;
  // The exact complement: true when the value is missing (a missing value never satisfies the positive operator).
  const negative = (sql: string) => `NOT ${strict(sql)}`;
  const instant = (literal: unknown) => {
    const at = typeof literal === 'string' ? instantOf(literal) : null;
    return at && params.add(at, 'timestamptz');
  };
  const day = 86_400_000;
  switch (c.operator) {
    case 'equals':
      return strict(equalsSql(value, c.value!, params));
    case 'notEquals':
      return negative(equalsSql(value, c.value!, params));
    case 'contains':
      return strict(containsSql(value, c.value!, params));
    case 'notContains':
      return negative(containsSql(value, c.value!, params));
    case 'startsWith':
      return strict(textOnlySql(value, `starts_with(lower(${value.text}), lower(${params.add(String(c.value), 'text')}))`));
    case 'endsWith': {
      const suffix = params.add(String(c.value), 'text');
      return strict(textOnlySql(value, `right(lower(${value.text}), char_length(${suffix})) = lower(${suffix})`));
    }
    case 'in':
      return strict(inListSql(value, c.values!, params));
    case 'notIn':
      return negative(inListSql(value, c.values!, params));
    case 'exists':
      return strict(presentSql(value));
    case 'notExists':
      return `NOT ${strict(presentSql(value))}`;
    case 'greaterThan':
      return strict(orderSql(value, '>', c.value as string | number, params));
    case 'greaterOrEqual':
      return strict(orderSql(value, '>=', c.value as string | number, params));
    case 'lessThan':
      return strict(orderSql(value, '<', c.value as string | number, params));
    case 'lessOrEqual':
      return strict(orderSql(value, '<=', c.value as string | number, params));
    case 'between':
      return strict(betweenSql(value, c.from as string | number, c.to as string | number, params));
    case 'before': {
      const at = instant(c.value);
      return at ? strict(`${timestampOf(value)} < ${at}`) : 'false';
    }
    case 'after': {
      const at = instant(c.value);
      return at ? strict(`${timestampOf(value)} > ${at}`) : 'false';
    }
    case 'withinLastDays':
      return strict(instantBetweenSql(value, new Date(now.getTime() - c.days! * day), now, params));
    case 'moreThanDaysAgo':
      return strict(`${timestampOf(value)} < ${params.add(new Date(now.getTime() - c.days! * day), 'timestamptz')}`);
    case 'isTrue':
      return strict(`lower(${value.text}) = 'true'`);
    case 'isFalse':
      return strict(`lower(${value.text}) = 'false'`);
  }
}

/**
 * The per-row price class of a condition on a custom trait: 0 presence and text equality (a hash
 * probe of the value as stored), 1 numbers and substrings, 2 dates (a guarded parse); null for
 * anything else (system columns, events, segments), which Postgres orders itself.
 */
export function traitTestCost(node: SegmentNode, traitTypes: ReadonlyMap<string, AttributeType>): number | null {
  if (node.type !== 'attribute' || isSystemAttributeName(node.attribute)) return null;
  const trait = node.attribute.startsWith('traits.') ? node.attribute.slice('traits.'.length) : node.attribute;
  const type = traitTypes.get(trait);
  const literalCost = (literal: unknown) => {
    const kind = kindOfLiteral(literal as Literal, type);
    return kind === 'date' ? 2 : kind === 'number' ? 1 : 0;
  };
  const orderedCost = (literal: unknown) => (typeof literal === 'string' && instantOf(literal) ? 2 : 1);
  switch (node.operator) {
    case 'exists':
    case 'notExists':
    case 'isTrue':
    case 'isFalse':
      return 0;
    case 'equals':
    case 'notEquals':
      return literalCost(node.value);
    case 'in':
    case 'notIn':
      return Math.max(0, ...(node.values ?? []).map(literalCost));
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return 1;
    case 'greaterThan':
    case 'greaterOrEqual':
    case 'lessThan':
    case 'lessOrEqual':
      return orderedCost(node.value);
    case 'between':
      return Math.max(orderedCost(node.from), orderedCost(node.to));
    case 'before':
    case 'after':
    case 'withinLastDays':
    case 'moreThanDaysAgo':
      return 2;
  }
}
