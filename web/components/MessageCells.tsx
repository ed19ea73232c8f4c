import { graphql } from '@/lib/gql';
import type { MessageFieldsFragment, MessageStatus } from '@/lib/gql/graphql';

// The fields every list of messages shows (the Messages page, a user's Messages tab).
graphql(`
  fragment MessageFields on Message {
    id
    channel
    purpose
    status
    provider
    recipient
    subject
    error
    responseStatus
    attempts
    test
    journeyId
    nodeId
    createdAt
    sentAt
  }
`);

const statusBadge: Record<MessageStatus, { label: string; badge: string }> = {
  SENT: { label: 'Sent', badge: 'badge--active' },
  SENDING: { label: 'Sending', badge: 'badge--info' },
  FAILED: { label: 'Failed', badge: 'badge--blocked' },
  UNCONFIRMED: { label: 'Unconfirmed', badge: 'badge--warning' },
};

/** A delivery status as a coloured badge. */
export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  const { label, badge } = statusBadge[status];
  return <span className={`badge ${badge}`}>{label}</span>;
}

/** Channel, subject / recipient and status cells of a message's table row. */
export function MessageCells({ message, showError = true }: { message: MessageFieldsFragment; showError?: boolean }) {
  return (
    <>
      <td>
        {message.channel === 'EMAIL' ? 'Email' : message.purpose === 'WEBHOOK_CALL' ? 'Webhook step' : 'Webhook'}
        <span className="muted"> · {message.provider}</span>
        {message.test ? <span className="badge badge--neutral">test</span> : null}
      </td>
      <td>
        {message.subject ? <div className="strong">{message.subject}</div> : null}
        <span className="muted">{message.recipient ?? '—'}</span>
      </td>
      <td>
        <MessageStatusBadge status={message.status} />
        {message.responseStatus ? <span className="muted mono"> HTTP {message.responseStatus}</span> : null}
        {showError && message.error ? <div className="field__error">{message.error}</div> : null}
      </td>
    </>
  );
}
