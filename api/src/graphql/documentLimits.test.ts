import { nestingDepthOf } from './documentLimits';

describe('nestingDepthOf', () => {
  it('counts selection, list and argument nesting', () => {
    expect(nestingDepthOf('{ a { b(x: [[1]]) } }', 100)).toBe(5);
  });

  it('ignores brackets inside strings, block strings and comments', () => {
    expect(nestingDepthOf('{ a(s: "{{{[[[", t: """ {{{ \\""" [[[ """) # {{{{\n }', 100)).toBe(2);
  });

  it('stops scanning once past the limit', () => {
    expect(nestingDepthOf('{'.repeat(10_000), 64)).toBe(65);
  });
});
