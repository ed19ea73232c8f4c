import { systemAttributeNames } from '../attributes/systemAttributes';
import { closestNames, editDistance, unknownNameMessage } from './closestNames';

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['', '', 0],
    ['plan', 'plan', 0],
    ['Plan', 'pLAN', 0],
    ['plan', 'plans', 1],
    ['plan', 'lpan', 2],
    ['Order Completed', 'Order Complete', 1],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops past the limit, returning limit + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('plan', 'plans', 1)).toBe(1);
    expect(editDistance('abc', 'abd', 0)).toBe(1);
  });
});

describe('closestNames', () => {
  it('nearest first, then alphabetically, at most three', () => {
    expect(closestNames('plann', ['plane', 'plan', 'plans', 'planet', 'plank'])).toEqual(['plan', 'plane', 'plank']);
    expect(closestNames('plann', ['plan', 'zzzz'], 1)).toEqual(['plan']);
  });

  it('a name contained in another counts as close ("plan" in "planName")', () => {
    expect(closestNames('plan', ['planName', 'region'])).toEqual(['planName']);
    expect(closestNames('currentPlanName', ['plan', 'planName'])).toEqual(['plan', 'planName']);
  });

  it('but not a name of one or two letters inside a longer one ("ip" in "shipping", "os" in "position")', () => {
    expect(closestNames('shipping', systemAttributeNames)).toEqual([]);
    expect(closestNames('position', systemAttributeNames)).toEqual([]);
    expect(closestNames('zipCode', [...systemAttributeNames, 'zip'])).toEqual(['zip']);
  });

  it('tolerates more typos in longer names (a third of the length, at least 2)', () => {
    expect(closestNames('emial', systemAttributeNames)).toEqual(['email']);
    expect(closestNames('lastSeen', systemAttributeNames)).toEqual(['lastSeenAt']);
    expect(closestNames('appVerison', systemAttributeNames)).toEqual(['appVersion']);
    expect(closestNames('xyz', ['abc'])).toEqual([]);
    expect(closestNames('anything', [])).toEqual([]);
  });
});

describe('unknownNameMessage', () => {
  it('names the kind and the suggestions, or only the unknown name', () => {
    expect(unknownNameMessage('event', 'Order Complete', ['Order Completed', 'Product Viewed'])).toBe('unknown event "Order Complete"; did you mean "Order Completed"?');
    expect(unknownNameMessage('attribute', 'plann', ['plan', 'plane'])).toBe('unknown attribute "plann"; did you mean "plan", "plane"?');
    expect(unknownNameMessage('event group', 'Zzz', ['Purchase'])).toBe('unknown event group "Zzz"');
  });
});
