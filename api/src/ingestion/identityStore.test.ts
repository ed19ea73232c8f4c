import { type IdentityMessage, type IdentitySnapshot, planIdentityResolution } from '@tideflow/domain';
import { exclusiveIdentifierKeys } from './identityStore';

const track = (userId: string | null, anonymousId: string | null = null): IdentityMessage => ({ type: 'track', userId, anonymousId, previousId: null });
const alias = (previousId: string, userId: string): IdentityMessage => ({ type: 'alias', userId, anonymousId: null, previousId });

function snapshotOf(users: Array<{ id: string; externalId: string | null; anonymousIds?: string[]; aliases?: string[] }>): IdentitySnapshot {
  const snapshot: IdentitySnapshot = { byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() };
  for (const { id, externalId, anonymousIds = [], aliases = [] } of users) {
    const user = { id, externalId };
    if (externalId) snapshot.byExternalId.set(externalId, user);
    for (const value of anonymousIds) snapshot.byAnonymousId.set(value, user);
    for (const value of aliases) snapshot.byAlias.set(value, user);
  }
  return snapshot;
}

function exclusiveKeys(messages: IdentityMessage[], snapshot: IdentitySnapshot): string[] {
  let n = 0;
  const plan = planIdentityResolution(messages, snapshot, () => `new-${++n}`);
  return [...exclusiveIdentifierKeys(messages, snapshot, plan.operations)].sort();
}

describe('exclusiveIdentifierKeys', () => {
  it('needs no exclusive lock for known users whose identities stay as they are', () => {
    const snapshot = snapshotOf([
      { id: 'U1', externalId: 'u1', anonymousIds: ['a1'] },
      { id: 'U2', externalId: 'u2', aliases: ['old-u2'] },
    ]);
    expect(exclusiveKeys([track('u1', 'a1'), track('u1'), track('u2'), track(null, 'a1'), track('old-u2')], snapshot)).toEqual([]);
  });

  it('locks unknown ids exclusively (they may be created or attached)', () => {
    const snapshot = snapshotOf([{ id: 'U1', externalId: 'u1' }]);
    expect(exclusiveKeys([track('new-user'), track(null, 'new-anon'), track('u2', 'a2')], snapshot)).toEqual(['a:a2', 'a:new-anon', 'u:new-user', 'u:u2']);
  });

  it('locks only the new id when a known user gains one (its other ids keep meaning it)', () => {
    // u1 gains anonymousId a9: concurrent batches about u1 (through u1 or a1) may go on with shared locks.
    const snapshot = snapshotOf([
      { id: 'U1', externalId: 'u1', anonymousIds: ['a1'] },
      { id: 'U2', externalId: 'u2' },
    ]);
    expect(exclusiveKeys([track('u1', 'a9'), track(null, 'a1'), track('u2')], snapshot)).toEqual(['a:a9']);
  });

  it('locks every id of a user the batch renames, known ones included', () => {
    // The anonymous profile of a1 and a2 becomes u7: both its anonymousIds are exclusive.
    const snapshot = snapshotOf([{ id: 'ANON', externalId: null, anonymousIds: ['a1', 'a2'] }]);
    expect(exclusiveKeys([track('u7', 'a1'), track(null, 'a2')], snapshot)).toEqual(['a:a1', 'a:a2', 'u:u7']);
  });

  it('locks both sides of a merge and of an alias', () => {
    const snapshot = snapshotOf([
      { id: 'KNOWN', externalId: 'u1' },
      { id: 'ANON', externalId: null, anonymousIds: ['a1'] },
      { id: 'OLD', externalId: 'old', anonymousIds: ['a-old'] },
      { id: 'NEW', externalId: 'new' },
    ]);
    expect(exclusiveKeys([track('u1', 'a1')], snapshot)).toEqual(['a:a1', 'u:u1']);
    expect(exclusiveKeys([alias('old', 'new'), track(null, 'a-old')], snapshot)).toEqual(['a:a-old', 'a:old', 'u:new', 'u:old']);
  });
});
