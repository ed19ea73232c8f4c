/**
 * The benchmark's data set: N users and E events of one workspace, generated
 * from a seeded PRNG (bench/shared/prng.ts) and bulk-loaded into a database of
 * its own on the Postgres server, migrated with the project's runner. Built once
 * and reused while the seed, the sizes and the generator version match (they are
 * recorded in `bench_segments_dataset`), since 10M events take minutes to load.
 *
 * Shapes: activity is heavy-tailed (Pareto; a few users have thousands of events,
 * the median user a handful), users sign up over ~13 months and about half of
 * them stop being active at some point; 30% of profiles are anonymous; 15 event
 * names (page views with `path`, product events, `Checkout Started` and
 * `Order Completed` with an `amount`, email and app events); traits of several
 * types (plan: text, age: number, signupDate: date, marketingOptIn: boolean),
 * registered in the attribute catalog with those types, as ingestion would.
 * Events are stored in time order, as a real table fills.
 */
import { performance } from 'node:perf_hooks';
import { type Database, openDatabase } from '@tideflow/db';
import { createWorkspace } from '@tideflow/api';
import { Client } from 'pg';
import { Prng } from '../shared/prng';

/** Bump when the generator changes: a stored data set of another version is rebuilt. */
export const generatorVersion = 1;

export interface DatasetInfo {
  database: string;
  url: string;
  workspaceId: string;
  seed: number;
  users: number;
  events: number;
  /** "Now" of the data: timestamps lie before it. */
  anchor: Date;
  builtAt: Date;
  buildSeconds: number;
  reused: boolean;
  /** Database size on disk, bytes. */
  sizeBytes: number;
  rows: { users: number; anonymous: number; events: number; identities: number };
}

export const eventNames = [
  'Page Viewed', 'Product Viewed', 'Products Searched', 'Product Added', 'Product Removed', 'Cart Viewed', 'Checkout Started',
  'Payment Info Entered', 'Order Completed', 'Coupon Applied', 'Email Opened', 'Email Clicked', 'Application Opened', 'Signed In', 'Review Submitted',
] as const;
type EventName = (typeof eventNames)[number];

/** Names by weight; buyers (about 40% of known users) also complete orders. */
const browsingWeights: Array<[EventName, number]> = [
  ['Page Viewed', 34], ['Product Viewed', 18], ['Products Searched', 6], ['Product Added', 7], ['Product Removed', 2], ['Cart Viewed', 5],
  ['Checkout Started', 3], ['Payment Info Entered', 1.5], ['Coupon Applied', 1], ['Email Opened', 9], ['Email Clicked', 3], ['Application Opened', 6],
  ['Signed In', 2.5], ['Review Submitted', 0.5],
];
const buyerWeights: Array<[EventName, number]> = [...browsingWeights.map(([n, w]): [EventName, number] => [n, n === 'Checkout Started' ? 4 : w]), ['Order Completed', 4]];

const paths = ['/', '/pricing', '/features', '/blog', '/blog/segments-101', '/docs', '/docs/getting-started', '/careers', '/contact', '/cart', '/checkout', '/account', '/search', '/category/shoes', '/category/bags', '/category/shirts', '/category/sale', '/about', '/help', '/login'];
const categories = ['shoes', 'bags', 'shirts', 'jackets', 'accessories', 'sale'];
const countries: Array<[string, number]> = [['US', 30], ['GB', 10], ['DE', 8], ['FR', 7], ['IN', 10], ['BR', 8], ['CA', 5], ['JP', 5], ['AU', 4], ['ES', 4], ['IT', 4], ['MX', 5]];
const cityOf: Record<string, string> = { US: 'New York', GB: 'London', DE: 'Berlin', FR: 'Paris', IN: 'Mumbai', BR: 'São Paulo', CA: 'Toronto', JP: 'Tokyo', AU: 'Sydney', ES: 'Madrid', IT: 'Rome', MX: 'Mexico City' };
const zoneOf: Record<string, string> = { US: 'America/New_York', GB: 'Europe/London', DE: 'Europe/Berlin', FR: 'Europe/Paris', IN: 'Asia/Kolkata', BR: 'America/Sao_Paulo', CA: 'America/Toronto', JP: 'Asia/Tokyo', AU: 'Australia/Sydney', ES: 'Europe/Madrid', IT: 'Europe/Rome', MX: 'America/Mexico_City' };
const plans: Array<[string, number]> = [['free', 60], ['starter', 20], ['pro', 15], ['enterprise', 5]];
const platforms: Array<[{ platform: string; os: string; browser: string | null; deviceType: string; library: string }, number]> = [
  [{ platform: 'web', os: 'Windows', browser: 'Chrome', deviceType: 'desktop', library: 'analytics.js' }, 30],
  [{ platform: 'web', os: 'Mac OS', browser: 'Safari', deviceType: 'desktop', library: 'analytics.js' }, 15],
  [{ platform: 'web', os: 'Android', browser: 'Chrome', deviceType: 'mobile', library: 'analytics.js' }, 15],
  [{ platform: 'ios', os: 'iOS', browser: null, deviceType: 'mobile', library: 'analytics-ios' }, 25],
  [{ platform: 'android', os: 'Android', browser: null, deviceType: 'mobile', library: 'analytics-android' }, 15],
];

const day = 86_400_000;
/** Users sign up over this many days before the anchor. */
const historyDays = 400;

function uuidOf(prng: Prng): string {
  const h = prng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[prng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface UserPlan {
  ids: string[];
  /** Known users (not anonymous) have an externalId `user-<i>`. */
  anonymous: Uint8Array;
  buyer: Uint8Array;
  platform: Uint8Array;
  firstSeen: Float64Array;
  activeUntil: Float64Array;
  lastSeen: Float64Array;
  eventCount: Uint32Array;
}

/** Heavy-tailed activity: Pareto weights (alpha 1.3, capped), every user at least one event, the counts summing to `events` exactly. */
function planUsers(prng: Prng, users: number, events: number, anchor: number): UserPlan {
  const plan: UserPlan = {
    ids: new Array<string>(users),
    anonymous: new Uint8Array(users),
    buyer: new Uint8Array(users),
    platform: new Uint8Array(users),
    firstSeen: new Float64Array(users),
    activeUntil: new Float64Array(users),
    lastSeen: new Float64Array(users),
    eventCount: new Uint32Array(users),
  };
  const weights = new Float64Array(users);
  let total = 0;
  for (let i = 0; i < users; i++) {
    plan.ids[i] = uuidOf(prng);
    plan.anonymous[i] = prng.chance(0.3) ? 1 : 0;
    plan.buyer[i] = !plan.anonymous[i] && prng.chance(0.55) ? 1 : 0;
    plan.platform[i] = prng.weighted(platforms.map(([, w], index) => [index, w] as const));
    // Growth: more recent signups than old ones.
    const ageDays = historyDays * prng.next() ** 1.4;
    plan.firstSeen[i] = anchor - ageDays * day - prng.int(0, 3_600_000);
    // About half are still active; the others stopped at some point since they signed up.
    plan.activeUntil[i] = prng.chance(0.5) ? anchor - prng.int(0, 3_600_000) : plan.firstSeen[i]! + (anchor - plan.firstSeen[i]!) * prng.next();
    const w = Math.min(3_000, (1 - prng.next()) ** (-1 / 1.3));
    weights[i] = w;
    total += w;
  }
  let assigned = 0;
  const spare = events - users;
  for (let i = 0; i < users; i++) {
    const n = 1 + Math.floor((spare * weights[i]!) / total);
    plan.eventCount[i] = n;
    assigned += n;
  }
  for (let i = 0; assigned < events; i = (i + 1) % users, assigned++) plan.eventCount[i]!++;
  return plan;
}

/** Every event as (time, user), in time order (ties in the same second by generation order). */
function scheduleEvents(prng: Prng, plan: UserPlan, events: number, anchor: number): { at: Float64Array; user: Uint32Array } {
  const start = anchor - (historyDays + 1) * day;
  // key = seconds since start (< 2^26) × 2^bits + slot: exact in a double, sorted natively (no comparator).
  const slotSpace = 2 ** Math.ceil(Math.log2(events + 1));
  if (2 ** 26 * slotSpace > Number.MAX_SAFE_INTEGER) throw new Error('too many events for the scheduler');
  const keys = new Float64Array(events);
  const when = new Float64Array(events);
  const owner = new Uint32Array(events);
  let k = 0;
  for (let u = 0; u < plan.ids.length; u++) {
    const from = plan.firstSeen[u]!;
    const span = Math.max(60_000, plan.activeUntil[u]! - from);
    let last = 0;
    for (let j = 0; j < plan.eventCount[u]!; j++) {
      // The first event is at sign-up; the rest spread over the active period.
      const at = Math.min(anchor - 1_000, j === 0 ? from : from + Math.floor(prng.next() * span));
      last = Math.max(last, at);
      when[k] = at;
      owner[k] = u;
      keys[k] = Math.floor((at - start) / 1000) * slotSpace + k;
      k++;
    }
    plan.lastSeen[u] = last;
  }
  keys.sort();
  const at = new Float64Array(events);
  const user = new Uint32Array(events);
  for (let i = 0; i < events; i++) {
    const slot = keys[i]! % slotSpace;
    at[i] = when[slot]!;
    user[i] = owner[slot]!;
  }
  return { at, user };
}

const iso = (ms: number) => new Date(ms).toISOString();

function eventRow(prng: Prng, name: EventName, index: number): string {
  switch (name) {
    case 'Page Viewed':
      return JSON.stringify({ path: prng.pick(paths), referrer: prng.chance(0.3) ? 'https://www.google.com/' : null });
    case 'Product Viewed':
    case 'Product Added':
    case 'Product Removed':
      return JSON.stringify({ productId: `p-${prng.int(1, 5_000)}`, category: prng.pick(categories), price: Math.round(5 + prng.next() ** 2 * 300) + 0.99, ...(name === 'Product Added' ? { quantity: prng.int(1, 3) } : {}) });
    case 'Products Searched':
      return JSON.stringify({ query: prng.pick(categories) });
    case 'Checkout Started':
      return JSON.stringify({ cartId: `c-${index}`, amount: amount(prng) });
    case 'Order Completed':
      return JSON.stringify({ orderId: `o-${index}`, amount: amount(prng), currency: 'USD', items: prng.int(1, 6) });
    case 'Coupon Applied':
      return JSON.stringify({ coupon: prng.pick(['WELCOME10', 'SPRING', 'VIP20']) });
    case 'Email Opened':
    case 'Email Clicked':
      return JSON.stringify({ campaign: `campaign-${prng.int(1, 40)}` });
    case 'Review Submitted':
      return JSON.stringify({ rating: prng.int(1, 5) });
    default:
      return '{}';
  }
}

/** Order amounts: log-normal-ish, median ≈ 60, from 5 to a few thousand. */
function amount(prng: Prng): number {
  const normal = Math.sqrt(-2 * Math.log(1 - prng.next())) * Math.cos(2 * Math.PI * prng.next());
  return Math.round(Math.min(5_000, Math.max(5, Math.exp(4.1 + 0.9 * normal))) * 100) / 100;
}

function serverUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface StoredDataset {
  version: number;
  seed: string;
  users: number;
  events: string;
  anchor: Date;
  workspace_id: string;
  built_at: Date;
  build_seconds: string;
}

async function readStored(url: string): Promise<StoredDataset | null> {
  return withClient(url, async (client) => {
    const exists = await client.query(`SELECT to_regclass('bench_segments_dataset') IS NOT NULL AS present`);
    if (!exists.rows[0].present) return null;
    const { rows } = await client.query<StoredDataset>(`SELECT * FROM bench_segments_dataset WHERE complete`);
    return rows[0] ?? null;
  });
}

async function describe(url: string, database: string, stored: StoredDataset, reused: boolean): Promise<DatasetInfo> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT pg_database_size(current_database())::bigint::text AS size,
              (SELECT count(*) FROM "User" WHERE "workspaceId" = $1)::int AS users,
              (SELECT count(*) FROM "User" WHERE "workspaceId" = $1 AND "externalId" IS NULL)::int AS anonymous,
              (SELECT reltuples::bigint FROM pg_class WHERE relname = 'Event')::bigint::text AS events,
              (SELECT count(*) FROM "UserIdentity" WHERE "workspaceId" = $1)::int AS identities`,
      [stored.workspace_id],
    );
    const row = rows[0];
    return {
      database,
      url,
      workspaceId: stored.workspace_id,
      seed: Number(stored.seed),
      users: stored.users,
      events: Number(stored.events),
      anchor: stored.anchor,
      builtAt: stored.built_at,
      buildSeconds: Number(stored.build_seconds),
      reused,
      sizeBytes: Number(row.size),
      rows: { users: row.users, anonymous: row.anonymous, events: Number(row.events), identities: row.identities },
    };
  });
}

/**
 * The data set for these options: the stored one when it matches (seed, sizes, generator version, and an
 * anchor younger than `maxAgeDays`), else a new database built from scratch.
 */
export async function ensureDataset(options: { serverUrl: string; database: string; seed: number; users: number; events: number; reuse: boolean; maxAgeDays: number }, log: (message: string) => void): Promise<DatasetInfo> {
  const url = serverUrlFor(options.serverUrl, options.database);
  const exists = await withClient(options.serverUrl, async (client) => (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [options.database])).rowCount! > 0);
  if (exists && options.reuse) {
    const stored = await readStored(url);
    const ageDays = stored ? (Date.now() - stored.anchor.getTime()) / day : Infinity;
    if (stored && stored.version === generatorVersion && Number(stored.seed) === options.seed && stored.users === options.users && Number(stored.events) === options.events && ageDays <= options.maxAgeDays) {
      log(`reusing ${options.database}: seed ${options.seed}, ${options.users.toLocaleString('en-US')} users, ${options.events.toLocaleString('en-US')} events, anchored ${stored.anchor.toISOString()} (${ageDays.toFixed(2)} days ago)`);
      // Migrations added since the build (e.g. an index) apply here, as the API would apply them.
      const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 2 });
      try {
        const applied = await db.migrate();
        if (applied.length) {
          log(`applied ${applied.join(', ')}; ANALYZE`);
          await db.sql.transaction((tx) => tx.query('ANALYZE'));
        }
      } finally {
        await db.close();
      }
      return describe(url, options.database, stored, true);
    }
    log(stored ? `${options.database} holds another data set (or one older than ${options.maxAgeDays} days): rebuilding` : `${options.database} has no complete data set: rebuilding`);
  }
  if (exists) await withClient(options.serverUrl, (client) => client.query(`DROP DATABASE "${options.database}" WITH (FORCE)`));
  await withClient(options.serverUrl, (client) => client.query(`CREATE DATABASE "${options.database}"`));
  const started = performance.now();
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 2 });
  try {
    await db.migrate();
    await build(db, url, options, log);
  } finally {
    await db.close();
  }
  const buildSeconds = (performance.now() - started) / 1000;
  await withClient(url, (client) => client.query(`UPDATE bench_segments_dataset SET complete = true, build_seconds = $1`, [buildSeconds]));
  log(`built ${options.database} in ${buildSeconds.toFixed(0)} s`);
  return describe(url, options.database, (await readStored(url))!, false);
}

async function build(db: Database, url: string, options: { seed: number; users: number; events: number }, log: (message: string) => void): Promise<void> {
  const anchor = Math.floor(Date.now() / 60_000) * 60_000;
  const workspace = await createWorkspace(db.prisma, { name: 'Segments benchmark', slug: 'bench-segments' });
  await withClient(url, (client) =>
    client.query(
      `CREATE TABLE bench_segments_dataset (version int NOT NULL, seed bigint NOT NULL, users int NOT NULL, events bigint NOT NULL, anchor timestamptz NOT NULL,
         workspace_id uuid NOT NULL, built_at timestamptz NOT NULL DEFAULT now(), build_seconds numeric, complete boolean NOT NULL DEFAULT false);
       INSERT INTO bench_segments_dataset (version, seed, users, events, anchor, workspace_id) VALUES (${generatorVersion}, ${options.seed}, ${options.users}, ${options.events}, '${iso(anchor)}', '${workspace.id}')`,
    ),
  );
  const prng = new Prng(options.seed);
  let t = performance.now();
  const plan = planUsers(prng, options.users, options.events, anchor);
  const schedule = scheduleEvents(prng, plan, options.events, anchor);
  log(`planned ${options.users.toLocaleString('en-US')} users and ${options.events.toLocaleString('en-US')} events in ${((performance.now() - t) / 1000).toFixed(1)} s (most active user: ${plan.eventCount.reduce((a, b) => Math.max(a, b), 0).toLocaleString('en-US')} events)`);

  // Two loader connections: one inserts while the other's next chunk is generated. Foreign keys are not
  // checked during the load (session_replication_role = replica: every row is made consistent by construction),
  // and the secondary indexes are built once at the end, as any bulk load does.
  const loaders = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all(loaders.map((c) => c.connect()));
  try {
    for (const client of loaders) await client.query(`SET session_replication_role = replica; SET synchronous_commit = off`);
    const indexes = await loaders[0]!.query<{ tablename: string; indexname: string; indexdef: string }>(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('User', 'Event', 'UserIdentity')
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid <> '"Event"'::regclass)`,
    );
    for (const index of indexes.rows) {
      if (index.indexname === 'Event_pkey') await loaders[0]!.query(`ALTER TABLE "Event" DROP CONSTRAINT "Event_pkey"`);
      else await loaders[0]!.query(`DROP INDEX "${index.indexname}"`);
    }

    let inFlight: Array<Promise<unknown>> = [];
    const submit = async (client: Client, text: string, params: unknown[]) => {
      inFlight.push(client.query(text, params));
      if (inFlight.length >= loaders.length) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    };

    // Users and their identities.
    t = performance.now();
    const userChunk = 20_000;
    const traitPrng = new Prng(options.seed ^ 0x5eed);
    for (let first = 0, n = 0; first < options.users; first += userChunk, n++) {
      const cols = { id: [] as string[], ext: [] as Array<string | null>, email: [] as Array<string | null>, tz: [] as string[], locale: [] as string[], country: [] as string[], city: [] as string[], platform: [] as string[], os: [] as string[], browser: [] as Array<string | null>, deviceType: [] as string[], library: [] as string[], first: [] as string[], last: [] as string[], traits: [] as string[] };
      const ident = { user: [] as string[], value: [] as string[] };
      for (let i = first; i < Math.min(options.users, first + userChunk); i++) {
        const country = traitPrng.weighted(countries);
        const p = platforms[plan.platform[i]!]![0];
        const known = !plan.anonymous[i];
        cols.id.push(plan.ids[i]!);
        cols.ext.push(known ? `user-${i}` : null);
        cols.email.push(known && traitPrng.chance(0.9) ? `user${i}@example.com` : null);
        cols.tz.push(zoneOf[country]!);
        cols.locale.push(country === 'US' || country === 'GB' || country === 'CA' || country === 'AU' ? 'en-US' : 'en-GB');
        cols.country.push(country);
        cols.city.push(cityOf[country]!);
        cols.platform.push(p.platform);
        cols.os.push(p.os);
        cols.browser.push(p.browser);
        cols.deviceType.push(p.deviceType);
        cols.library.push(p.library);
        cols.first.push(iso(plan.firstSeen[i]!));
        cols.last.push(iso(plan.lastSeen[i]!));
        const traits: Record<string, unknown> = {};
        if (known) {
          traits.plan = traitPrng.weighted(plans);
          if (traitPrng.chance(0.95)) traits.age = traitPrng.int(18, 75);
          traits.signupDate = iso(plan.firstSeen[i]!);
          traits.marketingOptIn = traitPrng.chance(0.6);
          traits.firstName = `Name${i % 997}`;
        }
        cols.traits.push(JSON.stringify(traits));
        if (!known || traitPrng.chance(0.2)) {
          ident.user.push(plan.ids[i]!);
          ident.value.push(`anon-${i}`);
        }
      }
      const client = loaders[n % loaders.length]!;
      await submit(
        client,
        `INSERT INTO "User" (id, "workspaceId", "externalId", email, timezone, locale, country, city, platform, os, browser, "deviceType", library, "firstSeenAt", "lastSeenAt", traits, "createdAt", "updatedAt")
         SELECT id, $1::uuid, ext, email, tz, locale, country, city, platform, os, browser, dt, lib, f::timestamptz, l::timestamptz, tr::jsonb, f::timestamptz, l::timestamptz
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
             AS t(id, ext, email, tz, locale, country, city, platform, os, browser, dt, lib, f, l, tr)`,
        [workspace.id, cols.id, cols.ext, cols.email, cols.tz, cols.locale, cols.country, cols.city, cols.platform, cols.os, cols.browser, cols.deviceType, cols.library, cols.first, cols.last, cols.traits],
      );
      await submit(
        client,
        `INSERT INTO "UserIdentity" (id, "workspaceId", "userId", kind, value) SELECT gen_random_uuid(), $1::uuid, u, 'ANONYMOUS', v FROM unnest($2::uuid[], $3::text[]) AS t(u, v)`,
        [workspace.id, ident.user, ident.value],
      );
    }
    await Promise.all(inFlight);
    inFlight = [];
    log(`users loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Events, in time order.
    t = performance.now();
    const eventChunk = 10_000;
    const eventPrng = new Prng(options.seed ^ 0xe7e7);
    const counts = new Map<string, { n: number; first: number; last: number }>();
    for (let first = 0, n = 0; first < options.events; first += eventChunk, n++) {
      const cols = { id: [] as string[], user: [] as string[], type: [] as string[], name: [] as string[], props: [] as string[], context: [] as string[], at: [] as string[], received: [] as string[], messageId: [] as string[] };
      for (let i = first; i < Math.min(options.events, first + eventChunk); i++) {
        const u = schedule.user[i]!;
        const at = schedule.at[i]!;
        const name = eventPrng.weighted(plan.buyer[u] ? buyerWeights : browsingWeights);
        const p = platforms[plan.platform[u]!]![0];
        cols.id.push(uuidOf(eventPrng));
        cols.user.push(plan.ids[u]!);
        cols.type.push(name === 'Page Viewed' ? 'PAGE' : 'TRACK');
        cols.name.push(name);
        cols.props.push(eventRow(eventPrng, name, i));
        cols.context.push(`{"library":{"name":"${p.library}","version":"2.11.1"},"os":{"name":"${p.os}"},"locale":"en-US"}`);
        cols.at.push(iso(at));
        cols.received.push(iso(at + eventPrng.int(20, 2_000)));
        cols.messageId.push(`bench-${i}`);
        const c = counts.get(name);
        if (c) {
          c.n++;
          c.last = at;
        } else counts.set(name, { n: 1, first: at, last: at });
      }
      await submit(
        loaders[n % loaders.length]!,
        `INSERT INTO "Event" (id, "workspaceId", "userId", type, name, properties, context, timestamp, "receivedAt", "messageId")
         SELECT id, $1::uuid, u, ty::"EventType", na, pr::jsonb, cx::jsonb, at::timestamptz, re::timestamptz, mi
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t(id, u, ty, na, pr, cx, at, re, mi)`,
        [workspace.id, cols.id, cols.user, cols.type, cols.name, cols.props, cols.context, cols.at, cols.received, cols.messageId],
      );
      if (n % 100 === 99) log(`  ${(first + eventChunk).toLocaleString('en-US')} events (${((performance.now() - t) / 1000).toFixed(0)} s)`);
    }
    await Promise.all(inFlight);
    log(`events loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Catalogs, as ingestion would have left them.
    await loaders[0]!.query(
      `INSERT INTO "EventDefinition" ("workspaceId", name, "displayName", type, "firstSeenAt", "lastSeenAt", count)
       SELECT $1::uuid, name, name, (CASE WHEN name = 'Page Viewed' THEN 'PAGE' ELSE 'TRACK' END)::"EventType", f::timestamptz, l::timestamptz, n FROM jsonb_to_recordset($2::jsonb) AS x(name text, f text, l text, n bigint)`,
      [workspace.id, JSON.stringify([...counts].map(([name, c]) => ({ name, f: iso(c.first), l: iso(c.last), n: c.n })))],
    );
    await loaders[0]!.query(
      `INSERT INTO "AttributeDefinition" ("workspaceId", name, "displayName", type, system)
       VALUES ($1::uuid, 'plan', 'Plan', 'STRING', false), ($1::uuid, 'age', 'Age', 'NUMBER', false), ($1::uuid, 'signupDate', 'Signup date', 'DATE', false),
              ($1::uuid, 'marketingOptIn', 'Marketing opt-in', 'BOOLEAN', false), ($1::uuid, 'firstName', 'First name', 'STRING', false)`,
      [workspace.id],
    );

    // Indexes back, exactly as the migrations defined them; then statistics and the visibility map, as autovacuum would leave them.
    t = performance.now();
    await loaders[0]!.query(`SET maintenance_work_mem = '1GB'`);
    await loaders[1]!.query(`SET maintenance_work_mem = '1GB'`);
    const rebuild = indexes.rows.map((index) => (index.indexname === 'Event_pkey' ? `ALTER TABLE "Event" ADD CONSTRAINT "Event_pkey" PRIMARY KEY (id)` : index.indexdef));
    // Two at a time (one per loader connection).
    let next = 0;
    await Promise.all(
      loaders.map(async (client) => {
        while (next < rebuild.length) {
          const statement = rebuild[next++]!;
          const s = performance.now();
          await client.query(statement);
          log(`  ${statement.slice(0, 110)} (${((performance.now() - s) / 1000).toFixed(0)} s)`);
        }
      }),
    );
    log(`indexes built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await loaders[0]!.query(`SET session_replication_role = origin`);
    await Promise.all([loaders[0]!.query(`VACUUM (ANALYZE) "Event"`), (async () => {
        for (const statement of [`VACUUM (ANALYZE) "User"`, `VACUUM (ANALYZE) "UserIdentity"`, `ANALYZE`]) await loaders[1]!.query(statement);
      })()]);
    await loaders[0]!.query('CHECKPOINT');
    log(`VACUUM ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await Promise.all(loaders.map((c) => c.end().catch(() => undefined)));
  }
}
