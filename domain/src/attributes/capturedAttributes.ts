import { UAParser } from 'ua-parser-js';
import { isJsonObject, type JsonObject } from '../json/json';
import type { CapturedAttributes } from './systemAttributes';

const text = (value: unknown, max = 255): string | undefined => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};
const object = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

function platformOf(deviceType?: string, osName?: string, hasUserAgent?: boolean): string | undefined {
  const hint = `${deviceType ?? ''} ${osName ?? ''}`.toLowerCase();
  if (/\bios\b|iphone|ipad|ipados/.test(hint)) return 'ios';
  if (/android/.test(hint)) return 'android';
  if (hasUserAgent) return 'web';
  return undefined;
}

/**
 * System attributes Segment's libraries put in `context`: ip, userAgent (parsed
 * into browser, os and device), locale, timezone, app, device, os, location, library.
 */
export function attributesFromContext(context: JsonObject): CapturedAttributes {
  const app = object(context.app);
  const device = object(context.device);
  const os = object(context.os);
  const location = object(context.location);
  const library = object(context.library);
  const userAgent = text(context.userAgent, 1024);
  const ua = userAgent ? new UAParser(userAgent).getResult() : undefined;

  const osName = text(os.name) ?? text(ua?.os.name);
  const osVersion = text(os.version) ?? text(ua?.os.version);
  const deviceModel = text(device.model) ?? text(ua?.device.model);
  const deviceType = text(device.type) ?? (ua ? (ua.device.type ?? 'desktop') : undefined);
  const captured: CapturedAttributes = {
    ip: text(context.ip, 64),
    locale: text(context.locale, 35),
    timezone: text(context.timezone, 64),
    appVersion: text(app.version),
    deviceType,
    deviceModel,
    os: osName ? (osVersion ? `${osName} ${osVersion}` : osName) : undefined,
    browser: ua?.browser.name ? [ua.browser.name, ua.browser.major].filter(Boolean).join(' ') : undefined,
    country: text(location.country),
    city: text(location.city),
    region: text(location.region),
    library: text(library.name) ? [text(library.name), text(library.version)].filter(Boolean).join(' ') : undefined,
    platform: platformOf(text(device.type), osName, Boolean(userAgent)),
  };
  return Object.fromEntries(Object.entries(captured).filter(([, value]) => value !== undefined)) as CapturedAttributes;
}

/** Traits that are system attributes (email, phone, …) are lifted out of the custom traits. */
const traitToSystemAttribute: Record<string, keyof CapturedAttributes> = {
  email: 'email',
  phone: 'phone',
  timezone: 'timezone',
  locale: 'locale',
  country: 'country',
  city: 'city',
  region: 'region',
};

export function splitTraits(traits: JsonObject): { system: CapturedAttributes; custom: JsonObject } {
  const system: CapturedAttributes = {};
  const custom: JsonObject = {};
  for (const [key, value] of Object.entries(traits)) {
    const attribute = traitToSystemAttribute[key];
    const asText = text(value);
    if (attribute && asText !== undefined) system[attribute] = asText;
    else custom[key] = value;
  }
  const address = object(traits.address);
  if (!system.city && text(address.city)) system.city = text(address.city);
  if (!system.country && text(address.country)) system.country = text(address.country);
  if (!system.region && text(address.state)) system.region = text(address.state);
  return { system, custom };
}
