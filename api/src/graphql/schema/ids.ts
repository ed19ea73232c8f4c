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
