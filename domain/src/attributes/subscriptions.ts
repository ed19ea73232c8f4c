import type { JsonObject } from '../json/json';

/**
 * Channel subscriptions, from traits (as integrators already send them):
 * `unsubscribed: true` opts out of everything (Customer.io's convention);
 * `emailSubscription` / `smsSubscription` / `pushSubscription` set to
 * "unsubscribed" or "opted_out" opt out of one channel (Braze's). Push
 * tokens: `pushToken` (Segment's `context.device.token` is captured into it)
 * or a `pushTokens` list.
 */
export type MessagingChannel = 'email' | 'sms' | 'push';

export const subscriptionTrait: Record<MessagingChannel, string> = { email: 'emailSubscription', sms: 'smsSubscription', push: 'pushSubscription' };
export const optedOutValues = ['unsubscribed', 'opted_out'] as const;

export const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const phonePattern = /^\+?[0-9][0-9 ().-]{5,19}$/;

export function isUnsubscribed(traits: JsonObject, channel: MessagingChannel): boolean {
  if (String(traits.unsubscribed ?? '').toLowerCase() === 'true') return true;
  const state = traits[subscriptionTrait[channel]];
  return typeof state === 'string' && (optedOutValues as readonly string[]).includes(state.toLowerCase());
}

/** A usable address or token on the channel, and not opted out of it. */
export function isReachable(user: { email?: string | null; phone?: string | null; traits: JsonObject }, channel: MessagingChannel): boolean {
  if (isUnsubscribed(user.traits, channel)) return false;
  if (channel === 'email') return typeof user.email === 'string' && emailPattern.test(user.email);
  if (channel === 'sms') return typeof user.phone === 'string' && phonePattern.test(user.phone);
  const tokens = user.traits.pushTokens;
  return (typeof user.traits.pushToken === 'string' && user.traits.pushToken !== '') || (Array.isArray(tokens) && tokens.length > 0);
}
