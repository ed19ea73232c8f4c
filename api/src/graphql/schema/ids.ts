import { parsePrismaCursor } from '@pothos/plugin-prisma';
import { z } from 'zod';
import { inputError } from '../errors';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => uuid.test(value);

/** Tideflow ids are UUIDs; anything else is refused before it reaches SQL. */
export const TideflowId = z.string().regex(uuid, 'must be a Tideflow id (a UUID)');

export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw inputError(field, 'must be a Tideflow id (a UUID)');
  return value;
}

/** Postgres has no year 0, which the DateTime scalar lets through. */
export const earliestStorableDate = new Date('0001-01-01T00:00:00Z');
export const StorableDate = z.date().min(earliestStorableDate, 'must be in year 1 or later');

/** A cursor as connections hand them out (a row id, encoded by Pothos); a garbled or forged one is refused before it reaches SQL. */
const Cursor = z.string().refine((cursor) => {
  try {
    const id = parsePrismaCursor(cursor);
    return typeof id === 'string' && isUuid(id);
  } catch {
    return false;
  }
}, 'is not a cursor of this connection: pass back a startCursor or endCursor as received');

const PageSize = z.number().int().min(0, 'must not be negative');

/** Validates a connection's paging arguments, passing its other arguments through. */
export const ConnectionArgs = z.looseObject({ first: PageSize.nullish(), last: PageSize.nullish(), after: Cursor.nullish(), before: Cursor.nullish() });
