'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { formatCount, formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { SEGMENTS_QUERY, type SegmentRow } from '../_queries';
import { DeleteSegmentDialog } from './DeleteSegmentDialog';
import { KindBadge, StatusBadge, TestBadge } from './badges';
import s from './Segments.module.css';
import { TrendSparkline } from './TrendSparkline';

export function SegmentList() {
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(SEGMENTS_QUERY, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<'ALL' | 'LIVE' | 'STATIC' | 'TEST'>('ALL');
  const [deleting, setDeleting] = useState<SegmentRow | null>(null);

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data?.segments ?? []).filter((segment) => (!needle || segment.name.toLowerCase().includes(needle)) && (kind === 'ALL' || (kind === 'TEST' ? segment.isTest : segment.kind === kind)));
  }, [data, search, kind]);

  const actions = viewer.canEdit ? (
    <>
      <Link href="/segments/new?kind=static" className={s.secondaryButton}>
        New static segment
      </Link>
      <Link href="/segments/new" className="button button--primary">
        New live segment
      </Link>
    </>
  ) : null;

  return (
    <>
      <PageHeader title="Segments" meta="Who messages are for: live segments follow users as they act; static ones are snapshots or CSV uploads." actions={actions} />
      {!viewer.canEdit ? <p className="read-only-note">You have view access: creating, editing, deleting and uploading segments need an editor or admin role.</p> : null}
      {error && !data ? (
        <ErrorState title="The segments could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <div className="panel" aria-busy="true">
          <span className="visually-hidden">Loading segments…</span>
          <div className="skeleton-rows">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.5rem" />
            ))}
          </div>
        </div>
      ) : data.segments.length === 0 ? (
        <div className="panel">
          <EmptyState title="No segments yet">
            {viewer.canEdit ? (
              <>
                A live segment follows users as they act (“did Purchase at least twice in the last 30 days”); a static one is a snapshot or a CSV upload.{' '}
                <Link href="/segments/new">Create the first segment</Link>.
              </>
            ) : (
              'Editors create segments here; they will appear in this list.'
            )}
          </EmptyState>
        </div>
      ) : (
        <section className="panel" aria-labelledby="segments-title">
          <div className="panel__header">
            <h2 id="segments-title" className="panel__title">
              {formatCount(data.segments.length)} {data.segments.length === 1 ? 'segment' : 'segments'}
            </h2>
            <div className={s.filters}>
              <label className="visually-hidden" htmlFor="segment-search">
                Search segments
              </label>
              <input id="segment-search" type="search" className={`input ${s.search}`} placeholder="Search by name" value={search} onChange={(event) => setSearch(event.target.value)} />
              <label className="visually-hidden" htmlFor="segment-kind">
                Show
              </label>
              <select id="segment-kind" className={`select ${s.select}`} value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
                <option value="ALL">All kinds</option>
                <option value="LIVE">Live</option>
                <option value="STATIC">Static</option>
                <option value="TEST">Test audiences</option>
              </select>
            </div>
          </div>
          {rows.length === 0 ? (
            <EmptyState title="No segment matches">Try another name or kind.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col">30 days</th>
                    <th scope="col">Status</th>
                    <th scope="col">Updated</th>
                    {viewer.canEdit ? (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((segment) => (
                    <tr key={segment.id}>
                      <td>
                        <span className={s.nameCell}>
                          <Link href={`/segments/${segment.id}`} className={s.nameLink}>
                            {segment.name}
                          </Link>
                          {segment.isTest ? <TestBadge /> : null}
                        </span>
                      </td>
                      <td>
                        <KindBadge kind={segment.kind} />
                      </td>
                      <td className="num">{formatCount(segment.size)}</td>
                      <td>
                        <TrendSparkline points={segment.trend} />
                      </td>
                      <td className={s.statusCell}>
                        <StatusBadge status={segment.status} error={segment.lastError} />
                      </td>
                      <td>
                        <time dateTime={segment.updatedAt}>{formatDateTime(segment.updatedAt, viewer.workspace.timezone)}</time>
                      </td>
                      {viewer.canEdit ? (
                        <td className={s.actionsCell}>
                          <button type="button" className={s.dangerLink} onClick={() => setDeleting(segment)} aria-label={`Delete ${segment.name}`}>
                            Delete
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {deleting ? <DeleteSegmentDialog segment={deleting} onCancel={() => setDeleting(null)} onDone={() => setDeleting(null)} /> : null}
    </>
  );
}
