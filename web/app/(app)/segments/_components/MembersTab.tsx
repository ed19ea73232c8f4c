'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useState } from 'react';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { formatCount, formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { userLabel } from '../_lib/format';
import { SEGMENT_MEMBERS_QUERY } from '../_queries';
import s from './Segments.module.css';

const PAGE_SIZE = 25;

/** Current members, most recent entries first, a page at a time (Relay cursors). */
export function MembersTab({ segmentId }: { segmentId: string }) {
  const { workspace } = useViewer();
  // Cursors of the pages before the current one (the first page has none).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error, refetch } = useQuery(SEGMENT_MEMBERS_QUERY, { variables: { id: segmentId, first: PAGE_SIZE, after }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const members = data?.segment?.members;

  if (error && !members) return <ErrorState title="The members could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!members) {
    return (
      <div className="panel" aria-busy="true">
        <span className="visually-hidden">Loading members…</span>
        <div className="skeleton-rows">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.25rem" />
          ))}
        </div>
      </div>
    );
  }
  if (members.totalCount === 0) {
    return (
      <div className="panel">
        <EmptyState title="No members">Users who match the definition (or the uploaded CSV) appear here, with when they entered.</EmptyState>
      </div>
    );
  }
  const page = cursors.length;
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = first + members.edges.length - 1;
  return (
    <section className="panel" aria-labelledby="members-title">
      <div className="panel__header">
        <h2 id="members-title" className="panel__title">
          Members
        </h2>
        <p className="panel__meta">Most recent entries first · times in {workspace.timezone}</p>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Email</th>
              <th scope="col">Entered</th>
            </tr>
          </thead>
          <tbody>
            {members.edges.map(({ cursor, node }) => (
              <tr key={cursor}>
                <td>
                  <Link href={`/users/${node.user.id}`} className={s.nameLink}>
                    {userLabel(node.user)}
                  </Link>
                </td>
                <td className="muted">{node.user.email ?? '—'}</td>
                <td>
                  <time dateTime={node.enteredAt}>{formatDateTime(node.enteredAt, workspace.timezone)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className={s.pager} aria-label="Members pages">
        <span className="muted">
          {formatCount(first)}–{formatCount(last)} of {formatCount(members.totalCount)}
        </span>
        <button type="button" className={s.secondaryButton} disabled={page === 1 || loading} onClick={() => setCursors((list) => list.slice(0, -1))}>
          Previous
        </button>
        <button type="button" className={s.secondaryButton} disabled={!members.pageInfo.hasNextPage || loading} onClick={() => setCursors((list) => [...list, members.pageInfo.endCursor ?? null])}>
          Next
        </button>
      </nav>
    </section>
  );
}
