import { caseVariants } from './caseVariants';

describe('caseVariants', () => {
  it('spells each letter both ways, and "k" also as the Kelvin sign; other characters as they are', () => {
    expect(caseVariants('us', 100)).toEqual(['us', 'uS', 'Us', 'US']);
    expect(caseVariants('k1', 100)).toEqual(['k1', 'K1', '\u212A1']);
    expect(caseVariants('', 100)).toEqual(['']);
    expect(caseVariants('a-b c', 100)).toHaveLength(8);
  });

  it('gives exactly the strings JavaScript lowers to the literal', () => {
    // Every string of length 2 over the characters that could lower to these letters, found by brute force.
    const alphabet = [...'abkzABKZ09-', '\u212A', '\u0130', '\u00C5', '\u212B'];
    for (const literal of ['ak', 'zk', 'k0', 'b-']) {
      const lowering = alphabet.flatMap((x) => alphabet.map((y) => x + y)).filter((s) => s.toLowerCase() === literal);
      expect(new Set(caseVariants(literal, 100))).toEqual(new Set(lowering));
    }
  });

  it('refuses to spell out more than the limit', () => {
    expect(caseVariants('enterprise', 1024)).toHaveLength(1024);
    expect(caseVariants('enterprises', 1024)).toBeNull();
  });
});
