'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { Tabs } from '@/components/Tabs';
import { errorDetails } from '@/lib/errors';
import { formatCount, formatDateTime, formatRelative } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { type ProfileUser, USER_PROFILE_QUERY } from '../../_queries';
import { JourneyRuns } from './JourneyRuns';
import { UserMessages } from './UserMessages';
import { UserSegments } from './UserSegments';
import { UserTimeline } from './UserTimeline';
import styles from './Profile.module.css';

type TabKey = 'timeline' | 'journeys' | 'messages' | 'segments';

export function UserProfile({ id }: { id: string }) {
  const { data, loading, error, refetch } = useQuery(USER_PROFILE_QUERY, { variables: { id }, notifyOnNetworkStatusChange: true });
  const notFound = (error && errorDetails(error).code === 'BAD_USER_INPUT') || (data && !data.user);

  if (notFound) {
    return (
      <>
        <BackLink />
        <EmptyState title="No such user">
          There is no user <span className="mono">{id}</span> in this workspace (it may have been merged into another profile).{' '}
          <Link href="/users">Back to users</Link>
        </EmptyState>
      </>
    );
  }
  if (error && !data) {
    return (
      <>
        <BackLink />
        <ErrorState title="This user could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />
      </>
    );
  }
  if (!data?.user) return <ProfileSkeleton />;
  return <Profile user={data.user} />;
}

function BackLink() {
  return (
    <p className={styles.back}>
      <Link href="/users">← Users</Link>
    </p>
  );
}

function Profile({ user }: { user: ProfileUser }) {
  const { workspace } = useViewer();
  const timeZone = workspace.timezone;
  const [tab, setTab] = useState<TabKey>('timeline');
  const system = user.attributes.filter((a) => a.system);
  const custom = user.attributes.filter((a) => !a.system);
  const activeRuns = user.journeyRuns.filter((r) => r.status === 'ACTIVE').length;
  const title = user.externalId ?? 'Anonymous user';

  return (
    <>
      <BackLink />
      <PageHeader
        eyebrow={user.anonymous ? 'Anonymous profile' : 'Known user'}
        title={
          <>
            {title}{' '}
            {user.anonymous ? <span className="badge badge--neutral">Anonymous</span> : <span className="badge badge--info">Known</span>}
          </>
        }
        meta={
          <>
            {user.email ? <>{user.email} · </> : null}
            Last seen <time dateTime={user.lastSeenAt} title={formatDateTime(user.lastSeenAt, timeZone)}>{formatRelative(user.lastSeenAt)}</time> · first seen{' '}
            <time dateTime={user.firstSeenAt}>{formatDateTime(user.firstSeenAt, timeZone)}</time>
          </>
        }
      />
      <div className={styles.layout}>
        <div className={styles.side}>
          <section className="panel" aria-labelledby="system-attributes-title">
            <div className="panel__header">
              <h2 id="system-attributes-title" className="panel__title">
                System attributes
              </h2>
            </div>
            <dl className={styles.attributes}>
              <div className={styles.attribute}>
                <dt>Tideflow id</dt>
                <dd className="mono">{user.id}</dd>
              </div>
              {system.map((attribute) => (
                <div key={attribute.name} className={styles.attribute}>
                  <dt title={attribute.name}>{attribute.displayName ?? attribute.name}</dt>
                  <dd>
                    <AttributeValue value={attribute.value} timeZone={timeZone} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section className="panel" aria-labelledby="custom-attributes-title">
            <div className="panel__header">
              <h2 id="custom-attributes-title" className="panel__title">
                Custom attributes
              </h2>
              <p className="panel__meta">{formatCount(custom.length)} traits</p>
            </div>
            {custom.length ? (
              <dl className={styles.attributes}>
                {custom.map((attribute) => (
                  <div key={attribute.name} className={styles.attribute}>
                    <dt className="mono">{attribute.name}</dt>
                    <dd>
                      <AttributeValue value={attribute.value} timeZone={timeZone} />
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <EmptyState title="No custom attributes">Traits sent with identify calls appear here.</EmptyState>
            )}
          </section>

          <section className="panel" aria-labelledby="identities-title">
            <div className="panel__header">
              <h2 id="identities-title" className="panel__title">
                Identities
              </h2>
            </div>
            <ul className={styles.identities}>
              {user.externalId ? (
                <li>
                  <span className="badge badge--info">userId</span> <span className="mono">{user.externalId}</span>
                </li>
              ) : null}
              {user.identities.map((identity) => (
                <li key={`${identity.kind}:${identity.value}`}>
                  <span className="badge badge--neutral">{identity.kind === 'ALIAS' ? 'former userId' : 'anonymousId'}</span> <span className="mono">{identity.value}</span>
                  <span className="muted"> · since {formatDateTime(identity.createdAt, timeZone)}</span>
                </li>
              ))}
              {!user.externalId && !user.identities.length ? <li className="muted">No identities recorded.</li> : null}
            </ul>
          </section>
        </div>

        <div className={styles.main}>
          <Tabs<TabKey>
            label="User activity"
            selected={tab}
            onSelect={setTab}
            tabs={[
              { key: 'timeline', label: 'Event timeline' },
              { key: 'journeys', label: <>Journeys {user.journeyRuns.length ? <span className={styles.count} title={`${activeRuns} active`}>{user.journeyRuns.length}</span> : null}</> },
              { key: 'messages', label: 'Messages' },
              { key: 'segments', label: <>Segments {user.segments.length ? <span className={styles.count}>{user.segments.length}</span> : null}</> },
            ]}
          >
            {tab === 'timeline' ? <UserTimeline userId={user.id} timeZone={timeZone} /> : null}
            {tab === 'journeys' ? <JourneyRuns runs={user.journeyRuns} timeZone={timeZone} /> : null}
            {tab === 'messages' ? <UserMessages userId={user.id} timeZone={timeZone} /> : null}
            {tab === 'segments' ? <UserSegments segments={user.segments} history={user.segmentHistory} timeZone={timeZone} /> : null}
          </Tabs>
        </div>
      </div>
    </>
  );
}

const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An attribute's value: dates in the workspace's zone, objects as JSON, nothing as a dash. */
export function AttributeValue({ value, timeZone }: { value: unknown; timeZone: string }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'string' && isoDate.test(value)) return <time dateTime={value}>{formatDateTime(value, timeZone)}</time>;
  if (typeof value === 'boolean') return <span className="mono">{String(value)}</span>;
  if (typeof value === 'number') return <>{value}</>;
  if (typeof value === 'object') return <code className={styles.json}>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

function ProfileSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading the user…</span>
      <BackLink />
      <header className="page-header">
        <Skeleton width="8rem" height="0.8rem" />
        <Skeleton width="16rem" height="2rem" />
        <Skeleton width="22rem" />
      </header>
      <div className={styles.layout}>
        <div className={styles.side}>
          <div className="panel">
            <div className="skeleton-rows">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} width="100%" height="1.1rem" />
              ))}
            </div>
          </div>
        </div>
        <div className={styles.main}>
          <div className="panel">
            <div className="skeleton-rows">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} width="100%" height="1.4rem" />
              ))}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
