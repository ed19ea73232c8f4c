import { UAParser } from 'ua-parser-js';
import { isJsonObject, type JsonObject } from '../json/json';
import { LruCache } from './lruCache';
import type { CapturedAttributes } from './systemAttributes';

const text = (value: unknown, max = 255): string | undefined => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};
const object = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/** The parts of a parsed user agent that become attributes. */
interface UserAgentSummary {
  browser: string | undefined;
  osName: string | undefined;
  osVersion: string | undefined;
  deviceModel: string | undefined;
  deviceType: string;
}

/**
 * Parsing a user agent is the costliest part of capturing attributes, and a few
 * hundred distinct agents cover almost all traffic: parse each once.
 */
const parsedUserAgents = new LruCache<string, UserAgentSummary>(1000);

function parseUserAgent(userAgent: string): UserAgentSummary {
  const ua = new UAParser(userAgent).getResult();
  return {
    browser: ua.browser.name ? [ua.browser.name, ua.browser.major].filter(Boolean).join(' ') : undefined,
    osName: text(ua.os.name),
    osVersion: text(ua.os.version),
    deviceModel: text(ua.device.model),
    deviceType: ua.device.type ?? 'desktop',
  };
}

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
  const ua = userAgent ? parsedUserAgents.getOrCompute(userAgent, parseUserAgent) : undefined;

  const osName = text(os.name) ?? ua?.osName;
  const osVersion = text(os.version) ?? ua?.osVersion;
  const deviceModel = text(device.model) ?? ua?.deviceModel;
  const deviceType = text(device.type) ?? ua?.deviceType;
  // Only the attributes the context has (no undefined entries), built directly: this runs for every message.
  const captured: CapturedAttributes = {};
  const put = (name: keyof CapturedAttributes, value: string | undefined) => {
    if (value !== undefined) captured[name] = value;
  };
  put('ip', text(context.ip, 64));
  put('locale', text(context.locale, 35));
  put('timezone', text(context.timezone, 64));
  put('appVersion', text(app.version));
  put('deviceType', deviceType);
  put('deviceModel', deviceModel);
  put('os', osName ? (osVersion ? `${osName} ${osVersion}` : osName) : undefined);
  put('browser', ua?.browser);
  put('country', text(location.country));
  put('city', text(location.city));
  put('region', text(location.region));
  const libraryName = text(library.name);
  put('library', libraryName ? [libraryName, text(library.version)].filter(Boolean).join(' ') : undefined);
  put('platform', platformOf(text(device.type), osName, Boolean(userAgent)));
  return captured;
}

/**
 * The push token Segment's mobile libraries send as `context.device.token`: kept as the
 * `pushToken` trait, which push reachability reads (see subscriptions.ts).
 */
export function pushTokenFromContext(context: JsonObject): string | undefined {
  return text(object(context.device).token, 4096);
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
