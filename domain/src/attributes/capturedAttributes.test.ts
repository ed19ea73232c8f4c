import { attributesFromContext, pushTokenFromContext, splitTraits } from './capturedAttributes';
import { humanizeName, inferAttributeType } from './attributeType';

describe('attributesFromContext', () => {
  it('parses the user agent of a browser call', () => {
    const attributes = attributesFromContext({
      ip: '203.0.113.9',
      locale: 'th-TH',
      timezone: 'Asia/Bangkok',
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      library: { name: 'analytics.js', version: '2.11.1' },
    });
    expect(attributes).toMatchObject({ ip: '203.0.113.9', locale: 'th-TH', timezone: 'Asia/Bangkok', browser: 'Mobile Safari 17', os: 'iOS 17.4', deviceType: 'mobile', deviceModel: 'iPhone', platform: 'ios', library: 'analytics.js 2.11.1' });
  });

  it('gives the same attributes for a user agent seen before (parsed once, then remembered)', () => {
    const context = { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36' };
    const first = attributesFromContext(context);
    expect(first).toEqual({ browser: 'Chrome 126', os: 'Windows 10', deviceType: 'desktop', platform: 'web' });
    expect(attributesFromContext(context)).toEqual(first);
    expect(attributesFromContext({ ...context, device: { type: 'tablet', model: 'X' }, os: { name: 'Android', version: '14' } })).toEqual({ browser: 'Chrome 126', os: 'Android 14', deviceType: 'tablet', deviceModel: 'X', platform: 'android' });
  });

  it('reads mobile SDK context', () => {
    const attributes = attributesFromContext({ app: { version: '3.2.0' }, device: { type: 'android', model: 'Pixel 8' }, os: { name: 'Android', version: '14' }, location: { country: 'Iran', city: 'Tehran' } });
    expect(attributes).toEqual({ appVersion: '3.2.0', deviceType: 'android', deviceModel: 'Pixel 8', os: 'Android 14', platform: 'android', country: 'Iran', city: 'Tehran' });
  });

  it('ignores values of the wrong type', () => {
    expect(attributesFromContext({ ip: { x: 1 }, app: 'nope', locale: 5 } as never)).toEqual({ locale: '5' });
  });
});

describe('splitTraits', () => {
  it('lifts system attributes out of the custom traits', () => {
    expect(splitTraits({ email: 'a@b.co', plan: 'pro', address: { city: 'Bangkok' }, phone: null })).toEqual({
      system: { email: 'a@b.co', city: 'Bangkok' },
      custom: { plan: 'pro', address: { city: 'Bangkok' }, phone: null },
    });
  });
});

describe('inferAttributeType', () => {
  it.each([
    [1, 'NUMBER'],
    [true, 'BOOLEAN'],
    ['2026-01-02T03:04:05Z', 'DATE'],
    ['2026-01-02', 'DATE'],
    ['2026 plans', 'STRING'],
    [[1], 'ARRAY'],
    [{ a: 1 }, 'OBJECT'],
    [null, null],
  ])('%p is %p', (value, type) => expect(inferAttributeType(value)).toBe(type));

  it('humanizes names', () => {
    expect(humanizeName('lifetime_value')).toBe('Lifetime value');
    expect(humanizeName('planName')).toBe('Plan name');
  });
});

describe('pushTokenFromContext', () => {
  it('reads the device token mobile libraries send', () => {
    expect(pushTokenFromContext({ device: { token: ' fcm-123 ' } })).toBe('fcm-123');
    expect(pushTokenFromContext({ device: { token: '' } })).toBeUndefined();
    expect(pushTokenFromContext({ device: 'not an object' })).toBeUndefined();
    expect(pushTokenFromContext({})).toBeUndefined();
  });
});
