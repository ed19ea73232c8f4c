import type { MessageStatus } from '@/lib/gql/graphql';

const statusBadge: Record<MessageStatus, { label: string; badge: string }> = {
  SENT: { label: 'Sent', badge: 'badge--active' },
  SENDING: { label: 'Sending', badge: 'badge--info' },
  FAILED: { label: 'Failed', badge: 'badge--blocked' },
  UNCONFIRMED: { label: 'Unconfirmed', badge: 'badge--warning' },
};

export const messageStatusLabel = (status: MessageStatus) => statusBadge[status].label;

/** A delivery status as a coloured badge (the user's Messages tab, the Messages page). */
export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const { label, badge } = statusBadge[status];
  return <span className={`badge ${badge}`}>{label}</span>;
}
