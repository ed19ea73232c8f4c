import type { MessageChannel, MessageFilter, MessageStatus } from '@/lib/gql/graphql';

/** The Messages page's filter as it sits in the URL (`?provider=outbox&status=FAILED`), so a view can be shared. */
export interface AppliedMessageFilter {
  channel: '' | MessageChannel;
  status: '' | MessageStatus;
  provider: '' | 'smtp' | 'outbox' | 'http';
  journeyId: string;
  userId: string;
}

const channels: readonly MessageChannel[] = ['EMAIL', 'WEBHOOK'];
const statuses: readonly MessageStatus[] = ['SENT', 'SENDING', 'FAILED', 'UNCONFIRMED'];
const providers = ['smtp', 'outbox', 'http'] as const;

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | '' => (raw && (values as readonly string[]).includes(raw) ? (raw as T) : '');

export function readMessageFilter(params: URLSearchParams): AppliedMessageFilter {
  return {
    channel: oneOf(channels, params.get('channel')),
    status: oneOf(statuses, params.get('status')),
    provider: oneOf(providers, params.get('provider')),
    journeyId: params.get('journey') ?? '',
    userId: (params.get('user') ?? '').trim(),
  };
}

/** `?…` for the applied filter, or '' when nothing is filtered. */
export function messageFilterSearchParams(filter: AppliedMessageFilter): string {
  const params = new URLSearchParams();
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.status) params.set('status', filter.status);
  if (filter.provider) params.set('provider', filter.provider);
  if (filter.journeyId) params.set('journey', filter.journeyId);
  if (filter.userId) params.set('user', filter.userId);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function toMessageFilter(filter: AppliedMessageFilter): MessageFilter {
  return {
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.provider ? { provider: filter.provider } : {}),
    ...(filter.journeyId ? { journeyId: filter.journeyId } : {}),
    ...(filter.userId ? { userId: filter.userId } : {}),
  };
}
