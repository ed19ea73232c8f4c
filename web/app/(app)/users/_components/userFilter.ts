import type { AttributeOperator, UserFilter } from '@/lib/gql/graphql';

/** One attribute condition as the marketer types it (the value is text until sent). */
export interface Condition {
  name: string;
  operator: AttributeOperator;
  value: string;
}

/** The list's filter, as kept in the URL (`?q=&kind=&segment=&where=`). */
export interface AppliedFilter {
  search: string;
  kind: 'all' | 'known' | 'anonymous';
  segmentId: string;
  conditions: Condition[];
}

export const operatorLabels: Record<AttributeOperator, string> = {
  EQUALS: 'is',
  NOT_EQUALS: 'is not',
  CONTAINS: 'contains',
  STARTS_WITH: 'starts with',
  GREATER_THAN: 'is greater than',
  GREATER_THAN_OR_EQUAL: 'is at least',
  LESS_THAN: 'is less than',
  LESS_THAN_OR_EQUAL: 'is at most',
  IN: 'is one of',
  EXISTS: 'is set',
  NOT_EXISTS: 'is not set',
};

const dateLabels: Partial<Record<AttributeOperator, string>> = { GREATER_THAN: 'is after', GREATER_THAN_OR_EQUAL: 'is on or after', LESS_THAN: 'is before', LESS_THAN_OR_EQUAL: 'is on or before' };

/** Operators that make sense for an attribute type (STRING, NUMBER, BOOLEAN, DATE, ARRAY, OBJECT). */
export function operatorsFor(type: string | undefined): AttributeOperator[] {
  switch (type) {
    case 'NUMBER':
      return ['EQUALS', 'NOT_EQUALS', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL', 'IN', 'EXISTS', 'NOT_EXISTS'];
    case 'DATE':
      return ['GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL', 'EXISTS', 'NOT_EXISTS'];
    case 'BOOLEAN':
      return ['EQUALS', 'NOT_EQUALS', 'EXISTS', 'NOT_EXISTS'];
    case 'ARRAY':
    case 'OBJECT':
      return ['EXISTS', 'NOT_EXISTS'];
    default:
      return ['EQUALS', 'NOT_EQUALS', 'CONTAINS', 'STARTS_WITH', 'IN', 'EXISTS', 'NOT_EXISTS'];
  }
}

export function operatorLabel(operator: AttributeOperator, type: string | undefined): string {
  return (type === 'DATE' ? dateLabels[operator] : undefined) ?? operatorLabels[operator];
}

export const needsValue = (operator: AttributeOperator) => operator !== 'EXISTS' && operator !== 'NOT_EXISTS';

const kinds = ['all', 'known', 'anonymous'] as const;

export function readFilter(params: URLSearchParams): AppliedFilter {
  let conditions: Condition[] = [];
  try {
    const parsed: unknown = JSON.parse(params.get('where') ?? '[]');
    if (Array.isArray(parsed)) {
      conditions = parsed
        .filter((c): c is Condition => typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.operator === 'string' && operatorLabels[c.operator as AttributeOperator] !== undefined)
        .map((c) => ({ name: c.name, operator: c.operator, value: typeof c.value === 'string' ? c.value : '' }));
    }
  } catch {
    // A hand-edited URL: no conditions.
  }
  const kind = params.get('kind');
  return { search: params.get('q') ?? '', kind: (kinds as readonly string[]).includes(kind ?? '') ? (kind as AppliedFilter['kind']) : 'all', segmentId: params.get('segment') ?? '', conditions };
}

export function filterSearchParams(filter: AppliedFilter): string {
  const params = new URLSearchParams();
  if (filter.search.trim()) params.set('q', filter.search.trim());
  if (filter.kind !== 'all') params.set('kind', filter.kind);
  if (filter.segmentId) params.set('segment', filter.segmentId);
  if (filter.conditions.length) params.set('where', JSON.stringify(filter.conditions));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The value to send for a condition, typed by the attribute's type; a message when it cannot be. */
export function conditionValue(condition: Condition, type: string | undefined): { value?: unknown; error?: string } {
  if (!needsValue(condition.operator)) return {};
  const text = condition.value.trim();
  if (!text) return { error: 'Enter a value' };
  const one = (part: string): { value?: unknown; error?: string } => {
    if (type === 'NUMBER') {
      const number = Number(part);
      return Number.isFinite(number) && part !== '' ? { value: number } : { error: `"${part}" is not a number` };
    }
    if (type === 'BOOLEAN') {
      if (/^(true|yes)$/i.test(part)) return { value: true };
      if (/^(false|no)$/i.test(part)) return { value: false };
      return { error: 'Enter true or false' };
    }
    if (type === 'DATE') {
      const date = new Date(part);
      return Number.isNaN(date.getTime()) ? { error: 'Enter a date' } : { value: date.toISOString() };
    }
    return { value: part };
  };
  if (condition.operator === 'IN') {
    const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
    const values: unknown[] = [];
    for (const part of parts) {
      const result = one(part);
      if (result.error) return result;
      values.push(result.value);
    }
    return { value: values };
  }
  return one(text);
}

/** The API's UserFilter, and the conditions' own problems by index (sent only when there are none). */
export function toUserFilter(filter: AppliedFilter, typeOf: (name: string) => string | undefined): { filter: UserFilter; problems: Record<number, string> } {
  const problems: Record<number, string> = {};
  const attributes = filter.conditions.map((condition, index) => {
    const { value, error } = conditionValue(condition, typeOf(condition.name));
    if (!condition.name) problems[index] = 'Choose an attribute';
    else if (error) problems[index] = error;
    return { name: condition.name, operator: condition.operator, ...(value !== undefined ? { value } : {}) };
  });
  return {
    filter: {
      ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
      ...(filter.kind !== 'all' ? { known: filter.kind === 'known' } : {}),
      ...(filter.segmentId ? { segmentId: filter.segmentId } : {}),
      ...(attributes.length ? { attributes } : {}),
    },
    problems,
  };
}
