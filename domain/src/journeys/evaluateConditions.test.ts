import type { JsonObject } from '../json/json';
import { type ConditionFacts, decideConditionSplit, evaluateCondition, evaluateConditionGroup } from './evaluateConditions';
import { type BehaviourCondition, ConditionGroup, JourneyCondition } from './journeyCondition';
import type { UserFacts } from './userFacts';

const condition = (input: unknown) => JourneyCondition.parse(input);
const group = (input: unknown) => ConditionGroup.parse(input);

const user: UserFacts = {
  id: 'usr_1',
  externalId: 'ext-42',
  system: { email: 'ada@example.com', country: 'DE', timezone: 'Europe/Berlin', phone: null },
  traits: { plan: 'pro', email: 'old@example.com', country: 'FR', seats: 3, address: { city: 'Berlin' }, 'utm.source': 'ads' },
};

const makeFacts = (overrides: Partial<ConditionFacts> = {}): ConditionFacts => ({
  user,
  triggerProperties: { cartId: 'c1', amount: 120, items: [{ sku: 'A-1' }] },
  context: { scoring: { status: 200, body: { tier: 'silver' } } } as JsonObject,
  behaviourCount: jest.fn(() => 0),
  ...overrides,
});

describe('evaluateCondition', () => {
  describe('attribute', () => {
    it('reads a custom trait and says what it saw', () => {
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'free' }), makeFacts())).toEqual({ holds: false, reason: 'plan = free (is pro)' });
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'seats', operator: 'gte', value: 3 }), makeFacts())).toEqual({ holds: true, reason: 'seats ≥ 3 (is 3)' });
    });

    it('reads a system attribute from the column, not from a trait of the same name', () => {
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'country', operator: 'eq', value: 'de' }), makeFacts())).toEqual({ holds: true, reason: 'country = de (is DE)' });
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'email', operator: 'contains', value: 'ada' }), makeFacts()).holds).toBe(true);
    });

    it('reads the trait with a `traits.` prefix', () => {
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'traits.country', operator: 'eq', value: 'FR' }), makeFacts())).toEqual({ holds: true, reason: 'traits.country = FR (is FR)' });
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'traits.plan', operator: 'eq', value: 'pro' }), makeFacts()).holds).toBe(true);
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'traits.address.city', operator: 'eq', value: 'Berlin' }), makeFacts()).holds).toBe(true);
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'utm.source', operator: 'eq', value: 'ads' }), makeFacts()).holds).toBe(true);
    });

    it('reads the user id as userId or externalId', () => {
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'userId', operator: 'eq', value: 'ext-42' }), makeFacts()).holds).toBe(true);
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'externalId', operator: 'exists' }), makeFacts()).holds).toBe(true);
      const anonymous = makeFacts({ user: { ...user, externalId: null } });
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'userId', operator: 'notExists' }), anonymous)).toEqual({ holds: true, reason: 'userId does not exist' });
    });

    it('says when the attribute is missing, and leaves the value out for exists', () => {
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'company', operator: 'eq', value: 'Acme' }), makeFacts())).toEqual({ holds: false, reason: 'company = Acme (missing)' });
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'phone', operator: 'exists' }), makeFacts())).toEqual({ holds: false, reason: 'phone exists' });
      expect(evaluateCondition(condition({ kind: 'attribute', attribute: 'locale', operator: 'neq', value: 'de' }), makeFacts())).toEqual({ holds: true, reason: 'locale ≠ de (missing)' });
    });
  });

  it('triggerProperty reads the trigger event', () => {
    expect(evaluateCondition(condition({ kind: 'triggerProperty', property: 'amount', operator: 'gte', value: 100 }), makeFacts())).toEqual({ holds: true, reason: 'event.amount ≥ 100 (is 120)' });
    expect(evaluateCondition(condition({ kind: 'triggerProperty', property: 'items.0.sku', operator: 'in', value: ['A-1', 'B-2'] }), makeFacts())).toEqual({ holds: true, reason: 'event.items.0.sku in ["A-1","B-2"] (is A-1)' });
    expect(evaluateCondition(condition({ kind: 'triggerProperty', property: 'coupon', operator: 'exists' }), makeFacts())).toEqual({ holds: false, reason: 'event.coupon exists' });
  });

  it('context reads what the journey saved', () => {
    expect(evaluateCondition(condition({ kind: 'context', path: 'scoring.body.tier', operator: 'eq', value: 'gold' }), makeFacts())).toEqual({ holds: false, reason: 'context.scoring.body.tier = gold (is silver)' });
    expect(evaluateCondition(condition({ kind: 'context', path: 'scoring.body', operator: 'exists' }), makeFacts()).holds).toBe(true);
  });

  describe('behaviour', () => {
    const did = condition({ kind: 'behaviour', eventName: 'Order Completed', within: { amount: 7, unit: 'days' } });
    const didNotThrice = condition({ kind: 'behaviour', eventName: 'Viewed Product', did: false, atLeast: 3, within: { amount: 1, unit: 'days' } });

    it('asks for the count with the parsed condition', () => {
      const behaviourCount = jest.fn((_: BehaviourCondition) => 1);
      evaluateCondition(did, makeFacts({ behaviourCount }));
      expect(behaviourCount).toHaveBeenCalledWith({ kind: 'behaviour', eventName: 'Order Completed', filters: [], did: true, atLeast: 1, within: { amount: 7, unit: 'days' } });
    });

    it('did: at least once (by default)', () => {
      expect(evaluateCondition(did, makeFacts({ behaviourCount: () => 1 }))).toEqual({ holds: true, reason: 'did Order Completed in the last 7 days (1 time)' });
      expect(evaluateCondition(did, makeFacts({ behaviourCount: () => 0 }))).toEqual({ holds: false, reason: 'did Order Completed in the last 7 days (0 times)' });
    });

    it('did not, at least N times', () => {
      expect(evaluateCondition(didNotThrice, makeFacts({ behaviourCount: () => 2 }))).toEqual({ holds: true, reason: 'did not do Viewed Product at least 3 times in the last 1 day (2 times)' });
      expect(evaluateCondition(didNotThrice, makeFacts({ behaviourCount: () => 3 })).holds).toBe(false);
      const didThrice = condition({ kind: 'behaviour', eventName: 'Viewed Product', atLeast: 3, within: { amount: 1, unit: 'days' } });
      expect(evaluateCondition(didThrice, makeFacts({ behaviourCount: () => 3 })).holds).toBe(true);
      expect(evaluateCondition(didThrice, makeFacts({ behaviourCount: () => 2 })).holds).toBe(false);
    });
  });

  describe('segment', () => {
    const member = condition({ kind: 'segment', segmentId: 'seg_vip' });
    const notMember = condition({ kind: 'segment', segmentId: 'seg_vip', member: false });

    it('is false, and says why, while segments are not available', () => {
      expect(evaluateCondition(member, makeFacts())).toEqual({ holds: false, reason: 'segment seg_vip: segments are not available' });
      expect(evaluateCondition(notMember, makeFacts()).holds).toBe(false);
    });

    it('checks membership, or its absence', () => {
      const segmentMember = jest.fn((id: string) => id === 'seg_vip');
      expect(evaluateCondition(member, makeFacts({ segmentMember }))).toEqual({ holds: true, reason: 'member of segment seg_vip' });
      expect(evaluateCondition(notMember, makeFacts({ segmentMember }))).toEqual({ holds: false, reason: 'member of segment seg_vip' });
      expect(evaluateCondition(notMember, makeFacts({ segmentMember: () => false }))).toEqual({ holds: true, reason: 'not a member of segment seg_vip' });
      expect(segmentMember).toHaveBeenCalledWith('seg_vip');
    });
  });
});

describe('evaluateConditionGroup', () => {
  const isPro = { kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'pro' };
  const isFree = { kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'free' };
  const bigCart = { kind: 'triggerProperty', property: 'amount', operator: 'gt', value: 100 };
  const ordered = { kind: 'behaviour', eventName: 'Order Completed', within: { amount: 30, unit: 'days' } };

  it('all: true when every condition holds, naming them all', () => {
    expect(evaluateConditionGroup(group({ conditions: [isPro, bigCart] }), makeFacts())).toEqual({ holds: true, reason: 'plan = pro (is pro) and event.amount > 100 (is 120)' });
  });

  it('all: stops at the first false condition and names it', () => {
    const behaviourCount = jest.fn(() => 5);
    expect(evaluateConditionGroup(group({ match: 'all', conditions: [isFree, ordered] }), makeFacts({ behaviourCount }))).toEqual({ holds: false, reason: 'plan = free (is pro)' });
    expect(behaviourCount).not.toHaveBeenCalled();
  });

  it('any: stops at the first true condition and names it', () => {
    const behaviourCount = jest.fn(() => 5);
    expect(evaluateConditionGroup(group({ match: 'any', conditions: [isFree, bigCart, ordered] }), makeFacts({ behaviourCount }))).toEqual({ holds: true, reason: 'event.amount > 100 (is 120)' });
    expect(behaviourCount).not.toHaveBeenCalled();
  });

  it('any: false when none holds, naming them all', () => {
    expect(evaluateConditionGroup(group({ match: 'any', conditions: [isFree, ordered] }), makeFacts())).toEqual({ holds: false, reason: 'plan = free (is pro) or did Order Completed in the last 30 days (0 times)' });
  });
});

describe('decideConditionSplit', () => {
  const branches = [
    { key: 'big', when: group({ conditions: [{ kind: 'triggerProperty', property: 'amount', operator: 'gte', value: 100 }] }) },
    { key: 'medium', when: group({ conditions: [{ kind: 'triggerProperty', property: 'amount', operator: 'gte', value: 50 }] }) },
  ];
  const withAmount = (amount: number) => makeFacts({ triggerProperties: { amount } });

  it('picks the first branch whose conditions hold, even when a later one holds too', () => {
    expect(decideConditionSplit(branches, withAmount(120))).toEqual({ branch: 'big', reason: 'condition true: event.amount ≥ 100 (is 120)' });
    expect(decideConditionSplit(branches, withAmount(60))).toEqual({ branch: 'medium', reason: 'condition true: event.amount ≥ 50 (is 60)' });
  });

  it('takes `else` when none holds, with every miss in the reason', () => {
    expect(decideConditionSplit(branches, withAmount(10))).toEqual({ branch: 'else', reason: 'condition false: event.amount ≥ 100 (is 10); event.amount ≥ 50 (is 10)' });
  });

  it('reads well for a single trait check', () => {
    const plan = [{ key: 'free', when: group({ conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'free' }] }) }];
    expect(decideConditionSplit(plan, makeFacts())).toEqual({ branch: 'else', reason: 'condition false: plan = free (is pro)' });
  });

  it('does not evaluate branches after the chosen one', () => {
    const behaviourCount = jest.fn(() => 1);
    const later = { key: 'buyer', when: group({ conditions: [{ kind: 'behaviour', eventName: 'Order Completed', within: { amount: 1, unit: 'days' } }] }) };
    expect(decideConditionSplit([branches[0]!, later], makeFacts({ behaviourCount })).branch).toBe('big');
    expect(behaviourCount).not.toHaveBeenCalled();
  });
});

describe('condition schemas', () => {
  it('check the value against the operator at `value`', () => {
    const result = JourneyCondition.safeParse({ kind: 'attribute', attribute: 'plan', operator: 'in', value: 'pro' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['value'], message: 'must be a non-empty list for operator "in"' })]);
  });

  it('need at least one condition in a group, and default to `all`', () => {
    expect(ConditionGroup.safeParse({ conditions: [] }).error?.issues[0]?.message).toBe('needs at least one condition');
    expect(group({ conditions: [{ kind: 'segment', segmentId: 's' }] }).match).toBe('all');
  });
});
