'use client';

import { useQuery } from '@apollo/client/react';
import { ErrorState, Skeleton } from '@/components/states';
import { MESSAGE_BODY_QUERY, type LoggedMessage } from '../_queries';
import styles from './Messages.module.css';

/** An opened message: the email as the recipient sees it (sandboxed: no scripts, no navigation), or the webhook's request body. */
export function MessageBody({ message }: { message: LoggedMessage }) {
  const { data, loading, error, refetch } = useQuery(MESSAGE_BODY_QUERY, { variables: { id: message.id } });
  if (error) return <ErrorState title="The message could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) {
    return (
      <div aria-busy="true">
        <span className="visually-hidden">Loading the message…</span>
        <Skeleton width="100%" height="8rem" />
      </div>
    );
  }
  const body = data.message?.body;
  if (!body) return <p className="muted">No body was recorded for this message.</p>;
  return message.channel === 'EMAIL' ? (
    <iframe className={styles.emailFrame} title={`Email: ${message.subject ?? 'no subject'}`} sandbox="" srcDoc={body} />
  ) : (
    <pre className={styles.requestBody} aria-label="Request body">
      {body}
    </pre>
  );
}
