import { segmentCallSchemas, type SegmentCallType } from './segmentCall';
import { parseWellFormedCall } from './wellFormedCall';

/** A small seeded PRNG (mulberry32), so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const values: unknown[] = [
  undefined, null, '', '   ', 'u-1', '  padded  ', 'x'.repeat(255), 'x'.repeat(256), ` ${'y'.repeat(255)} `, 42, 0, -0, 1.5, NaN, Infinity, -Infinity, true, false,
  {}, { plan: 'pro' }, [], [1], '2026-06-01T11:00:00Z', '2026-06-01T11:00:00', '2026-06-01', '2026-02-30T00:00:00Z', '1999-12-31T23:59:59Z', 'yesterday', ' 2026-06-01T11:00:00Z ',
];
const ids = [undefined, null, '', 'u-1', '  padded  ', 'x'.repeat(255), 42, 1.5, -0];
const dates = [undefined, null, '2026-06-01T11:00:00Z', '2026-06-01T11:00:00', '2026-06-01', ' 2026-06-01T11:00:00Z '];
const objects = [undefined, null, {}, { plan: 'pro' }];
const texts = [undefined, null, 'Order Completed', ' spaced ', 'x'.repeat(255)];
/** Values a field plainly accepts; other values come from `values`. */
const plausible: Record<string, unknown[]> = {
  userId: ids, anonymousId: ids, messageId: ids, groupId: ids, previousId: ids,
  timestamp: dates, originalTimestamp: dates, sentAt: dates,
  context: objects, integrations: objects, properties: objects, traits: objects,
  event: texts, name: texts, category: texts, extra: values,
};
const fields = Object.keys(plausible);
const types: SegmentCallType[] = ['track', 'identify', 'page', 'screen', 'group', 'alias'];

/** Same fields with a defined value; dates by time, objects by reference (both paths pass them through). */
function sameCall(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const defined = (call: Record<string, unknown>) => Object.keys(call).filter((key) => call[key] !== undefined).sort();
  const keys = defined(a);
  if (keys.join() !== defined(b).join()) return false;
  return keys.every((key) => (a[key] instanceof Date && b[key] instanceof Date ? (a[key] as Date).getTime() === (b[key] as Date).getTime() : a[key] === b[key]));
}

describe('parseWellFormedCall', () => {
  it('reads a plain track call as the schema does', () => {
    const raw = { type: 'track', userId: 7, anonymousId: ' a1 ', event: ' Order Completed ', properties: { total: 10 }, context: { ip: '1.2.3.4' }, timestamp: '2026-06-01T11:00:00Z', extra: 1 };
    expect(parseWellFormedCall('track', raw)).toEqual({ ...segmentCallSchemas.track.parse(raw), type: 'track' });
  });

  it('leaves anything doubtful to the schema', () => {
    expect(parseWellFormedCall('track', { event: 'e' })).toBeNull();
    expect(parseWellFormedCall('track', { userId: 'u', event: '  ' })).toBeNull();
    expect(parseWellFormedCall('track', { userId: 'u', event: 'e', timestamp: 'yesterday' })).toBeNull();
    expect(parseWellFormedCall('alias', { anonymousId: 'a', previousId: 'p' })).toBeNull();
    expect(parseWellFormedCall('group', { userId: 'u', groupId: ' ' })).toBeNull();
  });

  it('agrees with the zod schemas whenever it answers, on 10,000 random calls', () => {
    const next = random(20261125);
    let answered = 0;
    const disagreements: unknown[] = [];
    for (let i = 0; i < 10_000; i++) {
      const type = types[Math.floor(next() * types.length)]!;
      const raw: Record<string, unknown> = {};
      // Mostly valid values, so both paths are exercised.
      for (const field of fields) {
        if (next() < 0.4) continue;
        const pool = next() < 0.9 ? plausible[field]! : values;
        raw[field] = pool[Math.floor(next() * pool.length)];
      }
      if (next() < 0.6) raw.userId = 'u-1';
      if (type === 'track' && next() < 0.7) raw.event = 'Order Completed';
      if (type === 'group' && next() < 0.7) raw.groupId = 'g-1';
      if (type === 'alias' && next() < 0.7) raw.previousId = 'p-1';
      const fast = parseWellFormedCall(type, raw);
      if (fast === null) continue;
      answered++;
      const schema = segmentCallSchemas[type].safeParse(raw);
      if (!schema.success || !sameCall(fast, { ...schema.data, type })) disagreements.push({ i, type, raw, fast, schema: schema.success ? schema.data : schema.error.issues });
    }
    expect(disagreements).toEqual([]);
    expect(answered).toBeGreaterThan(4_000); // about 5,000 of them are plainly valid
  });
});
