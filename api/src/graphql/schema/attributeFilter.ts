import { Prisma, type PrismaClient } from '@tideflow/db';
import { isSystemAttributeName, type JsonValue, parseIsoDateTime, systemAttributeTypes } from '@tideflow/domain';
import { z } from 'zod';
import { builder } from '../builder';
import { inputError, NotFoundError } from '../errors';
import { earliestStorableDate, requireUuid } from './ids';
import { requireStorable, storableText } from './text';

const Text = z.string().superRefine(storableText);

export const AttributeOperator = builder.enumType('AttributeOperator', {
  values: ['EQUALS', 'NOT_EQUALS', 'CONTAINS', 'STARTS_WITH', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL', 'IN', 'EXISTS', 'NOT_EXISTS'] as const,
});
export type AttributeOperator = typeof AttributeOperator.$inferType;

export const AttributeFilter = builder.inputType('AttributeFilter', {
  description: 'A condition on one attribute: a system attribute (email, country, lastSeenAt, …) or a custom trait.',
  fields: (t) => ({
    name: t.string({ required: true, validate: Text }),
    operator: t.field({ type: AttributeOperator, required: true }),
    value: t.field({ type: 'JSON', description: 'Not needed for EXISTS / NOT_EXISTS; a list for IN.' }),
  }),
});

export const UserFilter = builder.inputType('UserFilter', {
  fields: (t) => ({
    search: t.string({ validate: Text, description: 'Case-insensitive text search in email, phone and userId.' }),
    known: t.boolean({ description: 'true: only users with a userId; false: only anonymous profiles.' }),
    attributes: t.field({ type: [AttributeFilter], description: 'All must hold.' }),
    segmentId: t.id({ description: 'Only current members of this segment.' }),
  }),
});

const needsValue: AttributeOperator[] = ['EQUALS', 'NOT_EQUALS', 'CONTAINS', 'STARTS_WITH', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL', 'IN'];
const ordering: AttributeOperator[] = ['GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL'];

/** Turns one AttributeFilter into a Prisma condition; `field` is its input path for errors. */
export function attributeCondition(filter: { name: string; operator: AttributeOperator; value?: JsonValue | null }, field: string): Prisma.UserWhereInput {
  const { name, operator } = filter;
  const value = filter.value ?? null;
  if (!name.trim()) throw inputError(`${field}.name`, 'must not be empty');
  if (needsValue.includes(operator) && value === null) throw inputError(`${field}.value`, `is required for ${operator}`);
  if (operator === 'IN' && !Array.isArray(value)) throw inputError(`${field}.value`, 'must be a list for IN');
  if ((operator === 'CONTAINS' || operator === 'STARTS_WITH') && typeof value !== 'string') throw inputError(`${field}.value`, `must be a string for ${operator}`);
  if (operator !== 'IN' && Array.isArray(value)) throw inputError(`${field}.value`, `must be a single value for ${operator}`);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) throw inputError(`${field}.value`, 'must be a string, number or boolean');
  if (ordering.includes(operator) && typeof value === 'boolean') throw inputError(`${field}.value`, `must be a number, a string or a date-time for ${operator}`);
  requireStorable(value, `${field}.value`);

  if (isSystemAttributeName(name)) {
    const isDate = systemAttributeTypes[name] === 'DATE';
    if (isDate && (operator === 'CONTAINS' || operator === 'STARTS_WITH')) throw inputError(`${field}.operator`, `${operator} applies to text; ${name} is a date-time, compare it with EQUALS, GREATER_THAN, LESS_THAN…`);
    const scalar = (v: JsonValue): string | Date => {
      if (isDate) {
        const date = typeof v === 'string' ? parseIsoDateTime(v) : null;
        if (!date || date < earliestStorableDate) throw inputError(`${field}.value`, `must be an ISO-8601 date-time for ${name}`);
        return date;
      }
      return String(v);
    };
    const insensitive = isDate ? {} : { mode: 'insensitive' as const };
    const column = (condition: object): Prisma.UserWhereInput => ({ [name]: condition });
    switch (operator) {
      case 'EQUALS': return column({ equals: scalar(value!), ...insensitive });
      case 'NOT_EQUALS': return { OR: [column({ not: { equals: scalar(value!), ...insensitive } }), column({ equals: null })] };
      case 'CONTAINS': return column({ contains: String(value), ...insensitive });
      case 'STARTS_WITH': return column({ startsWith: String(value), ...insensitive });
      case 'GREATER_THAN': return column({ gt: scalar(value!) });
      case 'GREATER_THAN_OR_EQUAL': return column({ gte: scalar(value!) });
      case 'LESS_THAN': return column({ lt: scalar(value!) });
      case 'LESS_THAN_OR_EQUAL': return column({ lte: scalar(value!) });
      case 'IN': return column({ in: (value as JsonValue[]).map(scalar) });
      case 'EXISTS': return column({ not: null });
      case 'NOT_EXISTS': return column({ equals: null });
    }
  }

  const path = [name];
  const trait = (condition: object): Prisma.UserWhereInput => ({ traits: { path, ...condition } as Prisma.JsonFilter<'User'> });
  switch (operator) {
    case 'EQUALS': return trait({ equals: value });
    case 'NOT_EQUALS': return { OR: [trait({ not: value }), trait({ equals: Prisma.AnyNull })] };
    case 'CONTAINS': return trait({ string_contains: value });
    case 'STARTS_WITH': return trait({ string_starts_with: value });
    case 'GREATER_THAN': return trait({ gt: value });
    case 'GREATER_THAN_OR_EQUAL': return trait({ gte: value });
    case 'LESS_THAN': return trait({ lt: value });
    case 'LESS_THAN_OR_EQUAL': return trait({ lte: value });
    case 'IN': return { OR: (value as JsonValue[]).map((v) => trait({ equals: v })) };
    case 'EXISTS': return trait({ not: Prisma.AnyNull });
    case 'NOT_EXISTS': return trait({ equals: Prisma.AnyNull });
  }
}

/** A segment filter must name a segment of the workspace (NOT_FOUND otherwise, rather than an empty page). */
export async function checkUserFilter(prisma: PrismaClient, workspaceId: string, filter: typeof UserFilter.$inferInput | null | undefined): Promise<void> {
  if (filter?.segmentId == null) return;
  const id = requireUuid(String(filter.segmentId), 'filter.segmentId');
  if (!(await prisma.segment.findFirst({ where: { id, workspaceId }, select: { id: true } }))) throw new NotFoundError('Segment', 'filter.segmentId');
}

export function userWhere(workspaceId: string, filter: typeof UserFilter.$inferInput | null | undefined): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [{ workspaceId }];
  const search = filter?.search?.trim();
  if (search) {
    and.push({ OR: [{ email: { contains: search, mode: 'insensitive' } }, { externalId: { contains: search, mode: 'insensitive' } }, { phone: { contains: search } }] });
  }
  if (filter?.known === true) and.push({ externalId: { not: null } });
  if (filter?.known === false) and.push({ externalId: null });
  if (filter?.segmentId != null) and.push({ segmentMemberships: { some: { segmentId: requireUuid(String(filter.segmentId), 'filter.segmentId') } } });
  (filter?.attributes ?? []).forEach((condition, index) => and.push(attributeCondition(condition, `filter.attributes.${index}`)));
  return { AND: and };
}
