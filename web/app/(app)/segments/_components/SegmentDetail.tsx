'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useParams, usePathname, useRouter, useSearchParams } from 'next/navigation';
import { type KeyboardEvent, useRef, useState } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { errorDetails } from '@/lib/errors';
import { formatCount, formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { mutationFailure } from '../_lib/mutationErrors';
import { RECOMPUTE_SEGMENT_MUTATION, SEGMENT_DETAIL_QUERY, type SegmentDetailData } from '../_queries';
import { KindBadge, StatusBadge, TestBadge } from './badges';
import { DeleteSegmentDialog } from './DeleteSegmentDialog';
import { HistoryTab } from './HistoryTab';
import { MembersTab } from './MembersTab';
import { SegmentEditor } from './SegmentEditor';
import s from './Segments.module.css';
import { UploadTab } from './UploadTab';

type Tab = 'definition' | 'members' | 'history' | 'upload' | 'usedBy';

export function SegmentDetail() {
  const { id } = useParams<{ id: string }>();
  const { data, loading, error, refetch } = useQuery(SEGMENT_DETAIL_QUERY, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (error && !data) {
    const notFound = errorDetails(error).code === 'NOT_FOUND' || errorDetails(error).code === 'BAD_USER_INPUT';
    return notFound ? <NotFound /> : <ErrorState title="The segment could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  }
  if (!data) {
    return (
      <div aria-busy="true">
        <span className="visually-hidden">Loading the segment…</span>
        <header className="page-header">
          <p className="page-header__eyebrow">Segment</p>
          <Skeleton width="16rem" height="2rem" />
          <Skeleton width="22rem" />
        </header>
        <div className="panel">
          <div className="skeleton-rows">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.5rem" />
            ))}
          </div>
        </div>
      </div>
    );
  }
  if (!data.segment) return <NotFound />;
  return <Segment segment={data.segment} />;
}

function NotFound() {
  return (
    <div className="panel">
      <EmptyState title="No such segment">
        It may have been deleted. <Link href="/segments">Back to segments</Link>
      </EmptyState>
    </div>
  );
}

function Segment({ segment }: { segment: SegmentDetailData }) {
  const viewer = useViewer();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'definition', label: segment.definition ? 'Definition' : 'Details' },
    { id: 'members', label: `Members (${formatCount(segment.size)})` },
    { id: 'history', label: 'History' },
    ...(segment.kind === 'STATIC' ? [{ id: 'upload' as const, label: 'Upload CSV' }] : []),
    { id: 'usedBy', label: `Used by (${segment.usedBy.length})` },
  ];
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = tabs.some((t) => t.id === requested) ? requested! : 'definition';
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const select = (next: Tab) => router.replace(next === 'definition' ? pathname : `${pathname}?tab=${next}`, { scroll: false });
  const onTabKey = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === tab);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length]!;
    select(next.id);
    tabRefs.current[next.id]?.focus();
  };

  const [recompute, recomputing] = useMutation(RECOMPUTE_SEGMENT_MUTATION);
  const [recomputeMessage, setRecomputeMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const onRecompute = async () => {
    setRecomputeMessage(null);
    try {
      const { data } = await recompute({ variables: { id: segment.id } });
      if (data) setRecomputeMessage({ ok: true, text: `Recomputed: ${formatCount(data.recomputeSegment.size)} ${data.recomputeSegment.size === 1 ? 'member' : 'members'}` });
    } catch (error) {
      setRecomputeMessage({ ok: false, text: mutationFailure(error).message });
    }
  };

  const timeZone = viewer.workspace.timezone;
  const meta = (
    <span className={s.headerMeta}>
      <KindBadge kind={segment.kind} />
      {segment.isTest ? <TestBadge /> : null}
      <StatusBadge status={segment.status} error={segment.lastError} />
      <span>
        {formatCount(segment.size)} {segment.size === 1 ? 'member' : 'members'}
      </span>
      <span aria-hidden="true">·</span>
      <span>{segment.computedAt ? `computed ${formatDateTime(segment.computedAt, timeZone)}` : 'not computed yet'}</span>
      {segment.timeSensitive ? (
        <span className="muted" title="Sliding windows or relative dates: the periodic sweep moves users in and out as time passes">
          · time-sensitive
        </span>
      ) : null}
    </span>
  );
  const actions = viewer.canEdit ? (
    <>
      {segment.definition ? (
        <button type="button" className={s.secondaryButton} onClick={() => void onRecompute()} disabled={recomputing.loading}>
          {recomputing.loading ? 'Recomputing…' : segment.kind === 'LIVE' ? 'Recompute now' : 'Take a new snapshot'}
        </button>
      ) : null}
      <button type="button" className={s.dangerButton} onClick={() => setDeleting(true)}>
        Delete
      </button>
    </>
  ) : null;

  return (
    <>
      <p className={s.breadcrumb}>
        <Link href="/segments">Segments</Link> <span aria-hidden="true">/</span>
      </p>
      <PageHeader title={segment.name} meta={meta} actions={actions} />
      {segment.description ? <p className={s.description}>{segment.description}</p> : null}
      {recomputeMessage ? (
        <p className={recomputeMessage.ok ? s.notice : 'field__error'} role={recomputeMessage.ok ? 'status' : 'alert'}>
          {recomputeMessage.text}
        </p>
      ) : null}
      {!viewer.canEdit ? <p className="read-only-note">You have view access: changing, recomputing, deleting and uploading to this segment need an editor or admin role.</p> : null}

      <div className="tabs" role="tablist" aria-label="Segment" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(element) => {
              tabRefs.current[t.id] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            className="tabs__tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'definition' ? <SegmentEditor key={segment.id} segment={segment} /> : null}
        {tab === 'members' ? <MembersTab segmentId={segment.id} /> : null}
        {tab === 'history' ? <HistoryTab segmentId={segment.id} /> : null}
        {tab === 'upload' ? <UploadTab segment={segment} /> : null}
        {tab === 'usedBy' ? <UsedBy segment={segment} /> : null}
      </div>
      {deleting ? <DeleteSegmentDialog segment={segment} onCancel={() => setDeleting(false)} onDone={() => router.replace('/segments')} /> : null}
    </>
  );
}

function UsedBy({ segment }: { segment: SegmentDetailData }) {
  if (!segment.usedBy.length) {
    return (
      <div className="panel">
        <EmptyState title="Not used yet">Journeys (triggers, waits, splits, exits) and other segments that refer to this segment appear here. A segment in use cannot be deleted.</EmptyState>
      </div>
    );
  }
  return (
    <section className="panel" aria-labelledby="used-by-title">
      <div className="panel__header">
        <h2 id="used-by-title" className="panel__title">
          Used by
        </h2>
        <p className="panel__meta">It cannot be deleted while these use it</p>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {segment.usedBy.map((user) => (
              <tr key={`${user.kind}:${user.id}`}>
                <td>
                  <Link href={user.kind === 'JOURNEY' ? `/journeys/${user.id}` : `/segments/${user.id}`} className={s.nameLink}>
                    {user.name}
                  </Link>
                </td>
                <td>{user.kind === 'JOURNEY' ? 'Journey' : 'Segment'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
