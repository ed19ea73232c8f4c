import { type IdentifiedUser, type IdentityMessage, type IdentityPlan, type IdentitySnapshot, identifiersOf } from '@tideflow/domain';

type Kind = 'external' | 'alias' | 'anonymous';

/**
 * What this process last saw committed about identifiers: which user a userId
 * (as externalId or alias) or an anonymousId belonged to. Only a draft, used to
 * choose which identifiers a batch locks exclusively (`lockAndPlanIdentities`):
 * the plan itself is always made on what the database holds once the locks are
 * taken, and a draft that proves too optimistic (another process merged or
 * renamed a user meanwhile) makes the batch retry with every lock exclusive.
 * It saves each batch a database read of all its identifiers.
 *
 * Bounded: two generations of at most `capacity / 2` entries each; a hit in
 * the older one is carried over, and a full newer one retires the older.
 */
export class KnownIdentities {
  private recent = new Map<string, IdentifiedUser>();
  private older = new Map<string, IdentifiedUser>();

  constructor(private readonly capacity = 60_000) {}

  private key(workspaceId: string, kind: Kind, value: string): string {
    return `${workspaceId}\u0000${kind}\u0000${value}`;
  }

  private get(key: string): IdentifiedUser | undefined {
    const hit = this.recent.get(key);
    if (hit) return hit;
    const old = this.older.get(key);
    if (old) this.set(key, old);
    return old;
  }

  private set(key: string, user: IdentifiedUser): void {
    if (this.recent.size >= this.capacity / 2) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, user);
  }

  private forget(key: string): void {
    this.recent.delete(key);
    this.older.delete(key);
  }

  /** A draft snapshot of the batch's identifiers (read-only: plans copy what they change); an identifier not seen is absent, so locked exclusively. */
  draft(workspaceId: string, messages: IdentityMessage[]): IdentitySnapshot {
    const snapshot: IdentitySnapshot = { byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() };
    const { userIds, anonymousIds } = identifiersOf(messages);
    for (const id of userIds) {
      const external = this.get(this.key(workspaceId, 'external', id));
      if (external) snapshot.byExternalId.set(id, external);
      const alias = external ? undefined : this.get(this.key(workspaceId, 'alias', id));
      if (alias) snapshot.byAlias.set(id, alias);
    }
    for (const id of anonymousIds) {
      const owner = this.get(this.key(workspaceId, 'anonymous', id));
      if (owner) snapshot.byAnonymousId.set(id, owner);
    }
    return snapshot;
  }

  /**
   * After the batch committed: `locked` is what the database held for its
   * identifiers under lock, `plan` what the batch changed. Identifiers of users
   * renamed or merged are forgotten rather than worked out.
   */
  remember(workspaceId: string, locked: IdentitySnapshot, plan: IdentityPlan): void {
    const unsettled = new Set<string>();
    const externalIdOf = new Map<string, string | null>();
    for (const op of plan.operations) {
      if (op.kind === 'merge') unsettled.add(op.fromUserId).add(op.intoUserId);
      else if (op.kind === 'setExternalId') unsettled.add(op.userId);
      else if (op.kind === 'createUser') externalIdOf.set(op.userId, op.externalId);
    }
    const entries: Array<[Kind, Map<string, IdentifiedUser>]> = [
      ['external', locked.byExternalId],
      ['alias', locked.byAlias],
      ['anonymous', locked.byAnonymousId],
    ];
    for (const [kind, map] of entries) {
      for (const [value, user] of map) {
        externalIdOf.set(user.id, user.externalId);
        const key = this.key(workspaceId, kind, value);
        if (unsettled.has(user.id)) this.forget(key);
        else this.set(key, { id: user.id, externalId: user.externalId });
      }
    }
    for (const op of plan.operations) {
      if (op.kind === 'createUser' && op.externalId && !unsettled.has(op.userId)) {
        this.set(this.key(workspaceId, 'external', op.externalId), { id: op.userId, externalId: op.externalId });
      } else if (op.kind === 'addIdentity' && !unsettled.has(op.userId) && externalIdOf.has(op.userId)) {
        const kind: Kind = op.identityKind === 'ANONYMOUS' ? 'anonymous' : 'alias';
        this.set(this.key(workspaceId, kind, op.value), { id: op.userId, externalId: externalIdOf.get(op.userId)! });
      }
    }
  }

  /** The draft for these messages proved wrong: read them from the database next time. */
  forgetBatch(workspaceId: string, messages: IdentityMessage[]): void {
    const { userIds, anonymousIds } = identifiersOf(messages);
    for (const id of userIds) {
      this.forget(this.key(workspaceId, 'external', id));
      this.forget(this.key(workspaceId, 'alias', id));
    }
    for (const id of anonymousIds) this.forget(this.key(workspaceId, 'anonymous', id));
  }
}

/** One per process, like the attribute catalog memory. */
export const knownIdentities = new KnownIdentities();
