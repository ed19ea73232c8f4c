import { emailPattern, type MessagingChannel, optedOutValues, phonePattern, subscriptionTrait } from '../../attributes/subscriptions';
import type { SqlParams } from './sqlParams';

/** The SQL twin of `isReachable` (attributes/subscriptions.ts) for `u`. Never NULL, so NOT (not reachable) is its exact complement. */
export function reachabilitySql(channel: MessagingChannel, params: SqlParams): string {
  const unsubscribed = `(lower(COALESCE(u.traits ->> 'unsubscribed', '')) = 'true' OR lower(COALESCE(u.traits ->> ${params.add(subscriptionTrait[channel], 'text')}, '')) IN ${params.list([...optedOutValues])})`;
  const address =
    channel === 'email'
      ? `COALESCE(u.email ~ ${params.add(emailPattern.source, 'text')}, false)`
      : channel === 'sms'
        ? `COALESCE(u.phone ~ ${params.add(phonePattern.source, 'text')}, false)`
        : `COALESCE((jsonb_typeof(u.traits -> 'pushToken') = 'string' AND u.traits ->> 'pushToken' <> '') OR (jsonb_typeof(u.traits -> 'pushTokens') = 'array' AND jsonb_array_length(u.traits -> 'pushTokens') > 0), false)`;
  return `(${address} AND NOT ${unsubscribed})`;
}
