'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { formatCount, formatDateTime } from '@/lib/format';
import type { JourneyStatus } from '@/lib/gql/graphql';
import { useViewer } from '@/lib/viewer';
import { JourneyStatusBadge, journeyStatusLabel } from '../_components/JourneyStatusBadge';
import { CreateJourneyDialog } from './CreateJourneyDialog';
import styles from './JourneyList.module.css';
import { JOURNEY_LIST_QUERY, type JourneyListItem } from './queries';

const filters: ReadonlyArray<JourneyStatus | 'ALL'> = ['ALL', 'LIVE', 'PAUSED', 'DRAFT', 'STOPPED', 'ARCHIVED'];
const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;

/** Every journey with its status, version and headline counts; filter by status; create one. */
export function JourneyList() {
  const viewer = useViewer();
  const [status, setStatus] = useState<JourneyStatus | 'ALL'>('ALL');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, refetch } = useQuery(JOURNEY_LIST_QUERY, {
    variables: status === 'ALL' ? { includeArchived: showArchived } : { status },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const create = viewer.canEdit ? (
    <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
      New journey
    </button>
  ) : null;

  return (
    <>
      <PageHeader eyebrow="Engage" title="Journeys" meta="Entry triggers, waits, splits and messages: what each user goes through." actions={create} />
      {viewer.canEdit ? null : <p className="read-only-note">Read only: your role (viewer) lets you open journeys and watch their counts, not create or change them.</p>}
      <div className={`toolbar ${styles.filters}`}>
        <div className={styles.segmented} role="group" aria-label="Filter by status">
          {filters.map((filter) => (
            <button key={filter} type="button" className={styles.segment} aria-pressed={status === filter} onClick={() => setStatus(filter)}>
              {filter === 'ALL' ? 'All' : journeyStatusLabel(filter)}
            </button>
          ))}
        </div>
        <span className="toolbar__spacer" />
        {status === 'ALL' ? (
          <label className={styles.archivedToggle}>
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
          </label>
        ) : null}
      </div>
      <section className="panel" aria-label="Journeys">
        {error && !data ? (
          <ErrorState title="The journeys could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />
        ) : !data ? (
          <div className="skeleton-rows" aria-busy="true">
            <span className="visually-hidden">Loading the journeys…</span>
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.6rem" />
            ))}
          </div>
        ) : data.journeys.length === 0 ? (
          <EmptyState title={status === 'ALL' ? 'No journeys yet' : `No ${journeyStatusLabel(status).toLowerCase()} journeys`}>
            {status === 'ALL' ? (
              <>
                A journey is what users go through after a trigger: waits, splits and messages.
                {viewer.canEdit ? (
                  <>
                    <br />
                    <button type="button" className={`button button--primary ${styles.emptyAction}`} onClick={() => setCreating(true)}>
                      Create your first journey
                    </button>
                  </>
                ) : null}
              </>
            ) : (
              'Try another status filter.'
            )}
          </EmptyState>
        ) : (
          <JourneyTable journeys={data.journeys} timeZone={viewer.workspace.timezone} />
        )}
      </section>
      <CreateJourneyDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function JourneyTable({ journeys, timeZone }: { journeys: JourneyListItem[]; timeZone: string }) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">Status</th>
            <th scope="col">Version</th>
            <th scope="col" className="num">
              Entered
            </th>
            <th scope="col" className="num">
              In it now
            </th>
            <th scope="col" className="num">
              Completed
            </th>
            <th scope="col" className="num">
              Conversion
            </th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {journeys.map((journey) => (
            <tr key={journey.id}>
              <td className={styles.nameCell}>
                <Link href={`/journeys/${journey.id}`} className={styles.name}>
                  {journey.name}
                </Link>
                {journey.description ? <span className={styles.description}>{journey.description}</span> : null}
              </td>
              <td>
                <JourneyStatusBadge status={journey.status} />
              </td>
              <td className="muted">{journey.latestVersion ? `v${journey.latestVersion}` : '—'}</td>
              <td className="num">{formatCount(journey.stats.entered)}</td>
              <td className="num">{formatCount(journey.stats.active)}</td>
              <td className="num">{formatCount(journey.stats.completed)}</td>
              <td className="num">{journey.stats.entered ? percent(journey.stats.conversionRate) : '—'}</td>
              <td className="muted">
                <time dateTime={journey.updatedAt}>{formatDateTime(journey.updatedAt, timeZone)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
