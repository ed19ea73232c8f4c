'use client';

import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Pager, useCursorPages } from '@/components/Pager';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import type { UserTimelineQuery } from '@/lib/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { USER_TIMELINE_QUERY } from '../../_queries';
import styles from './Profile.module.css';

type TimelineEvent = NonNullable<UserTimelineQuery['user']>['events']['edges'][number]['node'];

const PAGE_SIZE = 25;

/** The user's events, newest first, a page at a time; each expands to its properties and context. */
export function UserTimeline({ userId, timeZone }: { userId: string; timeZone: string }) {
  const pages = useCursorPages(PAGE_SIZE);
  const { data, previousData, loading, error, refetch } = useQuery(USER_TIMELINE_QUERY, { variables: { id: userId, ...pages.variables }, notifyOnNetworkStatusChange: true });
  const events = (data ?? previousData)?.user?.events;

  if (error && !data) return <ErrorState title="The timeline could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!events) {
    return (
      <div className="panel">
        <div className="skeleton-rows" aria-busy="true">
          <span className="visually-hidden">Loading the timeline…</span>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.4rem" />
          ))}
        </div>
      </div>
    );
  }
  return (
    <section className="panel" aria-label="Event timeline" aria-busy={loading}>
      {events.edges.length === 0 ? (
        <EmptyState title="No events">Events this user sends (track, page, identify…) appear here, newest first.</EmptyState>
      ) : (
        <>
          <ol className={styles.timeline}>
            {events.edges.map(({ node }) => (
              <TimelineRow key={node.id} event={node} timeZone={timeZone} />
            ))}
          </ol>
          <Pager
            noun="events"
            offset={pages.offset}
            count={events.edges.length}
            total={events.totalCount}
            hasPrevious={pages.has(events.pageInfo).previous}
            hasNext={pages.has(events.pageInfo).next}
            onPrevious={() => pages.previous(events.pageInfo.startCursor)}
            onNext={() => pages.next(events.pageInfo.endCursor)}
            loading={loading}
          />
        </>
      )}
    </section>
  );
}

function TimelineRow({ event, timeZone }: { event: TimelineEvent; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const propertyCount = Object.keys(event.properties).length;
  const detailsId = `event-${event.id}`;
  return (
    <li className={styles.timelineItem}>
      <div className={styles.timelineRow}>
        <time className={styles.timelineTime} dateTime={event.timestamp}>
          {formatDateTime(event.timestamp, timeZone)}
        </time>
        <span className={styles.timelineName}>
          <span className="strong">{event.name}</span>
          {event.type !== 'TRACK' ? <span className="badge badge--neutral">{event.type.toLowerCase()}</span> : null}
        </span>
        <button type="button" className="button button--ghost button--small" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide' : propertyCount ? `${propertyCount} ${propertyCount === 1 ? 'property' : 'properties'}` : 'Details'}
        </button>
      </div>
      {open ? (
        <div id={detailsId} className={styles.timelineDetails}>
          <div>
            <h3 className={styles.detailsTitle}>Properties</h3>
            {propertyCount ? <pre className={styles.pre}>{JSON.stringify(event.properties, null, 2)}</pre> : <p className="muted">No properties.</p>}
          </div>
          <div>
            <h3 className={styles.detailsTitle}>Context</h3>
            {Object.keys(event.context).length ? <pre className={styles.pre}>{JSON.stringify(event.context, null, 2)}</pre> : <p className="muted">No context.</p>}
          </div>
          <p className={`muted ${styles.detailsMeta}`}>
            messageId <span className="mono">{event.messageId}</span> · received {formatDateTime(event.receivedAt, timeZone)}
          </p>
        </div>
      ) : null}
    </li>
  );
}
