'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { PageHeader } from '@/components/PageHeader';
import { StatCard } from '@/components/StatCard';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { formatCount, formatDateTime } from '@/lib/format';
import { EventsPerHourChart, NewVsReturningChart } from './OverviewCharts';
import styles from './Overview.module.css';
import { OVERVIEW_QUERY, type OverviewData } from './_queries';

/** How many event definitions the overview lists. */
const TOP_EVENTS = 8;

export function Overview() {
  const { data, loading, error, refetch } = useQuery(OVERVIEW_QUERY, { notifyOnNetworkStatusChange: true });

  if (error && !data) {
    return (
      <ErrorState
        title="The workspace overview could not be loaded"
        error={error}
        retrying={loading}
        // The outcome shows through `error` / `data`; the promise's rejection is not needed.
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <OverviewSkeleton />;
  return <OverviewContent data={data} refreshing={loading} onRefresh={() => void refetch().catch(() => undefined)} />;
}

function OverviewContent({ data, refreshing, onRefresh }: { data: OverviewData; refreshing: boolean; onRefresh: () => void }) {
  const { workspace, overview, eventDefinitions } = data;
  const top = eventDefinitions.slice(0, TOP_EVENTS);
  const seenToday = overview.newUsersToday + overview.returningUsersToday;

  return (
    <>
      <PageHeader
        eyebrow="Workspace overview"
        title={workspace.name}
        meta={
          <>
            <span className="mono">{workspace.slug}</span>
            <span aria-hidden="true"> · </span>
            <span title={`Today started ${formatDateTime(overview.todayStartsAt, overview.timezone)}`}>“Today” and hours in {overview.timezone}</span>
          </>
        }
        actions={
          <button type="button" className="button button--secondary" onClick={onRefresh} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        }
      />

      <section aria-label="Headline counts" className={styles.stats}>
        <StatCard label="Users" value={overview.users} hint="All profiles" />
        <StatCard label="Known users" value={overview.knownUsers} hint="With a userId" />
        <StatCard label="Anonymous users" value={overview.anonymousUsers} hint="Without a userId" />
        <StatCard label="New today" value={overview.newUsersToday} hint="First seen today" />
        <StatCard label="Returning today" value={overview.returningUsersToday} hint="Seen today, first seen before" />
        <StatCard label="Events, last 24 h" value={overview.eventsLast24h} hint="Stored events" />
      </section>

      <div className={styles.charts}>
        <section className="panel" aria-labelledby="events-per-hour-title">
          <div className="panel__header">
            <h2 id="events-per-hour-title" className="panel__title">
              Events per hour
            </h2>
            <p className="panel__meta">Last 24 hours · {overview.timezone}</p>
          </div>
          {overview.eventsLast24h > 0 ? (
            <EventsPerHourChart points={overview.eventsPerHour} timeZone={overview.timezone} />
          ) : (
            <EmptyState title="No events in the last 24 hours">
              Events sent with a write key (<span className="mono">POST /v1/track</span>) show up here by the hour.
            </EmptyState>
          )}
        </section>
        <section className="panel" aria-labelledby="new-returning-title">
          <div className="panel__header">
            <h2 id="new-returning-title" className="panel__title">
              New vs returning
            </h2>
            <p className="panel__meta">Users seen today</p>
          </div>
          {seenToday > 0 ? (
            <NewVsReturningChart newUsers={overview.newUsersToday} returningUsers={overview.returningUsersToday} />
          ) : (
            <EmptyState title="Nobody seen today">Users who send an event today are counted as new or returning.</EmptyState>
          )}
        </section>
      </div>

      <div className={styles.lists}>
        <section className="panel" aria-labelledby="live-journeys-title">
          <div className="panel__header">
            <h2 id="live-journeys-title" className="panel__title">
              Live journeys
            </h2>
            <p className="panel__meta">Entries since midnight</p>
          </div>
          {overview.liveJourneys.length > 0 ? (
            <div className="table-wrap">
              <table className="table" aria-labelledby="live-journeys-title">
                <thead>
                  <tr>
                    <th scope="col">Journey</th>
                    <th scope="col" className="num">
                      Entries today
                    </th>
                    <th scope="col" className="num">
                      In flight
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.liveJourneys.map(({ journey, entriesToday, activeRuns }) => (
                    <tr key={journey.id}>
                      <td>
                        <Link href={`/journeys/${journey.id}`} className={styles.link}>
                          {journey.name}
                        </Link>
                        {journey.latestVersion ? <span className="muted"> · v{journey.latestVersion}</span> : null}
                      </td>
                      <td className="num">{formatCount(entriesToday)}</td>
                      <td className="num">{formatCount(activeRuns)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState title="No live journeys">
              Publish a journey in{' '}
              <Link href="/journeys" className={styles.link}>
                Journeys
              </Link>{' '}
              to see its entries here.
            </EmptyState>
          )}
        </section>

        <section className="panel" aria-labelledby="top-events-title">
          <div className="panel__header">
            <h2 id="top-events-title" className="panel__title">
              Top events
            </h2>
            {top.length > 0 ? (
              <p className="panel__meta">
                <Link href="/events" className={styles.link}>
                  All {formatCount(eventDefinitions.length)} events
                </Link>
              </p>
            ) : null}
          </div>
          {top.length > 0 ? (
            <div className="table-wrap">
              <table className="table" aria-labelledby="top-events-title">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col" className="num">
                      Count
                    </th>
                    <th scope="col">Last seen</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((definition) => (
                    <tr key={definition.id}>
                      <td>
                        <span className="strong">{definition.displayName}</span>
                        {definition.displayName !== definition.name ? <span className="mono muted"> {definition.name}</span> : null}
                        {definition.status === 'BLOCKED' ? (
                          <>
                            {' '}
                            <span className="badge badge--blocked" title="New events of this name are dropped">
                              Blocked
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td className="num">{formatCount(definition.count)}</td>
                      <td>
                        <time dateTime={definition.lastSeenAt} title={definition.lastSeenAt}>
                          {formatDateTime(definition.lastSeenAt, workspace.timezone)}
                        </time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState title="No events yet">
              Events sent to the ingestion API (<span className="mono">POST /v1/track</span>) with a write key appear here.
            </EmptyState>
          )}
        </section>
      </div>
    </>
  );
}

function OverviewSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading the workspace overview…</span>
      <header className="page-header">
        <p className="page-header__eyebrow">Workspace overview</p>
        <Skeleton width="14rem" height="2rem" />
        <Skeleton width="18rem" />
      </header>
      <div className={styles.stats}>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="stat-card">
            <Skeleton width="6rem" height="0.8rem" />
            <Skeleton width="4rem" height="1.75rem" />
            <Skeleton width="7rem" height="0.75rem" />
          </div>
        ))}
      </div>
      <div className={styles.charts}>
        {['Events per hour', 'New vs returning'].map((title) => (
          <div key={title} className="panel">
            <div className="panel__header">
              <h2 className="panel__title">{title}</h2>
            </div>
            <div className={styles.chartSkeleton}>
              <Skeleton width="100%" height="100%" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
