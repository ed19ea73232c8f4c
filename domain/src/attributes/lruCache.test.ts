import { LruCache } from './lruCache';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2]);
  });

  it('replaces a value without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect([cache.get('a'), cache.size]).toEqual([2, 1]);
  });

  it('computes a missing value once and remembers it', () => {
    const cache = new LruCache<string, string>(10);
    const compute = jest.fn((key: string) => key.toUpperCase());
    expect([cache.getOrCompute('ua', compute), cache.getOrCompute('ua', compute)]).toEqual(['UA', 'UA']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new LruCache(0)).toThrow();
  });
});
