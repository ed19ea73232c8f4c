'use client';

import Link from 'next/link';
import { type ReactNode, useEffect, useState } from 'react';
import { formatCount } from '@/lib/format';
import type { JourneyLifecycleFieldsFragment } from '@/lib/gql/graphql';
import { JourneyStatusBadge } from '../_components/JourneyStatusBadge';
import styles from './Builder.module.css';

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;

/** Name (renamable by editors), status, the live version and its headline counts, and the lifecycle actions. */
export function BuilderHeader({ journey, name, readOnly, onRename, actions }: { journey: JourneyLifecycleFieldsFragment; name: string; readOnly: boolean; onRename: (name: string) => void; actions: ReactNode }) {
  const [draftName, setDraftName] = useState(name);
  useEffect(() => setDraftName(name), [name]);
  const commit = () => {
    const trimmed = draftName.trim();
    if (!trimmed) setDraftName(name);
    else if (trimmed !== name) onRename(trimmed);
  };
  const { stats } = journey;
  return (
    <header className={styles.header}>
      <div className={styles.headerMain}>
        <Link href="/journeys" className={styles.back}>
          ← Journeys
        </Link>
        <div className={styles.titleRow}>
          {readOnly ? (
            <h1 className={styles.title}>{name}</h1>
          ) : (
            <input
              className={styles.titleInput}
              aria-label="Journey name"
              value={draftName}
              maxLength={255}
              onChange={(e) => setDraftName(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                if (e.key === 'Escape') setDraftName(name);
              }}
            />
          )}
          <JourneyStatusBadge status={journey.status} />
          <span className={styles.versionNote}>{journey.latestVersion ? `v${journey.latestVersion} published · editing the draft` : 'Not published yet'}</span>
        </div>
      </div>
      {journey.latestVersion ? (
        <dl className={styles.headerStats} aria-label="Journey counts">
          <div>
            <dt>Entered</dt>
            <dd>{formatCount(stats.entered)}</dd>
          </div>
          <div>
            <dt>In it now</dt>
            <dd>{formatCount(stats.active)}</dd>
          </div>
          <div>
            <dt>Completed</dt>
            <dd>{formatCount(stats.completed)}</dd>
          </div>
          <div>
            <dt>Converted</dt>
            <dd>{percent(stats.conversionRate)}</dd>
          </div>
        </dl>
      ) : null}
      {actions ? <div className={styles.headerActions}>{actions}</div> : null}
    </header>
  );
}
