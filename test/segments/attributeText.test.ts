import { all, attribute, openSegmentLab, type SegmentLab } from './segmentLab';

/**
 * Text operators on system columns (email, country), string traits, arrays and
 * nested object paths; technology conditions. Missing, null and empty values,
 * case differences and quotes in the data.
 */

let lab: SegmentLab;

beforeAll(async () => {
  lab = await openSegmentLab({ traitTypes: { plan: 'STRING', tags: 'ARRAY', address: 'OBJECT' } });
  await lab.addUsers([
    { id: 'ann', email: 'Ann@Example.com', country: 'DE', platform: 'ios', os: 'iOS', appVersion: '2.10.1', deviceType: 'mobile', traits: { plan: 'Pro', tags: ['vip', 'Beta'], address: { city: 'Berlin', zip: '10115' }, nickname: 'annie' } },
    { id: 'bob', email: 'bob@example.org', country: 'de', platform: 'android', os: 'Android', appVersion: '2.9.0', deviceType: 'mobile', traits: { plan: 'free', tags: [], address: { city: 'berlin' }, nickname: '' } },
    { id: 'cid', email: null, country: 'FR', platform: 'web', browser: 'Firefox', deviceType: 'desktop', traits: { plan: null, tags: ['beta'], address: {}, nickname: "Cid O'Neil" } },
    { id: 'dan', email: '', country: null, traits: {} },
    { id: 'eve', email: 'eve@shop.example.com', country: 'US', platform: 'web', browser: 'Chrome', deviceType: '', traits: { plan: 'PRO plus', tags: 'vip', address: 'Berlin', nickname: 42 } },
  ]);
});
afterAll(() => lab?.close());

const on = (name: string, operator: string, rest: Record<string, unknown> = {}) => lab.members(all(attribute(name, operator, rest)));

describe('system text columns', () => {
  it('email: every text operator, case-insensitively; missing (null) and empty count as absent', async () => {
    expect(await on('email', 'equals', { value: 'ann@example.com' })).toEqual(['ann']);
    expect(await on('email', 'notEquals', { value: 'ann@example.com' })).toEqual(['bob', 'cid', 'dan', 'eve']);
    expect(await on('email', 'contains', { value: 'EXAMPLE' })).toEqual(['ann', 'bob', 'eve']);
    expect(await on('email', 'notContains', { value: 'example.com' })).toEqual(['bob', 'cid', 'dan']);
    expect(await on('email', 'startsWith', { value: 'ANN@' })).toEqual(['ann']);
    expect(await on('email', 'endsWith', { value: '.COM' })).toEqual(['ann', 'eve']);
    expect(await on('email', 'in', { values: ['BOB@example.org', 'nobody@example.com'] })).toEqual(['bob']);
    expect(await on('email', 'notIn', { values: ['bob@example.org'] })).toEqual(['ann', 'cid', 'dan', 'eve']);
    expect(await on('email', 'exists')).toEqual(['ann', 'bob', 'eve']);
    expect(await on('email', 'notExists')).toEqual(['cid', 'dan']);
  });

  it('country: equals / notEquals / in / notIn with case differences and a missing country', async () => {
    expect(await on('country', 'equals', { value: 'de' })).toEqual(['ann', 'bob']);
    expect(await on('country', 'notEquals', { value: 'DE' })).toEqual(['cid', 'dan', 'eve']);
    expect(await on('country', 'in', { values: ['de', 'Fr'] })).toEqual(['ann', 'bob', 'cid']);
    expect(await on('country', 'notIn', { values: ['DE'] })).toEqual(['cid', 'dan', 'eve']);
    expect(await on('country', 'startsWith', { value: 'u' })).toEqual(['eve']);
    expect(await on('country', 'exists')).toEqual(['ann', 'bob', 'cid', 'eve']);
  });

  it('an empty prefix or suffix matches every present value', async () => {
    expect(await on('country', 'startsWith', { value: '' })).toEqual(['ann', 'bob', 'cid', 'eve']);
    expect(await on('country', 'endsWith', { value: '' })).toEqual(['ann', 'bob', 'cid', 'eve']);
  });
});

describe('string traits', () => {
  it('plan: every text operator; JSON null and a missing trait are absent', async () => {
    expect(await on('plan', 'equals', { value: 'pro' })).toEqual(['ann']);
    expect(await on('traits.plan', 'equals', { value: 'pro' })).toEqual(['ann']);
    expect(await on('plan', 'notEquals', { value: 'free' })).toEqual(['ann', 'cid', 'dan', 'eve']);
    expect(await on('plan', 'contains', { value: 'PRO' })).toEqual(['ann', 'eve']);
    expect(await on('plan', 'notContains', { value: 'pro' })).toEqual(['bob', 'cid', 'dan']);
    expect(await on('plan', 'startsWith', { value: 'pro' })).toEqual(['ann', 'eve']);
    expect(await on('plan', 'endsWith', { value: 'PLUS' })).toEqual(['eve']);
    expect(await on('plan', 'in', { values: ['FREE', 'pro'] })).toEqual(['ann', 'bob']);
    expect(await on('plan', 'notIn', { values: ['FREE', 'pro'] })).toEqual(['cid', 'dan', 'eve']);
    expect(await on('plan', 'exists')).toEqual(['ann', 'bob', 'eve']);
    expect(await on('plan', 'notExists')).toEqual(['cid', 'dan']);
  });

  it('an empty string equals "" and nothing else; notEquals "" is its exact complement (as in journeys)', async () => {
    expect(await on('nickname', 'equals', { value: '' })).toEqual(['bob']);
    expect(await on('nickname', 'notEquals', { value: '' })).toEqual(['ann', 'cid', 'dan', 'eve']);
    expect(await on('nickname', 'exists')).toEqual(['ann', 'cid', 'eve']);
  });

  it('quotes and a number stored where text is expected', async () => {
    expect(await on('nickname', 'contains', { value: "o'n" })).toEqual(['cid']);
    expect(await on('nickname', 'equals', { value: "cid o'neil" })).toEqual(['cid']);
    expect(await on('nickname', 'equals', { value: 42 })).toEqual(['eve']);
    expect(await on('nickname', 'equals', { value: '42' })).toEqual(['eve']);
    expect(await on('nickname', 'equals', { value: '42.0' })).toEqual(['eve']);
    expect(await on('nickname', 'in', { values: ['42', 'annie'] })).toEqual(['ann', 'eve']);
    // A number is not text: "4" is not contained in 42 (journeys: contains applies to text and lists).
    expect(await on('nickname', 'contains', { value: '4' })).toEqual([]);
  });
});

describe('array traits', () => {
  it('contains / notContains: an item equals the value (case-insensitively); on text, a substring', async () => {
    expect(await on('tags', 'contains', { value: 'beta' })).toEqual(['ann', 'cid']);
    expect(await on('tags', 'contains', { value: 'vip' })).toEqual(['ann', 'eve']);
    expect(await on('tags', 'contains', { value: 'vi' })).toEqual(['eve']);
    expect(await on('tags', 'notContains', { value: 'vip' })).toEqual(['bob', 'cid', 'dan']);
  });

  it('in / notIn: one of the items is in the list; equals never matches a whole list', async () => {
    expect(await on('tags', 'in', { values: ['VIP', 'gold'] })).toEqual(['ann', 'eve']);
    expect(await on('tags', 'notIn', { values: ['vip'] })).toEqual(['bob', 'cid', 'dan']);
    expect(await on('tags', 'equals', { value: 'vip' })).toEqual(['eve']);
  });

  it('an empty list exists (it is a value), as in journeys', async () => {
    expect(await on('tags', 'exists')).toEqual(['ann', 'bob', 'cid', 'eve']);
    expect(await on('tags', 'notExists')).toEqual(['dan']);
  });

  it('lists of numbers: in with numbers matches items numerically', async () => {
    await lab.withUsers([{ id: 'fay', traits: { luckyNumbers: [7, 13] } }, { id: 'gus', traits: { luckyNumbers: ['13', 'x'] } }, { id: 'hal', traits: { luckyNumbers: 13 } }], async () => {
      expect(await on('luckyNumbers', 'in', { values: [13, 99] })).toEqual(['fay', 'gus', 'hal']);
      expect(await on('luckyNumbers', 'notIn', { values: [13, 99] })).toEqual(['ann', 'bob', 'cid', 'dan', 'eve']);
      expect(await on('luckyNumbers', 'contains', { value: 7 })).toEqual(['fay']);
    });
  });
});

describe('nested object paths', () => {
  it('address.city: compares the leaf; a path through text or an empty object is missing', async () => {
    expect(await on('address.city', 'equals', { value: 'BERLIN' })).toEqual(['ann', 'bob']);
    expect(await on('traits.address.city', 'in', { values: ['berlin'] })).toEqual(['ann', 'bob']);
    expect(await on('address.city', 'exists')).toEqual(['ann', 'bob']);
    expect(await on('address.city', 'notExists')).toEqual(['cid', 'dan', 'eve']);
    expect(await on('address.zip', 'equals', { value: 10115 })).toEqual(['ann']);
    expect(await on('address.city', 'notEquals', { value: 'Berlin' })).toEqual(['cid', 'dan', 'eve']);
  });

  it('an object trait itself exists, and contains nothing', async () => {
    expect(await on('address', 'exists')).toEqual(['ann', 'bob', 'cid', 'eve']);
    expect(await on('address', 'contains', { value: 'berlin' })).toEqual(['eve']);
  });

  it('a key sent with a dot in its name ("utm.source") is found as in journeys', async () => {
    await lab.withUsers([{ id: 'ivy', traits: { 'utm.source': 'Newsletter' } }, { id: 'jon', traits: { utm: { source: 'newsletter' } } }], async () => {
      expect(await on('utm.source', 'equals', { value: 'newsletter' })).toEqual(['ivy', 'jon']);
    });
  });
});

describe('technology', () => {
  const tech = (name: string, operator: string, rest: Record<string, unknown> = {}) => lab.members(all({ type: 'technology', attribute: name, operator, ...rest }));

  it('platform, os, browser, device type and app version, with the same operators as attributes', async () => {
    expect(await tech('platform', 'equals', { value: 'IOS' })).toEqual(['ann']);
    expect(await tech('platform', 'in', { values: ['ios', 'android'] })).toEqual(['ann', 'bob']);
    expect(await tech('platform', 'notEquals', { value: 'web' })).toEqual(['ann', 'bob', 'dan']);
    expect(await tech('os', 'startsWith', { value: 'and' })).toEqual(['bob']);
    expect(await tech('browser', 'exists')).toEqual(['cid', 'eve']);
    expect(await tech('browser', 'notContains', { value: 'fire' })).toEqual(['ann', 'bob', 'dan', 'eve']);
    expect(await tech('deviceType', 'notExists')).toEqual(['dan', 'eve']);
    expect(await tech('appVersion', 'startsWith', { value: '2.10' })).toEqual(['ann']);
    expect(await tech('deviceModel', 'notExists')).toEqual(['ann', 'bob', 'cid', 'dan', 'eve']);
  });
});

describe('hostile names and values are data', () => {
  it('trait keys and values with quotes, backslashes, commas, braces and SQL in them', async () => {
    const traits = { 'it\'s "odd"': "'; DROP TABLE \"User\"; --", 'back\\slash': 'a\\b', 'comma,key': '$1', '{braces}': { 'in"ner': "O'Brien" }, 'new\nline\ttab': 'x' };
    const events = [{ name: "Order'; DROP TABLE \"Event\"; --", at: new Date(), properties: { 'it\'s "odd"': '$1', 'a\\b': { 'c,d': "'" } } }];
    await lab.withUsers([{ id: 'zed', traits, events }], async () => {
      expect(await on('it\'s "odd"', 'equals', { value: "'; drop table \"user\"; --" })).toEqual(['zed']);
      expect(await on('back\\slash', 'equals', { value: 'A\\B' })).toEqual(['zed']);
      expect(await on('comma,key', 'in', { values: ['$1', '$2'] })).toEqual(['zed']);
      expect(await on('{braces}.in"ner', 'startsWith', { value: "o'b" })).toEqual(['zed']);
      expect(await on('new\nline\ttab', 'exists')).toEqual(['zed']);
      const did = (filters: unknown[]) => lab.members(all({ type: 'behaviour', event: { kind: 'event', name: "Order'; DROP TABLE \"Event\"; --" }, filters }));
      expect(await did([{ property: 'it\'s "odd"', operator: 'eq', value: '$1' }])).toEqual(['zed']);
      expect(await did([{ property: 'a\\b.c,d', operator: 'eq', value: "'" }])).toEqual(['zed']);
      expect(await did([{ property: 'a\\b.c,d', operator: 'neq', value: "'" }])).toEqual([]);
    });
    expect(await lab.db.prisma.user.count({ where: { workspaceId: lab.workspaceId } })).toBe(5);
  });
});
