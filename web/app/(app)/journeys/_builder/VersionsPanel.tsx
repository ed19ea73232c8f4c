'use client';

import { memo } from 'react';
import { formatCount, formatDateTime } from '@/lib/format';
import type { JourneyLifecycleFieldsFragment } from '@/lib/gql/graphql';
import styles from './Builder.module.css';

/** Published versions, the live one marked, with the runs still on each. */
export const VersionsPanel = memo(function VersionsPanel({ journey, timezone }: { journey: JourneyLifecycleFieldsFragment; timezone: string }) {
  const live = journey.status === 'LIVE' || journey.status === 'PAUSED' ? journey.latestVersion : null;
  return (
    <div className={styles.versions}>
      <p className={styles.callout}>
        Publishing freezes the draft into a new version. New entries use the newest version; <strong>runs in flight finish on the version they started with</strong>.
      </p>
      {journey.versions.length === 0 ? (
        <p className={styles.listEmpty}>Not published yet: this journey is a draft.</p>
      ) : (
        <ol className={styles.versionList}>
          {journey.versions.map((version) => (
            <li key={version.version} className={styles.version}>
              <span className={styles.versionNumber}>v{version.version}</span>
              <span className={styles.versionMeta}>
                Published {formatDateTime(version.publishedAt, timezone)}
                <br />
                {formatCount(version.activeRuns)} run{version.activeRuns === 1 ? '' : 's'} in flight
              </span>
              {version.version === live ? <span className={`badge ${styles.badgeLive}`}>{journey.status === 'PAUSED' ? 'Newest · paused' : 'Live'}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
});
