import { type IdentifiedUser, type IdentityMessage, type IdentityPlan, type IdentitySnapshot, identifiersOf } from '@tideflow/domain';

type Kind = 'external' | 'alias' | 'anonymous';
type Generation = Map<string, Record<Kind, Map<string, IdentifiedUser>>>;

/**
 * What this process last saw committed about identifiers: which user a userId
 * (as externalId or alias) or an anonymousId belonged to. A draft, used to
 * choose which identifiers a batch locks exclusively (`lockAndPlanIdentities`).
 * A batch that changes identities is planned on what the database holds once
 * the locks are taken, and a draft that proves too optimistic (another process
 * merged or renamed a user meanwhile) makes it retry with every lock
 * exclusive. A batch of known users is planned on the draft alone: only a
 * user deleted since (merged away by another process) can make that wrong,
 * which its events' foreign key catches, and the retry forgets the draft.
 *
 * Bounded: two generations of at most `capacity / 2` entries each; a hit in
 * the older one is carried over, and a full newer one retires the older.
 */
export class KnownIdentities {
  /** Per generation, workspace and kind: no composite key string is built per lookup (a batch makes ~1,000). */
  private recent: Generation = new Map();
  private older: Generation = new Map();
  private recentSize = 0;

  constructor(private readonly capacity = 60_000) {}

  private get(workspaceId: string, kind: Kind, value: string): IdentifiedUser | undefined {
    const hit = this.recent.get(workspaceId)?.[kind].get(value);
    if (hit) return hit;
    const old = this.older.get(workspaceId)?.[kind].get(value);
    if (old) this.set(workspaceId, kind, value, old);
    return old;
  }

  private set(workspaceId: string, kind: Kind, value: string, user: IdentifiedUser): void {
    if (this.recentSize >= this.capacity / 2) {
      this.older = this.recent;
      this.recent = new Map();
      this.recentSize = 0;
    }
    let kinds = this.recent.get(workspaceId);
    if (!kinds) this.recent.set(workspaceId, (kinds = { external: new Map(), alias: new Map(), anonymous: new Map() }));
    const map = kinds[kind];
    if (!map.has(value)) this.recentSize++;
    map.set(value, user);
  }

  private forget(workspaceId: string, kind: Kind, value: string): void {
    if (this.recent.get(workspaceId)?.[kind].delete(value)) this.recentSize--;
    this.older.get(workspaceId)?.[kind].delete(value);
  }

  /** A draft snapshot of the batch's identifiers (read-only: plans copy what they change); an identifier not seen is absent, so locked exclusively. */
  draft(workspaceId: string, messages: IdentityMessage[]): IdentitySnapshot {
    const snapshot: IdentitySnapshot = { byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() };
    const { userIds, anonymousIds } = identifiersOf(messages);
    for (const id of userIds) {
      const external = this.get(workspaceId, 'external', id);
      if (external) snapshot.byExternalId.set(id, external);
      const alias = external ? undefined : this.get(workspaceId, 'alias', id);
      if (alias) snapshot.byAlias.set(id, alias);
    }
    for (const id of anonymousIds) {
      const owner = this.get(workspaceId, 'anonymous', id);
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
        if (unsettled.has(user.id)) this.forget(workspaceId, kind, value);
        else this.set(workspaceId, kind, value, { id: user.id, externalId: user.externalId });
      }
    }
    for (const op of plan.operations) {
      if (op.kind === 'createUser' && op.externalId && !unsettled.has(op.userId)) {
        this.set(workspaceId, 'external', op.externalId, { id: op.userId, externalId: op.externalId });
      } else if (op.kind === 'addIdentity' && !unsettled.has(op.userId) && externalIdOf.has(op.userId)) {
        const kind: Kind = op.identityKind === 'ANONYMOUS' ? 'anonymous' : 'alias';
        this.set(workspaceId, kind, op.value, { id: op.userId, externalId: externalIdOf.get(op.userId)! });
      }
    }
  }

  /** The draft for these messages proved wrong: read them from the database next time. */
  forgetBatch(workspaceId: string, messages: IdentityMessage[]): void {
    const { userIds, anonymousIds } = identifiersOf(messages);
    for (const id of userIds) {
      this.forget(workspaceId, 'external', id);
      this.forget(workspaceId, 'alias', id);
    }
    for (const id of anonymousIds) this.forget(workspaceId, 'anonymous', id);
  }
}

/** One per process, like the attribute catalog memory. */
export const knownIdentities = new KnownIdentities();
