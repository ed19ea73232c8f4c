'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import type { ProfileUser } from '../../_queries';
import styles from './Profile.module.css';

/** Segments the user is in now, and their entries and exits. */
export function UserSegments({ segments, history, timeZone }: { segments: ProfileUser['segments']; history: ProfileUser['segmentHistory']; timeZone: string }) {
  return (
    <div className={styles.runs}>
      <section className="panel" aria-labelledby="segments-now-title">
        <div className="panel__header">
          <h3 id="segments-now-title" className="panel__title">
            In segments now
          </h3>
        </div>
        {segments.length ? (
          <ul className={styles.segmentList}>
            {segments.map((membership) => (
              <li key={membership.segment.id}>
                <Link href={`/segments/${membership.segment.id}`} className="strong">
                  {membership.segment.name}
                </Link>{' '}
                <span className="badge badge--neutral">{membership.segment.kind.toLowerCase()}</span>
                <span className="muted"> · since {formatDateTime(membership.enteredAt, timeZone)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="In no segment">Segments this user matches appear here.</EmptyState>
        )}
      </section>
      <section className="panel" aria-labelledby="segment-history-title">
        <div className="panel__header">
          <h3 id="segment-history-title" className="panel__title">
            History
          </h3>
          <p className="panel__meta">Entries and exits, newest first</p>
        </div>
        {history.length ? (
          <div className="table-wrap">
            <table className="table" aria-labelledby="segment-history-title">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col">Entered</th>
                  <th scope="col">Exited</th>
                </tr>
              </thead>
              <tbody>
                {history.map((period, index) => (
                  <tr key={`${period.segment.id}-${period.enteredAt}-${index}`}>
                    <td>
                      <Link href={`/segments/${period.segment.id}`}>{period.segment.name}</Link>
                    </td>
                    <td>{formatDateTime(period.enteredAt, timeZone)}</td>
                    <td>{period.exitedAt ? formatDateTime(period.exitedAt, timeZone) : <span className="badge badge--active">Still in</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title="No history">No entries or exits recorded.</EmptyState>
        )}
      </section>
    </div>
  );
}
