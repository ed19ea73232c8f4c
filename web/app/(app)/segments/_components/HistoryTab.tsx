'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { userLabel } from '../_lib/format';
import { SEGMENT_HISTORY_QUERY } from '../_queries';
import s from './Segments.module.css';

const HISTORY_SIZE = 100;

/** Entries and exits, newest first. */
export function HistoryTab({ segmentId }: { segmentId: string }) {
  const { workspace } = useViewer();
  const { data, loading, error, refetch } = useQuery(SEGMENT_HISTORY_QUERY, { variables: { id: segmentId, first: HISTORY_SIZE }, fetchPolicy: 'cache-and-network' });
  const history = data?.segment?.history;
  if (error && !history) return <ErrorState title="The membership history could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!history) {
    return (
      <div className="panel" aria-busy="true">
        <span className="visually-hidden">Loading the history…</span>
        <div className="skeleton-rows">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.25rem" />
          ))}
        </div>
      </div>
    );
  }
  if (!history.length) {
    return (
      <div className="panel">
        <EmptyState title="No history yet">Each time a user enters or leaves the segment, it is recorded here.</EmptyState>
      </div>
    );
  }
  return (
    <section className="panel" aria-labelledby="history-title">
      <div className="panel__header">
        <h2 id="history-title" className="panel__title">
          Membership history
        </h2>
        <p className="panel__meta">
          {history.length === HISTORY_SIZE ? `The latest ${HISTORY_SIZE} stays` : 'Newest first'} · times in {workspace.timezone}
        </p>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Entered</th>
              <th scope="col">Left</th>
            </tr>
          </thead>
          <tbody>
            {history.map((period, index) => (
              <tr key={`${period.userId}:${period.enteredAt}:${index}`}>
                <td>
                  {period.user ? (
                    <Link href={`/users/${period.user.id}`} className={s.nameLink}>
                      {userLabel(period.user)}
                    </Link>
                  ) : (
                    <span className="muted" title={period.userId}>
                      Merged or deleted user
                    </span>
                  )}
                </td>
                <td>
                  <time dateTime={period.enteredAt}>{formatDateTime(period.enteredAt, workspace.timezone)}</time>
                </td>
                <td>{period.exitedAt ? <time dateTime={period.exitedAt}>{formatDateTime(period.exitedAt, workspace.timezone)}</time> : <span className="badge badge--active">Still a member</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
