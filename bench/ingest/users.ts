import type { JsonObject } from '@tideflow/domain';
import type { Prng } from '../shared/prng';

/** One simulated end user: a Segment userId, sometimes an anonymousId, and a stable device. */
export interface BenchUser {
  userId: string;
  /** Set for users first seen logged out on the web; sent along with most of their web events. */
  anonymousId: string | null;
  platform: 'web' | 'ios' | 'android';
  /** The parts of `context` that stay the same for this user (library, device, ip, locale, …). */
  context: JsonObject;
}

const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0',
];
const places = [
  { locale: 'en-US', timezone: 'America/New_York', country: 'US', region: 'NY', city: 'New York' },
  { locale: 'en-US', timezone: 'America/Los_Angeles', country: 'US', region: 'CA', city: 'San Francisco' },
  { locale: 'en-GB', timezone: 'Europe/London', country: 'GB', region: 'England', city: 'London' },
  { locale: 'de-DE', timezone: 'Europe/Berlin', country: 'DE', region: 'Berlin', city: 'Berlin' },
  { locale: 'fr-FR', timezone: 'Europe/Paris', country: 'FR', region: 'IDF', city: 'Paris' },
  { locale: 'es-ES', timezone: 'Europe/Madrid', country: 'ES', region: 'MD', city: 'Madrid' },
  { locale: 'pt-BR', timezone: 'America/Sao_Paulo', country: 'BR', region: 'SP', city: 'São Paulo' },
  { locale: 'ja-JP', timezone: 'Asia/Tokyo', country: 'JP', region: 'Tokyo', city: 'Tokyo' },
] as const;
const iosDevices = ['iPhone15,2', 'iPhone15,3', 'iPhone14,5', 'iPhone16,1', 'iPad13,18'];
const androidDevices = [
  ['Google', 'Pixel 8'],
  ['samsung', 'SM-S918B'],
  ['samsung', 'SM-A546B'],
  ['OnePlus', 'CPH2449'],
] as const;

export function uuidFrom(prng: Prng): string {
  const h = prng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[prng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function ipFrom(prng: Prng): string {
  return `${prng.int(23, 223)}.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;
}

function contextFor(prng: Prng, platform: BenchUser['platform']): JsonObject {
  const place = prng.pick(places);
  const common = { ip: ipFrom(prng), locale: place.locale, timezone: place.timezone, location: { country: place.country, region: place.region, city: place.city } };
  if (platform === 'web') return { library: { name: 'analytics.js', version: 'next-1.70.0' }, userAgent: prng.pick(userAgents), ...common };
  if (platform === 'ios') {
    return {
      library: { name: 'analytics-swift', version: '1.5.11' },
      app: { name: 'Tideshop', version: '4.12.0', build: '41200', namespace: 'com.tideshop.app' },
      device: { type: 'ios', manufacturer: 'Apple', model: prng.pick(iosDevices), id: uuidFrom(prng) },
      os: { name: 'iOS', version: prng.pick(['17.4', '17.3.1', '16.7.6']) },
      network: { wifi: prng.chance(0.6), cellular: true },
      ...common,
    };
  }
  const [manufacturer, model] = prng.pick(androidDevices);
  return {
    library: { name: 'analytics-kotlin', version: '1.15.0' },
    app: { name: 'Tideshop', version: '4.11.2', build: '41102', namespace: 'com.tideshop.app' },
    device: { type: 'android', manufacturer, model, id: uuidFrom(prng) },
    os: { name: 'Android', version: prng.pick(['14', '13', '12']) },
    network: { wifi: prng.chance(0.5), cellular: true },
    ...common,
  };
}

/** `count` users with unique userIds; about a third of the web users also carry an anonymousId. */
export function generateUsers(prng: Prng, count: number): BenchUser[] {
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i++) {
    const platform = prng.weighted([['web', 65], ['ios', 20], ['android', 15]] as const);
    users.push({
      // The index keeps userIds unique; the random tail makes them look like real ids.
      userId: `usr_${i.toString(36).padStart(4, '0')}${prng.hex(12)}`,
      anonymousId: platform === 'web' && prng.chance(0.35) ? uuidFrom(prng) : null,
      platform,
      context: contextFor(prng, platform),
    });
  }
  return users;
}
