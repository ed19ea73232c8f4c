import { ingestionLimits, type JsonObject } from '@tideflow/domain';
import { Prng } from '../shared/prng';
import { generateTrack, generateProducts } from './trackEvents';
import { type BenchUser, generateUsers, uuidFrom } from './users';

/** One Segment track call, exactly as sent (and as the baseline stores it). */
export interface BenchEvent {
  userId: string;
  anonymousId: string | null;
  event: string;
  properties: JsonObject;
  context: JsonObject;
  /** ISO-8601; no sentAt is sent, so the stored timestamp is this one unchanged. */
  timestamp: string;
  messageId: string;
}

export interface Dataset {
  users: BenchUser[];
  events: BenchEvent[];
  /** `events` cut into batches of `batchSize`, each already serialised as a `POST /v1/batch` body. */
  batches: string[];
  batchSize: number;
  totalBytes: number;
}

export interface DatasetOptions {
  events: number;
  users: number;
  batchSize: number;
  seed: number;
  /** Timestamps fall in the 30 days before this. */
  now: Date;
}

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Which user sends each event: every user at least once, the rest skewed
 * towards a minority of heavy users (as real traffic is), all shuffled.
 */
function assignUsers(prng: Prng, events: number, users: number): number[] {
  const owners = Array.from({ length: Math.min(events, users) }, (_, i) => i);
  while (owners.length < events) owners.push(Math.floor(users * prng.next() ** 1.5));
  return prng.shuffle(owners);
}

/** A deterministic data set: same seed and sizes, same users, events and messageIds (only `now` moves). */
export function generateDataset(options: DatasetOptions): Dataset {
  const prng = new Prng(options.seed);
  const users = generateUsers(prng, options.users);
  const products = generateProducts(prng);
  const events: BenchEvent[] = assignUsers(prng, options.events, options.users).map((owner, index) => {
    const user = users[owner]!;
    const track = generateTrack(prng, products);
    const context: JsonObject =
      user.platform === 'web'
        ? { ...user.context, page: { path: track.path, url: `https://shop.example.com${track.path}`, title: `${track.event} · Tideshop`, referrer: prng.chance(0.3) ? 'https://www.google.com/' : '', search: '' } }
        : user.context;
    return {
      userId: user.userId,
      anonymousId: user.anonymousId && prng.chance(0.8) ? user.anonymousId : null,
      event: track.event,
      properties: track.properties,
      context,
      timestamp: new Date(options.now.getTime() - Math.floor(prng.next() * thirtyDaysMs)).toISOString(),
      // Random-looking, but the index in the last group makes every messageId unique by construction.
      messageId: `${uuidFrom(prng).slice(0, 24)}${index.toString(16).padStart(12, '0')}`,
    };
  });

  const batches: string[] = [];
  let totalBytes = 0;
  for (let start = 0; start < events.length; start += options.batchSize) {
    const batch = events.slice(start, start + options.batchSize).map((e) => ({
      type: 'track',
      messageId: e.messageId,
      userId: e.userId,
      ...(e.anonymousId ? { anonymousId: e.anonymousId } : {}),
      event: e.event,
      properties: e.properties,
      context: e.context,
      timestamp: e.timestamp,
    }));
    const body = JSON.stringify({ batch });
    const bytes = Buffer.byteLength(body);
    if (bytes > ingestionLimits.maxBatchBytes) throw new Error(`Batch ${batches.length} is ${bytes} bytes, over the ${ingestionLimits.maxBatchBytes}-byte limit of /v1/batch; use a smaller --batch`);
    totalBytes += bytes;
    batches.push(body);
  }
  return { users, events, batches, batchSize: options.batchSize, totalBytes };
}
