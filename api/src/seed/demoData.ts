import { seededRandom } from './seededRandom';

/** Segment calls describing a small online store's last 30 days: the demo workspace's sample data. */
export function demoSegmentCalls(now: Date, options = { users: 240, seed: 20261123 }): object[] {
  const random = seededRandom(options.seed);
  const day = 24 * 60 * 60 * 1000;
  const firstNames = ['Somchai', 'Nok', 'Arash', 'Yuki', 'Mina', 'Darius', 'Ploy', 'Haruto', 'Sara', 'Kenji', 'Parisa', 'Lin', 'Anan', 'Reza', 'Aiko', 'Mei'];
  const lastNames = ['Suzuki', 'Rahimi', 'Chaiyaporn', 'Tanaka', 'Karimi', 'Wang', 'Srisuk', 'Sato', 'Ahmadi', 'Chen'];
  const places = [
    { country: 'Thailand', city: 'Bangkok', timezone: 'Asia/Bangkok', locale: 'th-TH' },
    { country: 'Thailand', city: 'Chiang Mai', timezone: 'Asia/Bangkok', locale: 'th-TH' },
    { country: 'Iran', city: 'Tehran', timezone: 'Asia/Tehran', locale: 'fa-IR' },
    { country: 'Japan', city: 'Tokyo', timezone: 'Asia/Tokyo', locale: 'ja-JP' },
    { country: 'China', city: 'Shanghai', timezone: 'Asia/Shanghai', locale: 'zh-CN' },
  ];
  const products = [
    { sku: 'TEA-001', name: 'Jasmine Tea', category: 'Tea', price: 240 },
    { sku: 'TEA-002', name: 'Matcha Kit', category: 'Tea', price: 890 },
    { sku: 'CUP-010', name: 'Celadon Cup', category: 'Ceramics', price: 450 },
    { sku: 'BAG-101', name: 'Silk Tote', category: 'Bags', price: 1290 },
    { sku: 'SPK-007', name: 'Saffron 5g', category: 'Spices', price: 990 },
  ];
  const agents = [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  ];
  const calls: object[] = [];
  let sequence = 0;
  const at = (offsetMs: number) => new Date(now.getTime() - offsetMs).toISOString();
  const messageId = () => `demo-${options.seed}-${++sequence}`;

  for (let i = 0; i < options.users; i++) {
    const place = random.pick(places);
    const anonymousId = `anon-${options.seed}-${i}`;
    const known = i % 4 !== 3;
    const userId = known ? `user-${1000 + i}` : undefined;
    const context = { ...place, userAgent: random.pick(agents), ip: `203.0.113.${i % 250}`, library: { name: 'analytics.js', version: '2.11.1' } };
    let t = random.int(2, 30) * day - random.int(0, day);
    const ids = { anonymousId, ...(userId ? { userId } : {}) };
    calls.push({ type: 'page', anonymousId, name: 'Home', properties: { path: '/', referrer: random.pick(['https://google.com', 'https://line.me', '']) }, context, timestamp: at(t), messageId: messageId() });
    if (known) {
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      t -= random.int(60_000, 3_600_000);
      calls.push({
        type: 'identify',
        ...ids,
        traits: {
          email: `${first}.${last}.${i}@example.com`.toLowerCase(),
          firstName: first,
          lastName: last,
          plan: random.pick(['free', 'free', 'plus', 'pro']),
          loyaltyPoints: random.int(0, 5000),
          newsletter: random.chance(0.6),
          signupDate: at(t),
        },
        context,
        timestamp: at(t),
        messageId: messageId(),
      });
      calls.push({ type: 'track', ...ids, event: 'Signed Up', properties: { method: random.pick(['email', 'line', 'google']) }, context, timestamp: at(t - 1000), messageId: messageId() });
    }
    const sessions = random.int(1, 6);
    for (let s = 0; s < sessions && t > day / 2; s++) {
      t -= random.int(day / 4, 4 * day);
      if (t < 0) break;
      calls.push({ type: 'track', ...ids, event: 'App Opened', properties: {}, context, timestamp: at(t), messageId: messageId() });
      const product = random.pick(products);
      calls.push({ type: 'track', ...ids, event: 'Product Viewed', properties: { ...product, currency: 'THB' }, context, timestamp: at(t - 30_000), messageId: messageId() });
      if (!random.chance(0.55)) continue;
      const cartId = `cart-${i}-${s}`;
      const quantity = random.int(1, 3);
      calls.push({ type: 'track', ...ids, event: 'Added To Cart', properties: { cartId, ...product, quantity, currency: 'THB' }, context, timestamp: at(t - 60_000), messageId: messageId() });
      if (!known || !random.chance(0.6)) continue;
      const total = product.price * quantity;
      calls.push({ type: 'track', ...ids, event: 'Checkout Started', properties: { cartId, total, currency: 'THB' }, context, timestamp: at(t - 120_000), messageId: messageId() });
      const cod = random.chance(0.4);
      calls.push({ type: 'track', ...ids, event: cod ? 'buy_byCOD' : 'buy_byCC', properties: { cartId, total, currency: 'THB' }, context, timestamp: at(t - 150_000), messageId: messageId() });
      calls.push({ type: 'track', ...ids, event: 'Order Completed', properties: { cartId, orderId: `order-${i}-${s}`, total, currency: 'THB', payment: cod ? 'cod' : 'card', products: [{ sku: product.sku, quantity }] }, context, timestamp: at(t - 151_000), messageId: messageId() });
    }
  }
  return calls;
}
