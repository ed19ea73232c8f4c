'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { Skeleton } from '@/components/states';
import { formatCount, formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import styles from './Builder.module.css';
import { WAITING_RUNS_QUERY } from './queries';

/** The users sitting at a node of a published journey now, with links to their profiles. */
export function WaitingUsers({ journeyId, nodeId }: { journeyId: string; nodeId: string }) {
  const { workspace } = useViewer();
  const { data, error, loading } = useQuery(WAITING_RUNS_QUERY, { variables: { journeyId, nodeId }, pollInterval: 5000, fetchPolicy: 'cache-and-network' });
  const runs = data?.journeyRuns;
  return (
    <section className={styles.formSection} aria-labelledby="waiting-title">
      <div className={styles.formSectionHeader}>
        <h4 id="waiting-title" className={styles.formSectionTitle}>
          Here now
        </h4>
        {runs ? <span className={styles.countPill}>{formatCount(runs.totalCount)}</span> : null}
      </div>
      {!runs && loading ? <Skeleton width="100%" height="2.5rem" /> : null}
      {error && !runs ? <p className="field__error">The users here could not be loaded: {error.message}</p> : null}
      {runs && runs.totalCount === 0 ? <p className={styles.listEmpty}>Nobody is at this step right now.</p> : null}
      {runs && runs.edges.length > 0 ? (
        <ul className={styles.waitingList}>
          {runs.edges.map(({ node: run }) => (
            <li key={run.id}>
              <Link href={`/users/${run.user.id}`} className={styles.waitingUser}>
                {run.user.email ?? run.user.externalId ?? 'Anonymous user'}
              </Link>
              <span className={styles.waitingMeta}>
                {run.waitingSince ? `since ${formatDateTime(run.waitingSince, workspace.timezone)}` : `entered ${formatDateTime(run.enteredAt, workspace.timezone)}`} · v{run.version}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {runs && runs.totalCount > runs.edges.length ? <p className="field__hint">Showing the newest {runs.edges.length} of {formatCount(runs.totalCount)}.</p> : null}
    </section>
  );
}
