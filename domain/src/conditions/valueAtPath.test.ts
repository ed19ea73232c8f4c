import type { JsonValue } from '../json/json';
import { valueAtPath } from './valueAtPath';

describe('valueAtPath', () => {
  const event: JsonValue = {
    plan: 'pro',
    amount: 0,
    coupon: null,
    cart: { id: 'c1', items: [{ sku: 'A-1', qty: 2 }, { sku: 'B-2', tags: ['sale', 'new'] }], empty: {} },
    'utm.source': 'newsletter',
    context: { 'campaign.name': 'spring', campaign: { id: 7 } },
    'page.meta': { title: 'Pricing', 'og.image': 'x.png' },
  };

  it('reads top-level and nested keys', () => {
    expect(valueAtPath(event, 'plan')).toBe('pro');
    expect(valueAtPath(event, 'cart.id')).toBe('c1');
    expect(valueAtPath(event, 'cart')).toEqual(event.cart);
    expect(valueAtPath(event, 'cart.empty')).toEqual({});
  });

  it('keeps falsy values apart from missing ones', () => {
    expect(valueAtPath(event, 'amount')).toBe(0);
    expect(valueAtPath(event, 'coupon')).toBeNull();
    expect(valueAtPath(event, 'coupon.code')).toBeUndefined();
  });

  it('indexes arrays', () => {
    expect(valueAtPath(event, 'cart.items.0.sku')).toBe('A-1');
    expect(valueAtPath(event, 'cart.items.1.tags.1')).toBe('new');
    expect(valueAtPath(event, 'cart.items.2.sku')).toBeUndefined();
    expect(valueAtPath(event, 'cart.items.-1')).toBeUndefined();
    expect(valueAtPath(event, 'cart.items.first')).toBeUndefined();
    expect(valueAtPath(event, 'cart.items.length')).toBeUndefined();
    expect(valueAtPath(['a', 'b'], '1')).toBe('b');
  });

  it('finds flat keys that contain dots', () => {
    expect(valueAtPath(event, 'utm.source')).toBe('newsletter');
    expect(valueAtPath(event, 'context.campaign.name')).toBe('spring');
    expect(valueAtPath(event, 'context.campaign.id')).toBe(7);
  });

  it('follows a path on past a flat key with dots', () => {
    expect(valueAtPath(event, 'page.meta.title')).toBe('Pricing');
    expect(valueAtPath(event, 'page.meta.og.image')).toBe('x.png');
    expect(valueAtPath({ a: { x: 1 }, 'a.b': { c: 2 } }, 'a.b.c')).toBe(2);
  });

  it('prefers the whole path as a flat key at the root, then nested keys', () => {
    expect(valueAtPath({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(valueAtPath({ x: { a: { b: 2 }, 'a.b': 1 } }, 'x.a.b')).toBe(2);
  });

  it('is undefined for missing paths', () => {
    expect(valueAtPath(event, 'nope')).toBeUndefined();
    expect(valueAtPath(event, 'cart.nope')).toBeUndefined();
    expect(valueAtPath(event, 'plan.length')).toBeUndefined();
    expect(valueAtPath(event, '')).toBeUndefined();
    expect(valueAtPath(event, 'cart.')).toBeUndefined();
  });

  it('does not read inherited properties', () => {
    expect(valueAtPath(event, 'constructor')).toBeUndefined();
    expect(valueAtPath(event, 'cart.__proto__')).toBeUndefined();
    expect(valueAtPath(event, 'cart.toString')).toBeUndefined();
  });

  it('is undefined under a root that is not an object or a list', () => {
    expect(valueAtPath(undefined, 'a')).toBeUndefined();
    expect(valueAtPath(null, 'a')).toBeUndefined();
    expect(valueAtPath('text', 'length')).toBeUndefined();
    expect(valueAtPath(42, 'a')).toBeUndefined();
    expect(valueAtPath(true, 'a')).toBeUndefined();
  });

  it('stays fast on deep paths over keys that share prefixes', () => {
    // Keys "a", "a.a", "a.a.a", … at every level: backtracking must not explode.
    let node: JsonValue = { z: 1 };
    for (let depth = 0; depth < 60; depth++) node = { a: node, 'a.a': node, 'a.a.a': node };
    const started = Date.now();
    expect(valueAtPath(node, `${'a.'.repeat(60)}missing`)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
