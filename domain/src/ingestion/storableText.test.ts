import { findUnstorableText, unstorableTextProblem } from './storableText';

describe('unstorableTextProblem', () => {
  it('accepts any well-formed Unicode: emoji, RTL, zero-width, combining marks', () => {
    for (const text of ['', 'plain', '😀👩‍👩‍👧', 'مرحبا שלום', '\u202eevil\u202c', 'a\u200bb\u200d\ufeff', 'e\u0301', '\uffff']) expect(unstorableTextProblem(text)).toBeNull();
  });

  it('refuses NUL characters', () => {
    expect(unstorableTextProblem('a\u0000b')).toContain('NUL');
  });

  it('refuses unpaired surrogates, high or low, anywhere in the text', () => {
    for (const text of ['\ud800', 'a\ud800b', '\udc00', 'x\udfff', '\ud83d\ud83d', '\ude00\ud83d']) expect(unstorableTextProblem(text)).toContain('unpaired UTF-16 surrogate');
  });
});

describe('findUnstorableText', () => {
  it('names the path of the bad string, through arrays and objects', () => {
    expect(findUnstorableText({ items: [{ sku: 'ok' }, { sku: 'bad\ud800' }] })).toEqual({ path: 'items.1.sku', message: expect.stringContaining('surrogate') });
    expect(findUnstorableText('x\u0000')).toEqual({ path: '', message: expect.stringContaining('NUL') });
  });

  it('checks keys, naming the object that holds the key', () => {
    expect(findUnstorableText({ outer: { '\udc00': 1 } })).toEqual({ path: 'outer', message: expect.stringMatching(/^has a key that contains an unpaired/) });
  });

  it('walks 100,000 levels of nesting without exhausting the stack', () => {
    let deep: unknown = 'bottom\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.path.split('.')).toHaveLength(100_000);
  });

  it('returns null for storable values', () => {
    expect(findUnstorableText({ a: [1, true, null, '😀'], 'ключ': { 'עברית': 'ok' } })).toBeNull();
  });
});
