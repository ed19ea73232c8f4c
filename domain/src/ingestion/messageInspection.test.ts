import { findJsonShapeProblem, jsonByteLength } from '../json/jsonShape';
import { quotedJsonByteLength } from '../json/jsonStringLength';
import { inspectMessage } from './messageInspection';
import { findUnstorableText } from './storableText';

const limits = { maxDepth: 32, maxKeyLength: 255 };

/** What the three separate walks said before they were fused. */
function separateWalks(message: Record<string, unknown>) {
  const problems = Object.entries(message).flatMap(([field, value]) => {
    const problem = findJsonShapeProblem(value, limits) ?? findUnstorableText(value);
    return problem ? [{ field, ...problem }] : [];
  });
  return { problems, byteLength: problems.length ? 0 : jsonByteLength(message) };
}

/** A small seeded PRNG (mulberry32), so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = ['a', 'Z', ' ', '0', '"', '\\', '\n', '\t', '\u0001', '\u001f', '\u007f', 'é', '€', '\u2028', '😀', '\ud800', '\udc00', '\u0000', 'ключ', '\uffff'];

function randomValue(next: () => number, depth: number): unknown {
  const pick = next();
  if (depth > 36 || pick < 0.35) {
    const leaf = next();
    if (leaf < 0.5) return randomText(next, 12);
    if (leaf < 0.7) return [0, -0, 1.5, -20, 1e21, 123456789, 0.1 + 0.2, NaN, Infinity][Math.floor(next() * 9)];
    if (leaf < 0.8) return next() < 0.5;
    if (leaf < 0.9) return null;
    if (leaf < 0.95) return undefined;
    return new Date(Math.floor(next() * 2e12));
  }
  // Now and then a chain around the depth limit, with whatever at its bottom.
  if (pick > 0.97) return deeplyNested(28 + Math.floor(next() * 6), randomValue(next, depth + 40));
  const size = Math.floor(next() * 4);
  if (pick < 0.6) return Array.from({ length: size }, () => randomValue(next, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) object[next() < 0.03 ? 'k'.repeat(300) : randomText(next, 4)] = randomValue(next, depth + 1);
  return object;
}

function randomText(next: () => number, max: number): string {
  let text = '';
  const length = Math.floor(next() * max);
  // Mostly plain text: the rarer characters are what the walks must find.
  for (let i = 0; i < length; i++) text += next() < 0.85 ? 'abc xyz'[Math.floor(next() * 7)] : pieces[Math.floor(next() * pieces.length)];
  return text;
}

function deeplyNested(levels: number, bottom: unknown): unknown {
  let value = bottom;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { level: value };
  return value;
}

describe('quotedJsonByteLength', () => {
  it('is the UTF-8 size of JSON.stringify(text)', () => {
    for (const text of ['', 'plain', 'say "hi"', 'back\\slash', 'line\nbreak\r\t\b\f', '\u0000\u0001\u001f', 'é€😀', '\u2028\u2029', '\ud800', 'x\udc00y', '\ud83d\ud83d', '\ud83d']) {
      expect(quotedJsonByteLength(text)).toBe(new TextEncoder().encode(JSON.stringify(text)).length);
    }
  });
});

describe('inspectMessage', () => {
  it('measures a message as JSON.stringify would, skipping undefined fields', () => {
    const message = { type: 'track', event: 'Order "Completed"', properties: { total: 10.5, items: [{ sku: 'é', qty: 2 }, null, undefined], note: undefined }, context: {}, userId: undefined };
    expect(inspectMessage(message, limits)).toEqual({ problems: [], byteLength: jsonByteLength(message) });
  });

  it('reports one problem per field, naming the path', () => {
    const message = { userId: 'a\u0000', properties: { items: [{ sku: 'ok' }, { sku: 'bad\ud800' }] }, context: { page: { '\udc00': 1 } }, traits: { ['k'.repeat(300)]: 1 } };
    expect(inspectMessage(message, limits).problems).toEqual([
      { field: 'userId', path: '', message: expect.stringContaining('NUL') },
      { field: 'properties', path: 'items.1.sku', message: expect.stringContaining('surrogate') },
      { field: 'context', path: 'page', message: expect.stringMatching(/^has a key that contains an unpaired/) },
      { field: 'traits', path: `${'k'.repeat(40)}…`, message: expect.stringContaining('longer than 255') },
    ]);
  });

  it('prefers a nesting or NUL problem to an unpaired surrogate found first in the same field', () => {
    const message = { properties: { a: deeplyNested(40, 1), b: 'x\ud800' } };
    expect(inspectMessage(message, limits)).toEqual(separateWalks(message));
    expect(inspectMessage(message, limits).problems[0]!.message).toContain('nested more than 32');
  });

  it('walks 100,000 levels of nesting without exhausting the stack', () => {
    const message = { properties: { x: deeplyNested(100_000, 0) }, extra: deeplyNested(100_000, 'a\u0000') };
    expect(inspectMessage(message, limits)).toEqual(separateWalks(message));
  });

  it('agrees with the three separate walks on 3,000 random messages', () => {
    const next = random(20261125);
    for (let i = 0; i < 3000; i++) {
      const message: Record<string, unknown> = {};
      const fields = 1 + Math.floor(next() * 5);
      for (let f = 0; f < fields; f++) message[['userId', 'event', 'properties', 'context', 'traits', 'integrations'][Math.floor(next() * 6)]!] = randomValue(next, 0);
      expect({ i, ...inspectMessage(message, limits) }).toEqual({ i, ...separateWalks(message) });
    }
  });
});
