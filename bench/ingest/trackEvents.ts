import type { JsonObject } from '@tideflow/domain';
import type { Prng } from '../shared/prng';

/** A product of the simulated shop. */
interface Product {
  product_id: string;
  sku: string;
  category: string;
  name: string;
  brand: string;
  price: number;
}

const categories = ['Shoes', 'Jackets', 'T-Shirts', 'Jeans', 'Bags', 'Watches', 'Sunglasses', 'Hats', 'Socks', 'Sweaters'];
const brands = ['Northwind', 'Tidewear', 'Acme Outdoor', 'Lumen', 'Kestrel', 'Harbor & Co'];
const adjectives = ['Classic', 'Trail', 'Everyday', 'Merino', 'Waxed', 'Slim', 'Vintage', 'Ultralight'];

export function generateProducts(prng: Prng, count = 300): Product[] {
  return Array.from({ length: count }, (_, i) => {
    const category = prng.pick(categories);
    return {
      product_id: `prod_${(10_000 + i).toString()}`,
      sku: `${category.slice(0, 3).toUpperCase()}-${prng.hex(6).toUpperCase()}`,
      category,
      name: `${prng.pick(adjectives)} ${category.replace(/s$/, '')}`,
      brand: prng.pick(brands),
      price: Math.round((9 + prng.next() * 240) * 100) / 100,
    };
  });
}

const money = (value: number) => Math.round(value * 100) / 100;

/** The ~16 track events of Segment's e-commerce and lifecycle specs, weighted like a real shop's traffic. */
const eventWeights = [
  ['Product Viewed', 24],
  ['Products Searched', 10],
  ['Product List Viewed', 12],
  ['Product Clicked', 10],
  ['Product Added', 9],
  ['Product Removed', 2],
  ['Cart Viewed', 6],
  ['Checkout Started', 4],
  ['Checkout Step Completed', 4],
  ['Payment Info Entered', 3],
  ['Coupon Applied', 1],
  ['Order Completed', 3],
  ['Order Refunded', 0.3],
  ['Signed In', 5],
  ['Signed Up', 0.7],
  ['Email Link Clicked', 4],
] as const;

export type TrackEventName = (typeof eventWeights)[number][0];

export interface GeneratedTrack {
  event: TrackEventName;
  properties: JsonObject;
  /** The page a web client would be on (for `context.page`). */
  path: string;
}

function lineItem(prng: Prng, product: Product, position?: number): JsonObject {
  return {
    product_id: product.product_id,
    sku: product.sku,
    category: product.category,
    name: product.name,
    brand: product.brand,
    price: product.price,
    quantity: prng.weighted([[1, 8], [2, 2], [3, 1]] as const),
    ...(position === undefined ? {} : { position }),
  };
}

function order(prng: Prng, products: Product[]): { order_id: string; items: JsonObject[]; subtotal: number } {
  const items = Array.from({ length: prng.int(1, 4) }, () => lineItem(prng, prng.pick(products)));
  const subtotal = money(items.reduce((sum, item) => sum + (item.price as number) * (item.quantity as number), 0));
  return { order_id: `ord_${prng.hex(10)}`, items, subtotal };
}

export function generateTrack(prng: Prng, products: Product[]): GeneratedTrack {
  const event = prng.weighted(eventWeights);
  const product = prng.pick(products);
  const slug = `/products/${product.product_id}`;
  const cart_id = `cart_${prng.hex(8)}`;
  switch (event) {
    case 'Product Viewed':
    case 'Product Clicked':
      return { event, path: slug, properties: { ...lineItem(prng, product), currency: 'USD', url: `https://shop.example.com${slug}`, image_url: `https://cdn.example.com/img/${product.sku}.jpg` } };
    case 'Product Added':
    case 'Product Removed':
      return { event, path: slug, properties: { cart_id, ...lineItem(prng, product), currency: 'USD' } };
    case 'Products Searched':
      return { event, path: '/search', properties: { query: `${prng.pick(adjectives).toLowerCase()} ${prng.pick(categories).toLowerCase()}` } };
    case 'Product List Viewed': {
      const category = prng.pick(categories);
      const shown = products.filter((p) => p.category === category).slice(0, 3);
      return { event, path: `/c/${category.toLowerCase()}`, properties: { list_id: `list_${category.toLowerCase()}`, category, products: shown.map((p, i) => ({ product_id: p.product_id, sku: p.sku, price: p.price, position: i + 1 })) } };
    }
    case 'Cart Viewed': {
      const items = Array.from({ length: prng.int(1, 3) }, () => lineItem(prng, prng.pick(products)));
      return { event, path: '/cart', properties: { cart_id, products: items } };
    }
    case 'Checkout Started':
    case 'Order Completed': {
      const { order_id, items, subtotal } = order(prng, products);
      const shipping = subtotal > 100 ? 0 : 5.99;
      const tax = money(subtotal * 0.08);
      const discount = prng.chance(0.2) ? money(subtotal * 0.1) : 0;
      const total = money(subtotal + shipping + tax - discount);
      const common = { order_id, affiliation: 'Tideshop Online', value: total, revenue: money(subtotal - discount), shipping, tax, discount, currency: 'USD', products: items };
      return event === 'Order Completed'
        ? { event, path: '/checkout/complete', properties: { ...common, checkout_id: `chk_${prng.hex(8)}`, total, subtotal, ...(discount ? { coupon: 'SPRING10' } : {}) } }
        : { event, path: '/checkout', properties: common };
    }
    case 'Checkout Step Completed':
      return { event, path: '/checkout', properties: { checkout_id: `chk_${prng.hex(8)}`, step: prng.int(1, 3), shipping_method: prng.pick(['Standard', 'Express', 'Pickup']), payment_method: prng.pick(['card', 'paypal', 'apple_pay']) } };
    case 'Payment Info Entered':
      return { event, path: '/checkout/payment', properties: { checkout_id: `chk_${prng.hex(8)}`, order_id: `ord_${prng.hex(10)}`, step: 3, payment_method: prng.pick(['card', 'paypal', 'apple_pay']) } };
    case 'Coupon Applied':
      return { event, path: '/cart', properties: { cart_id, order_id: `ord_${prng.hex(10)}`, coupon_id: 'cpn_spring10', coupon_name: 'SPRING10', discount: money(5 + prng.next() * 20) } };
    case 'Order Refunded':
      return { event, path: '/account/orders', properties: { order_id: `ord_${prng.hex(10)}`, total: money(20 + prng.next() * 200), currency: 'USD', reason: prng.pick(['damaged', 'wrong_size', 'changed_mind']) } };
    case 'Signed In':
      return { event, path: '/login', properties: { method: prng.pick(['password', 'google', 'apple', 'magic_link']) } };
    case 'Signed Up':
      return { event, path: '/signup', properties: { method: prng.pick(['password', 'google', 'apple']), referral_code: prng.chance(0.2) ? `ref_${prng.hex(6)}` : null, newsletter: prng.chance(0.4) } };
    case 'Email Link Clicked':
      return { event, path: '/', properties: { campaign_id: `cmp_${prng.int(1, 40)}`, email_id: `eml_${prng.hex(10)}`, link_url: `https://shop.example.com${slug}?utm_source=email`, link_id: `lnk_${prng.int(1, 8)}` } };
  }
}
