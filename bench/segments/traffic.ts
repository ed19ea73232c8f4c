import type { Database } from '@tideflow/db';
import type { Prng } from '../shared/prng';

/** A Segment call as an SDK sends it (the body of one /v1/batch item). */
export type SegmentCall = Record<string, unknown> & { type: 'track' | 'page' | 'identify'; userId: string; messageId: string };

const paths = ['/', '/pricing', '/features', '/blog', '/docs', '/cart', '/account', '/search', '/category/shoes', '/category/sale'];

/** Kinds of calls the live segments depend on (page views, checkouts, orders, profile changes), and some they do not. */
export type CallKind = 'page' | 'pricing' | 'checkout' | 'order' | 'identify' | 'productViewed' | 'emailOpened';

export function callOf(kind: CallKind, userId: string, messageId: string, prng: Prng, at = new Date()): SegmentCall {
  const base = { userId, messageId, timestamp: at.toISOString() };
  switch (kind) {
    case 'page':
      return { ...base, type: 'page', name: 'Page', properties: { path: prng.pick(paths) } };
    case 'pricing':
      return { ...base, type: 'page', name: 'Pricing', properties: { path: '/pricing' } };
    case 'checkout':
      return { ...base, type: 'track', event: 'Checkout Started', properties: { cartId: `c-${messageId}`, amount: prng.int(10, 400) } };
    case 'order':
      return { ...base, type: 'track', event: 'Order Completed', properties: { orderId: `o-${messageId}`, amount: prng.int(10, 400), currency: 'USD' } };
    case 'identify':
      // A profile update that re-checks every profile-dependent segment without changing the traits they read,
      // so the data set stays as generated from run to run.
      return { ...base, type: 'identify', traits: { lastCampaign: `campaign-${prng.int(1, 40)}` } };
    case 'productViewed':
      return { ...base, type: 'track', event: 'Product Viewed', properties: { productId: `p-${prng.int(1, 5000)}`, price: prng.int(5, 300) } };
    case 'emailOpened':
      return { ...base, type: 'track', event: 'Email Opened', properties: { campaign: `campaign-${prng.int(1, 40)}` } };
  }
}

/**
 * Known users (they have a userId), drawn in proportion to their activity: the owners of
 * randomly drawn stored events, so heavy users come up as often as they act.
 */
export async function activeUsers(db: Database, workspaceId: string, events: number, count: number, prng: Prng): Promise<string[]> {
  const found: string[] = [];
  while (found.length < count) {
    const messageIds = Array.from({ length: Math.min(5_000, Math.ceil((count - found.length) * 1.6)) }, () => `bench-${prng.int(0, events - 1)}`);
    const { rows } = await db.sql.transaction((tx) =>
      tx.query<{ externalId: string }>(
        `SELECT u."externalId" FROM unnest($2::text[]) WITH ORDINALITY AS m(id, n)
           JOIN "Event" e ON e."workspaceId" = $1::uuid AND e."messageId" = m.id JOIN "User" u ON u.id = e."userId"
          WHERE u."externalId" IS NOT NULL ORDER BY m.n`,
        [workspaceId, messageIds],
      ),
    );
    found.push(...rows.map((row) => row.externalId));
  }
  return found.slice(0, count);
}
