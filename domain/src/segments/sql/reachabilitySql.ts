import { emailPattern, type MessagingChannel, optedOutValues, phonePattern, subscriptionTrait } from '../../attributes/subscriptions';
import type { SqlParams } from './sqlParams';

/** The SQL twin of `isReachable` (attributes/subscriptions.ts) for `u`. */
export function reachabilitySql(channel: MessagingChannel, params: SqlParams): string {
  const unsubscribed = `(lower(COALESCE(u.traits ->> 'unsubscribed', '')) = 'true' OR lower(COALESCE(u.traits ->> ${params.add(subscriptionTrait[channel], 'text')}, '')) IN ${params.list([...optedOutValues])})`;
  const address =
    channel === 'email'
      ? `COALESCE(u.email ~ ${params.add(emailPattern.source, 'text')}, false)`
      : channel === 'sms'
        ? `COALESCE(u.phone ~ ${params.add(phonePattern.source, 'text')}, false)`
        : `(COALESCE(u.traits ->> 'pushToken', '') <> '' OR (jsonb_typeof(u.traits -> 'pushTokens') = 'array' AND jsonb_array_length(u.traits -> 'pushTokens') > 0))`;
  return `(${address} AND NOT ${unsubscribed})`;
}
