import type { IngestMessage } from '../ingestion/ingestMessage';

/** A user as far as identity is concerned. */
export interface IdentifiedUser {
  id: string;
  externalId: string | null;
}

/** What the database knows about the ids a batch mentions. */
export interface IdentitySnapshot {
  byExternalId: Map<string, IdentifiedUser>;
  /** ALIAS identities: former userIds folded into another user. */
  byAlias: Map<string, IdentifiedUser>;
  byAnonymousId: Map<string, IdentifiedUser>;
}

export type IdentityOperation =
  | { kind: 'createUser'; userId: string; externalId: string | null }
  | { kind: 'addIdentity'; userId: string; identityKind: 'ANONYMOUS' | 'ALIAS'; value: string }
  | { kind: 'setExternalId'; userId: string; externalId: string }
  /** Events, identities and traits of `fromUserId` move to `intoUserId` (whose values win), then `fromUserId` is deleted. */
  | { kind: 'merge'; fromUserId: string; intoUserId: string; fromExternalId: string | null };

export interface IdentityPlan {
  operations: IdentityOperation[];
  /** The user each message belongs to once every operation has run. */
  userIdOfMessage: string[];
}

export type IdentityMessage = Pick<IngestMessage, 'type' | 'userId' | 'anonymousId' | 'previousId'>;

export interface BatchIdentifiers {
  readonly userIds: readonly string[];
  readonly anonymousIds: readonly string[];
}

/** Ingestion asks for the same batch's identifiers several times (draft, locks, lookups): worked out once. */
const identifiersOfBatch = new WeakMap<IdentityMessage[], BatchIdentifiers>();

/** The userIds (including alias previousIds) and anonymousIds a batch needs looked up, sorted. */
export function identifiersOf(messages: IdentityMessage[]): BatchIdentifiers {
  let identifiers = identifiersOfBatch.get(messages);
  if (!identifiers) identifiersOfBatch.set(messages, (identifiers = collectIdentifiers(messages)));
  return identifiers;
}

function collectIdentifiers(messages: IdentityMessage[]): BatchIdentifiers {
  const userIds = new Set<string>();
  const anonymousIds = new Set<string>();
  for (const message of messages) {
    if (message.userId) userIds.add(message.userId);
    if (message.anonymousId) anonymousIds.add(message.anonymousId);
    if (message.previousId) {
      userIds.add(message.previousId);
      anonymousIds.add(message.previousId);
    }
  }
  return { userIds: [...userIds].sort(), anonymousIds: [...anonymousIds].sort() };
}

/**
 * Segment-style identity resolution for a batch, in message order:
 * - an anonymousId alone builds (or finds) an anonymous profile;
 * - userId + anonymousId: the anonymous profile becomes, or is merged into, the known user
 *   (an anonymousId already owned by a different known user is left with it: shared devices);
 * - alias(previousId → userId): previousId's profile becomes, or is merged into, userId's.
 * Pure: the caller looks the ids up and carries the operations out in one transaction.
 */
export function planIdentityResolution(messages: IdentityMessage[], snapshot: IdentitySnapshot, newId: () => string): IdentityPlan {
  const byExternalId = new Map(snapshot.byExternalId);
  const byAlias = new Map(snapshot.byAlias);
  const byAnonymousId = new Map(snapshot.byAnonymousId);
  const mergedInto = new Map<string, string>();
  const operations: IdentityOperation[] = [];
  const ownerOfMessage: string[] = [];

  const known = (userId: string) => byExternalId.get(userId) ?? byAlias.get(userId);
  const create = (externalId: string | null): IdentifiedUser => {
    const user = { id: newId(), externalId };
    operations.push({ kind: 'createUser', userId: user.id, externalId });
    if (externalId) byExternalId.set(externalId, user);
    return user;
  };
  const addIdentity = (user: IdentifiedUser, identityKind: 'ANONYMOUS' | 'ALIAS', value: string) => {
    operations.push({ kind: 'addIdentity', userId: user.id, identityKind, value });
    (identityKind === 'ANONYMOUS' ? byAnonymousId : byAlias).set(value, user);
  };
  const setExternalId = (user: IdentifiedUser, externalId: string) => {
    if (user.externalId) {
      byExternalId.delete(user.externalId);
      addIdentity(user, 'ALIAS', user.externalId);
    }
    operations.push({ kind: 'setExternalId', userId: user.id, externalId });
    user.externalId = externalId;
    byExternalId.set(externalId, user);
  };
  const merge = (from: IdentifiedUser, into: IdentifiedUser) => {
    operations.push({ kind: 'merge', fromUserId: from.id, intoUserId: into.id, fromExternalId: from.externalId });
    mergedInto.set(from.id, into.id);
    for (const map of [byExternalId, byAlias, byAnonymousId]) {
      for (const [key, user] of map) if (user.id === from.id) map.set(key, into);
    }
    if (from.externalId) {
      byExternalId.delete(from.externalId);
      byAlias.set(from.externalId, into);
    }
  };
  // Snapshot users are shared by reference between maps; copy them so edits stay local to this plan.
  const copies = new Map<string, IdentifiedUser>();
  for (const map of [byExternalId, byAlias, byAnonymousId]) {
    for (const [key, user] of map) {
      if (!copies.has(user.id)) copies.set(user.id, { ...user });
      map.set(key, copies.get(user.id)!);
    }
  }

  for (const message of messages) {
    const { userId, anonymousId } = message;
    let owner: IdentifiedUser;
    if (message.type === 'alias' && message.previousId && userId) {
      const previousId = message.previousId;
      let target = known(userId);
      const source = known(previousId) ?? byAnonymousId.get(previousId);
      if (!source) {
        target ??= create(userId);
        addIdentity(target, 'ALIAS', previousId);
      } else if (!target) {
        if (source.externalId === null || source.externalId === previousId) {
          setExternalId(source, userId);
          target = source;
        } else {
          target = create(userId);
          merge(source, target);
        }
      } else if (source.id !== target.id) {
        merge(source, target);
      }
      owner = target;
      if (anonymousId && !byAnonymousId.has(anonymousId)) addIdentity(owner, 'ANONYMOUS', anonymousId);
    } else if (userId) {
      let user = known(userId);
      const anonymousUser = anonymousId ? byAnonymousId.get(anonymousId) : undefined;
      if (!user) {
        if (anonymousUser && anonymousUser.externalId === null) {
          setExternalId(anonymousUser, userId);
          user = anonymousUser;
        } else {
          user = create(userId);
        }
      } else if (anonymousUser && anonymousUser.id !== user.id && anonymousUser.externalId === null) {
        merge(anonymousUser, user);
      }
      if (anonymousId && !byAnonymousId.has(anonymousId)) addIdentity(user, 'ANONYMOUS', anonymousId);
      owner = user;
    } else {
      owner = byAnonymousId.get(anonymousId!) ?? create(null);
      if (!byAnonymousId.has(anonymousId!)) addIdentity(owner, 'ANONYMOUS', anonymousId!);
    }
    ownerOfMessage.push(owner.id);
  }

  const finalId = (id: string) => {
    let current = id;
    while (mergedInto.has(current)) current = mergedInto.get(current)!;
    return current;
  };
  return { operations, userIdOfMessage: ownerOfMessage.map(finalId) };
}
