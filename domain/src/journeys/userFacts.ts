import { isSystemAttributeName, type SystemAttributeName } from '../attributes/systemAttributes';
import { valueAtPath } from '../conditions/valueAtPath';
import type { JsonObject, JsonValue } from '../json/json';

/** What journeys know of a user: system attributes (columns) and custom traits. */
export interface UserFacts {
  id: string;
  externalId: string | null;
  system: Partial<Record<SystemAttributeName, string | null>>;
  traits: JsonObject;
}

/** A system attribute by name, else a trait by (dotted) path; `traits.plan` and `plan` are the same trait. */
export function userAttribute(user: UserFacts, name: string): JsonValue | undefined {
  if (name === 'userId' || name === 'externalId') return user.externalId ?? undefined;
  if (isSystemAttributeName(name)) return user.system[name] ?? undefined;
  const path = name.startsWith('traits.') ? name.slice('traits.'.length) : name;
  return valueAtPath(user.traits, path);
}

/** The `user` object templates see: traits first, system attributes over them, plus ids. */
export function templateUser(user: UserFacts): JsonObject {
  const system = Object.fromEntries(Object.entries(user.system).filter(([, value]) => value !== null && value !== undefined)) as JsonObject;
  return { ...user.traits, ...system, id: user.id, userId: user.externalId, traits: user.traits };
}
