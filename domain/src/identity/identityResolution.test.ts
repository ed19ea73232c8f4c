import { type IdentityMessage, type IdentitySnapshot, planIdentityResolution } from './identityResolution';

const empty = (): IdentitySnapshot => ({ byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() });
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const track = (userId: string | null, anonymousId: string | null = null): IdentityMessage => ({ type: 'track', userId, anonymousId, previousId: null });
const alias = (previousId: string, userId: string): IdentityMessage => ({ type: 'alias', userId, anonymousId: null, previousId });

describe('planIdentityResolution', () => {
  it('creates one anonymous profile per anonymousId and reuses it', () => {
    const plan = planIdentityResolution([track(null, 'a1'), track(null, 'a1')], empty(), ids());
    expect(plan.operations).toEqual([
      { kind: 'createUser', userId: 'new-1', externalId: null },
      { kind: 'addIdentity', userId: 'new-1', identityKind: 'ANONYMOUS', value: 'a1' },
    ]);
    expect(plan.userIdOfMessage).toEqual(['new-1', 'new-1']);
  });

  it('turns an anonymous profile into the known user on identify', () => {
    const plan = planIdentityResolution([track(null, 'a1'), track('u1', 'a1')], empty(), ids());
    expect(plan.operations).toContainEqual({ kind: 'setExternalId', userId: 'new-1', externalId: 'u1' });
    expect(plan.userIdOfMessage).toEqual(['new-1', 'new-1']);
  });

  it('merges an anonymous profile into an existing known user', () => {
    const snapshot = empty();
    snapshot.byExternalId.set('u1', { id: 'known', externalId: 'u1' });
    snapshot.byAnonymousId.set('a1', { id: 'anon', externalId: null });
    const plan = planIdentityResolution([track(null, 'a1'), track('u1', 'a1'), track(null, 'a1')], snapshot, ids());
    expect(plan.operations).toEqual([{ kind: 'merge', fromUserId: 'anon', intoUserId: 'known', fromExternalId: null }]);
    expect(plan.userIdOfMessage).toEqual(['known', 'known', 'known']);
  });

  it('leaves an anonymousId with the known user who already owns it (shared device)', () => {
    const snapshot = empty();
    snapshot.byAnonymousId.set('a1', { id: 'alice', externalId: 'alice' });
    const plan = planIdentityResolution([track('bob', 'a1')], snapshot, ids());
    expect(plan.operations).toEqual([{ kind: 'createUser', userId: 'new-1', externalId: 'bob' }]);
    expect(plan.userIdOfMessage).toEqual(['new-1']);
  });

  it('alias: an unknown previousId becomes an alias of the user', () => {
    const plan = planIdentityResolution([alias('old', 'u1'), track('old')], empty(), ids());
    expect(plan.operations).toEqual([
      { kind: 'createUser', userId: 'new-1', externalId: 'u1' },
      { kind: 'addIdentity', userId: 'new-1', identityKind: 'ALIAS', value: 'old' },
    ]);
    expect(plan.userIdOfMessage).toEqual(['new-1', 'new-1']);
  });

  it('alias: a known previousId is renamed when the new id is unknown', () => {
    const snapshot = empty();
    snapshot.byExternalId.set('old', { id: 'x', externalId: 'old' });
    const plan = planIdentityResolution([alias('old', 'new'), track('old'), track('new')], snapshot, ids());
    expect(plan.operations).toEqual([
      { kind: 'addIdentity', userId: 'x', identityKind: 'ALIAS', value: 'old' },
      { kind: 'setExternalId', userId: 'x', externalId: 'new' },
    ]);
    expect(plan.userIdOfMessage).toEqual(['x', 'x', 'x']);
  });

  it('alias: two known users are merged, the new id winning', () => {
    const snapshot = empty();
    snapshot.byExternalId.set('old', { id: 'x', externalId: 'old' });
    snapshot.byExternalId.set('new', { id: 'y', externalId: 'new' });
    const plan = planIdentityResolution([track('old'), alias('old', 'new'), track('old')], snapshot, ids());
    expect(plan.operations).toEqual([{ kind: 'merge', fromUserId: 'x', intoUserId: 'y', fromExternalId: 'old' }]);
    expect(plan.userIdOfMessage).toEqual(['y', 'y', 'y']);
  });

  it('does not mutate the snapshot', () => {
    const snapshot = empty();
    const anon = { id: 'anon', externalId: null };
    snapshot.byAnonymousId.set('a1', anon);
    planIdentityResolution([track('u1', 'a1')], snapshot, ids());
    expect(anon.externalId).toBeNull();
  });
});
