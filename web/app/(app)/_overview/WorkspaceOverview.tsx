'use client';

import { useQuery } from '@apollo/client/react';
import { StatCard } from '@/components/StatCard';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { formatCount, formatDateTime } from '@/lib/format';
import { WORKSPACE_OVERVIEW_QUERY, type OverviewEventDefinition, type WorkspaceOverviewData } from './query';

/** How many event definitions the overview lists. */
const TOP_EVENTS = 10;

export function WorkspaceOverview() {
  const { data, loading, error, refetch } = useQuery(WORKSPACE_OVERVIEW_QUERY, { notifyOnNetworkStatusChange: true });

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
  return <Overview data={data} />;
}

function Overview({ data }: { data: WorkspaceOverviewData }) {
  const { workspace, eventDefinitions } = data;
  const { stats } = workspace;
  const top = eventDefinitions.slice(0, TOP_EVENTS);

  return (
    <>
      <header className="page-header">
        <p className="page-header__eyebrow">Workspace overview</p>
        <h1 className="page-header__title">{workspace.name}</h1>
        <p className="page-header__meta">
          <span className="mono">{workspace.slug}</span>
          <span aria-hidden="true"> · </span>
          {workspace.timezone}
        </p>
      </header>

      <section aria-label="Headline counts" className="stat-grid">
        <StatCard label="Users" value={stats.users} hint="All profiles" />
        <StatCard label="Known users" value={stats.knownUsers} hint="With a userId" />
        <StatCard label="Anonymous users" value={stats.anonymousUsers} hint="Without a userId" />
        <StatCard label="Events" value={stats.events} hint="Stored events" />
        <StatCard label="Event definitions" value={stats.eventDefinitions} hint="Distinct event names" />
      </section>

      <section className="panel" aria-labelledby="top-events-title">
        <div className="panel__header">
          <h2 id="top-events-title" className="panel__title">
            Top events
          </h2>
          {top.length > 0 ? (
            <p className="panel__meta">
              {eventDefinitions.length > top.length
                ? `${top.length} most frequent of ${formatCount(eventDefinitions.length)}`
                : 'By count'}
              {' · '}times in {workspace.timezone}
            </p>
          ) : null}
        </div>
        {top.length > 0 ? (
          <EventDefinitionsTable definitions={top} timeZone={workspace.timezone} />
        ) : (
          <EmptyState title="No events yet">
            Events sent to the ingestion API (<span className="mono">POST /v1/track</span>) with a write key appear here.
          </EmptyState>
        )}
      </section>
    </>
  );
}

function EventDefinitionsTable({ definitions, timeZone }: { definitions: OverviewEventDefinition[]; timeZone: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Display name</th>
            <th scope="col">Name</th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col">Last seen</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {definitions.map((definition) => (
            <tr key={definition.id}>
              <td className="strong">{definition.displayName}</td>
              <td className="mono muted">{definition.name}</td>
              <td className="num">{formatCount(definition.count)}</td>
              <td>
                <time dateTime={definition.lastSeenAt} title={definition.lastSeenAt}>
                  {formatDateTime(definition.lastSeenAt, timeZone)}
                </time>
              </td>
              <td>
                <StatusBadge status={definition.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusBadge({ status }: { status: OverviewEventDefinition['status'] }) {
  return status === 'BLOCKED' ? (
    <span className="badge badge--blocked" title="New events of this name are dropped">
      Blocked
    </span>
  ) : (
    <span className="badge badge--active">Active</span>
  );
}

function OverviewSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading the workspace overview…</span>
      <header className="page-header">
        <p className="page-header__eyebrow">Workspace overview</p>
        <Skeleton width="14rem" height="2rem" />
        <p className="page-header__meta">
          <Skeleton width="10rem" />
        </p>
      </header>
      <div className="stat-grid">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="stat-card">
            <Skeleton width="6rem" height="0.8rem" />
            <Skeleton width="4rem" height="1.75rem" />
            <Skeleton width="7rem" height="0.75rem" />
          </div>
        ))}
      </div>
      <div className="panel">
        <div className="panel__header">
          <h2 className="panel__title">Top events</h2>
        </div>
        <div className="skeleton-rows">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.25rem" />
          ))}
        </div>
      </div>
    </div>
  );
}
