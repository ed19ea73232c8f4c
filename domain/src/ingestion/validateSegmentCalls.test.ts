import { validateSegmentBatch, validateSegmentCall } from './validateSegmentCalls';

const receivedAt = new Date('2026-06-01T12:00:00.000Z');
let counter = 0;
const ctx = { receivedAt, newMessageId: () => `generated-${++counter}` };

describe('validateSegmentCall', () => {
  it('normalises a track call', () => {
    const result = validateSegmentCall('track', { userId: 42, event: ' Order Completed ', properties: { total: 10 }, messageId: 'm1', timestamp: '2026-06-01T11:00:00Z' }, ctx);
    expect(result).toEqual({
      ok: true,
      messages: [expect.objectContaining({ type: 'track', userId: '42', anonymousId: null, eventName: 'Order Completed', properties: { total: 10 }, messageId: 'm1', timestamp: new Date('2026-06-01T11:00:00Z') })],
    });
  });

  it('requires a userId or an anonymousId, naming the field', () => {
    const result = validateSegmentCall('track', { event: 'x' }, ctx);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'userId', message: expect.stringContaining('anonymousId') })] });
  });

  it('treats blank ids as missing', () => {
    expect(validateSegmentCall('identify', { userId: '  ', anonymousId: '' }, ctx).ok).toBe(false);
  });

  it('requires the event name of a track call', () => {
    const result = validateSegmentCall('track', { userId: 'u' }, ctx);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'event', message: expect.stringContaining('required') })] });
  });

  it('rejects wrong types with the field named', () => {
    const result = validateSegmentCall('track', { userId: { a: 1 }, event: 5, properties: [1], timestamp: 'yesterday' }, ctx);
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.problems.map((p) => p.field).sort() : [];
    expect(fields).toEqual(['event', 'properties', 'timestamp', 'userId']);
  });

  it('corrects client clock skew as Segment does', () => {
    // The client's clock runs 1h fast: it says it sent at 13:00 when the server received at 12:00.
    const result = validateSegmentCall('track', { userId: 'u', event: 'e', timestamp: '2026-06-01T12:30:00Z', sentAt: '2026-06-01T13:00:00Z' }, ctx);
    expect(result.ok && result.messages[0]!.timestamp.toISOString()).toBe('2026-06-01T11:30:00.000Z');
  });

  it('refuses far-past and far-future timestamps', () => {
    const past = validateSegmentCall('track', { userId: 'u', event: 'e', timestamp: '1970-01-01T00:00:00Z' }, ctx);
    const future = validateSegmentCall('track', { userId: 'u', event: 'e', timestamp: '2030-01-01T00:00:00Z' }, ctx);
    expect(past).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'timestamp', message: expect.stringContaining('before 2000') })] });
    expect(future).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'timestamp', message: expect.stringContaining('future') })] });
  });

  it('reads offset-less timestamps as UTC', () => {
    const result = validateSegmentCall('track', { userId: 'u', event: 'e', timestamp: '2026-06-01T10:00:00' }, ctx);
    expect(result.ok && result.messages[0]!.timestamp.toISOString()).toBe('2026-06-01T10:00:00.000Z');
  });

  it('refuses NUL characters and deep nesting, with a path', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i++) deep = (deep.child = {}) as Record<string, unknown>;
    const nul = validateSegmentCall('track', { userId: 'u', event: 'e', properties: { note: 'a\u0000b' } }, ctx);
    const nested = validateSegmentCall('track', { userId: 'u', event: 'e', properties: root }, ctx);
    expect(nul).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'properties.note', message: expect.stringContaining('NUL') })] });
    expect(nested).toEqual({ ok: false, problems: [expect.objectContaining({ field: expect.stringMatching(/^properties\.child/), message: expect.stringContaining('nested') })] });
  });

  it('refuses NUL characters and unpaired surrogates in ids, naming the field', () => {
    const nul = validateSegmentCall('track', { userId: 'a\u0000b', anonymousId: 'x', messageId: 'm\u0000', event: 'e' }, ctx);
    expect(!nul.ok && nul.problems.map((p) => p.field).sort()).toEqual(['messageId', 'userId']);
    const alias = validateSegmentCall('alias', { userId: 'u', previousId: 'p\ud800' }, ctx);
    expect(alias).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'previousId', message: expect.stringContaining('surrogate') })] });
    const group = validateSegmentCall('group', { userId: 'u', groupId: '\udc00g' }, ctx);
    expect(group).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'groupId' })] });
  });

  it('refuses unpaired surrogates in event names, values and keys, with a path', () => {
    const event = validateSegmentCall('track', { userId: 'u', event: 'Order\ud800' }, ctx);
    const value = validateSegmentCall('identify', { userId: 'u', traits: { name: 'Ann\udc00' } }, ctx);
    const key = validateSegmentCall('track', { userId: 'u', event: 'e', context: { page: { '\ud800': 1 } } }, ctx);
    expect(event).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'event', message: expect.stringContaining('surrogate') })] });
    expect(value).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'traits.name' })] });
    expect(key).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'context.page', message: expect.stringContaining('key') })] });
  });

  it('reports unstorable text together with the other problems of the message', () => {
    const result = validateSegmentCall('track', { anonymousId: 'a\u0000', event: 7, properties: [] }, ctx);
    expect(!result.ok && result.problems.map((p) => p.field).sort()).toEqual(['anonymousId', 'event', 'properties']);
  });

  it('accepts well-formed Unicode: emoji, RTL and zero-width characters', () => {
    const result = validateSegmentCall('track', { userId: 'ユーザー😀', event: 'שלום \u200f\u200b', properties: { 'ключ': '👩‍👩‍👧\u202e' } }, ctx);
    expect(result.ok && result.messages[0]).toMatchObject({ userId: 'ユーザー😀', eventName: 'שלום \u200f\u200b', properties: { 'ключ': '👩‍👩‍👧\u202e' } });
  });

  it('reports 100,000 levels of nesting instead of overflowing the stack, in any field', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const inProperties = validateSegmentCall('track', { userId: 'u', event: 'e', properties: { x: deep } }, ctx);
    const inUnknownField = validateSegmentCall('track', { userId: 'u', event: 'e', extra: deep }, ctx);
    const inIntegrations = validateSegmentBatch({ batch: [{ type: 'track', userId: 'u', event: 'e', integrations: { All: deep } }] }, ctx);
    expect(inProperties).toEqual({ ok: false, problems: [expect.objectContaining({ field: expect.stringMatching(/^properties\.x\.0\.0/), message: expect.stringContaining('nested') })] });
    expect(inUnknownField).toEqual({ ok: false, problems: [expect.objectContaining({ field: expect.stringMatching(/^extra\.0/), message: expect.stringContaining('nested') })] });
    expect(inIntegrations).toEqual({ ok: false, problems: [expect.objectContaining({ index: 0, field: expect.stringMatching(/^integrations\.All\.0/) })] });
  });

  it('refuses impossible calendar dates instead of rolling them over', () => {
    for (const timestamp of ['2026-02-30T00:00:00Z', '2026-04-31T12:00:00Z', '2025-02-29', '2026-00-10T00:00:00Z']) {
      expect(validateSegmentCall('track', { userId: 'u', event: 'e', timestamp }, ctx)).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'timestamp', message: expect.stringContaining('ISO-8601') })] });
    }
    const leapDay = validateSegmentCall('track', { userId: 'u', event: 'e', timestamp: '2024-02-29T10:00:00Z' }, ctx);
    expect(leapDay.ok && leapDay.messages[0]!.timestamp.toISOString()).toBe('2024-02-29T10:00:00.000Z');
  });

  it('refuses a message over 32 KB', () => {
    const result = validateSegmentCall('track', { userId: 'u', event: 'e', properties: { blob: 'x'.repeat(33 * 1024) } }, ctx);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ message: expect.stringContaining('32.0 KB') })] });
  });

  it('maps page, screen, group and alias to system events', () => {
    const page = validateSegmentCall('page', { anonymousId: 'a', name: 'Pricing', properties: { path: '/pricing' } }, ctx);
    const group = validateSegmentCall('group', { userId: 'u', groupId: 7, traits: { plan: 'pro' } }, ctx);
    const alias = validateSegmentCall('alias', { userId: 'u', previousId: 'a' }, ctx);
    expect(page.ok && page.messages[0]).toMatchObject({ eventName: 'Page Viewed', properties: { name: 'Pricing', path: '/pricing' } });
    expect(group.ok && group.messages[0]).toMatchObject({ eventName: 'Group Joined', groupId: '7', properties: { groupId: '7', plan: 'pro' } });
    expect(alias.ok && alias.messages[0]).toMatchObject({ eventName: 'User Aliased', previousId: 'a', userId: 'u' });
  });

  it('requires previousId and userId for alias', () => {
    const result = validateSegmentCall('alias', { anonymousId: 'a' }, ctx);
    expect(!result.ok && result.problems.map((p) => p.field).sort()).toEqual(['previousId', 'userId']);
  });
});

describe('validateSegmentBatch', () => {
  it('merges the batch context into each item, item values winning', () => {
    const result = validateSegmentBatch(
      { batch: [{ type: 'track', userId: 'u', event: 'e', context: { locale: 'th-TH' } }], context: { locale: 'en-US', ip: '1.2.3.4' }, sentAt: '2026-06-01T12:00:00Z' },
      ctx,
    );
    expect(result.ok && result.messages[0]!.context).toEqual({ locale: 'th-TH', ip: '1.2.3.4' });
    expect(result.ok && result.messages[0]!.sentAt?.toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });

  it('reports every bad item by index and field', () => {
    const result = validateSegmentBatch({ batch: [{ type: 'track', userId: 'u', event: 'ok' }, { type: 'track', event: 'no id' }, { type: 'fly' }, 'nope'] }, ctx);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ index: 1, field: 'userId' }),
        expect.objectContaining({ index: 2, field: 'type' }),
        expect.objectContaining({ index: 3, field: '' }),
      ],
    });
  });

  it('keeps one copy of a messageId repeated in the batch', () => {
    const result = validateSegmentBatch({ batch: [1, 2].map(() => ({ type: 'track', userId: 'u', event: 'e', messageId: 'same' })) }, ctx);
    expect(result.ok && result.messages).toHaveLength(1);
  });

  it('requires a batch array', () => {
    expect(validateSegmentBatch({}, ctx)).toEqual({ ok: false, problems: [{ field: 'batch', message: expect.stringContaining('required') }] });
    expect(validateSegmentBatch({ batch: {} }, ctx)).toEqual({ ok: false, problems: [{ field: 'batch', message: expect.stringContaining('array') }] });
    expect(validateSegmentBatch([], ctx).ok).toBe(false);
  });
});
