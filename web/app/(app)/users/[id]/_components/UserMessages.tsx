'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { Pager, useCursorPages } from '@/components/Pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { MessageCells } from '@/components/MessageCells';
import { formatDateTime } from '@/lib/format';
import { USER_MESSAGES_QUERY } from '../../_queries';

const PAGE_SIZE = 25;

/** Messages and webhook calls sent to the user, newest first. */
export function UserMessages({ userId, timeZone }: { userId: string; timeZone: string }) {
  const pages = useCursorPages(PAGE_SIZE);
  const { data, previousData, loading, error, refetch } = useQuery(USER_MESSAGES_QUERY, { variables: { id: userId, ...pages.variables }, notifyOnNetworkStatusChange: true });
  const messages = (data ?? previousData)?.user?.messages;

  if (error && !data) return <ErrorState title="Messages could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!messages) {
    return (
      <div className="panel">
        <div className="skeleton-rows" aria-busy="true">
          <span className="visually-hidden">Loading messages…</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.4rem" />
          ))}
        </div>
      </div>
    );
  }
  return (
    <section className="panel" aria-label="Messages sent" aria-busy={loading}>
      {messages.edges.length === 0 ? (
        <EmptyState title="No messages sent">Email and webhook steps of journeys this user goes through are recorded here.</EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="Messages sent to this user">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Subject / recipient</th>
                  <th scope="col">Status</th>
                  <th scope="col">Journey</th>
                </tr>
              </thead>
              <tbody>
                {messages.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <time dateTime={node.createdAt}>{formatDateTime(node.createdAt, timeZone)}</time>
                    </td>
                    <MessageCells message={node} />
                    <td>{node.journeyId ? <Link href={`/journeys/${node.journeyId}`}>Open journey</Link> : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            noun="messages"
            offset={pages.offset}
            count={messages.edges.length}
            total={messages.totalCount}
            hasPrevious={pages.has(messages.pageInfo).previous}
            hasNext={pages.has(messages.pageInfo).next}
            onPrevious={() => pages.previous(messages.pageInfo.startCursor)}
            onNext={() => pages.next(messages.pageInfo.endCursor)}
            loading={loading}
          />
        </>
      )}
    </section>
  );
}
