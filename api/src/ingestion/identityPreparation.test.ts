import type { IdentityMessage, IdentitySnapshot } from '@tideflow/domain';
import { messagesChangingIdentities } from './identityPreparation';

const track = (userId: string | null, anonymousId: string | null = null): IdentityMessage => ({ type: 'track', userId, anonymousId, previousId: null });
const alias = (previousId: string, userId: string): IdentityMessage => ({ type: 'alias', userId, anonymousId: null, previousId });

function snapshotOf(users: Array<{ id: string; externalId: string | null; anonymousIds?: string[] }>): IdentitySnapshot {
  const snapshot: IdentitySnapshot = { byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() };
  for (const { id, externalId, anonymousIds = [] } of users) {
    const user = { id, externalId };
    if (externalId) snapshot.byExternalId.set(externalId, user);
    for (const value of anonymousIds) snapshot.byAnonymousId.set(value, user);
  }
  return snapshot;
}

const draft = snapshotOf([
  { id: 'U1', externalId: 'u1', anonymousIds: ['a1'] },
  { id: 'U2', externalId: 'u2' },
  { id: 'ANON', externalId: null, anonymousIds: ['a-anon'] },
]);

describe('messagesChangingIdentities', () => {
  it('is empty for a batch of known users', () => {
    expect(messagesChangingIdentities([track('u1', 'a1'), track('u2'), track(null, 'a-anon')], draft)).toEqual([]);
  });

  it('keeps the messages naming a new identifier, wherever they are in the batch', () => {
    const batch = [track('u1', 'a9'), track('u2'), track(null, 'a9'), track('new-user'), track('u1')];
    expect(messagesChangingIdentities(batch, draft)).toEqual([batch[0], batch[2], batch[3]]);
  });

  it('keeps every message naming a user the batch merges or renames', () => {
    // u2 + a-anon folds the anonymous profile into u2; a later alias renames nothing known.
    const batch = [track('u2', 'a-anon'), track(null, 'a-anon'), track('u1'), alias('u1', 'u7')];
    expect(messagesChangingIdentities(batch, draft)).toEqual([batch[0], batch[1], batch[2], batch[3]]);
  });
});
