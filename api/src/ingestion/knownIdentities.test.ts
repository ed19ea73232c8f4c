import { type IdentityMessage, type IdentitySnapshot, planIdentityResolution } from '@tideflow/domain';
import { exclusiveIdentifierKeys } from './identityStore';
import { KnownIdentities } from './knownIdentities';

const track = (userId: string | null, anonymousId: string | null = null): IdentityMessage => ({ type: 'track', userId, anonymousId, previousId: null });
const alias = (previousId: string, userId: string): IdentityMessage => ({ type: 'alias', userId, anonymousId: null, previousId });
const empty = (): IdentitySnapshot => ({ byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() });

/** Plans a batch on `locked` and remembers it, as ingestMessages does after COMMIT. */
function commit(known: KnownIdentities, messages: IdentityMessage[], locked: IdentitySnapshot = empty()) {
  let n = 0;
  const plan = planIdentityResolution(messages, locked, () => `U${++n}`);
  known.remember('w', locked, plan);
  return plan;
}

const exclusive = (known: KnownIdentities, messages: IdentityMessage[]) => {
  const draft = known.draft('w', messages);
  return [...exclusiveIdentifierKeys(messages, draft, planIdentityResolution(messages, draft, () => 'new').operations)].sort();
};

describe('KnownIdentities', () => {
  it('knows nothing at first, so every key is drafted exclusive', () => {
    expect(exclusive(new KnownIdentities(), [track('u1', 'a1')])).toEqual(['a:a1', 'u:u1']);
  });

  it('remembers the users and identities a committed batch created', () => {
    const known = new KnownIdentities();
    const plan = commit(known, [track('u1', 'a1'), track(null, 'a2')]);
    const draft = known.draft('w', [track('u1', 'a1'), track(null, 'a2')]);
    expect(draft.byExternalId.get('u1')).toEqual({ id: plan.userIdOfMessage[0], externalId: 'u1' });
    expect(draft.byAnonymousId.get('a1')).toEqual({ id: plan.userIdOfMessage[0], externalId: 'u1' });
    expect(draft.byAnonymousId.get('a2')).toEqual({ id: plan.userIdOfMessage[1], externalId: null });
    expect(exclusive(known, [track('u1', 'a1'), track('u1'), track(null, 'a2')])).toEqual([]);
  });

  it('keeps workspaces apart', () => {
    const known = new KnownIdentities();
    commit(known, [track('u1')]);
    expect(known.draft('other', [track('u1')]).byExternalId.size).toBe(0);
  });

  it('forgets the identifiers of users a batch renamed or merged', () => {
    const known = new KnownIdentities();
    const locked: IdentitySnapshot = empty();
    const anonymous = { id: 'ANON', externalId: null };
    const user = { id: 'USER', externalId: 'u1' };
    locked.byAnonymousId.set('a1', anonymous);
    locked.byExternalId.set('u1', user);
    // u1 + a1: the anonymous profile is merged into the known user.
    commit(known, [track('u1', 'a1')], locked);
    expect(known.draft('w', [track('u1', 'a1')])).toEqual(empty());
    // An alias renames: both ids are forgotten too.
    const renamed: IdentitySnapshot = empty();
    renamed.byExternalId.set('old', { id: 'OLD', externalId: 'old' });
    commit(known, [alias('old', 'new')], renamed);
    expect(known.draft('w', [track('old'), track('new')]).byExternalId.size).toBe(0);
  });

  it('forgets a batch whose draft proved wrong', () => {
    const known = new KnownIdentities();
    commit(known, [track('u1', 'a1')]);
    known.forgetBatch('w', [track('u1', 'a1')]);
    expect(known.draft('w', [track('u1', 'a1')])).toEqual(empty());
  });

  it('holds at most its capacity, keeping what is used', () => {
    const known = new KnownIdentities(4); // two generations of two
    commit(known, [track('u1')]);
    commit(known, [track('u2')]);
    commit(known, [track('u3')]); // u1 and u2 are now the older generation
    expect(known.draft('w', [track('u1')]).byExternalId.size).toBe(1); // used: carried into the newer one
    commit(known, [track('u4')]); // retires the older generation, u2 with it
    expect(known.draft('w', [track('u2')]).byExternalId.size).toBe(0);
    expect(known.draft('w', [track('u1'), track('u3'), track('u4')]).byExternalId.size).toBe(3);
  });
});
