import type { JourneyStatus } from '@/lib/gql/graphql';
import styles from './journeys.module.css';

const labels: Record<JourneyStatus, { label: string; hint: string }> = {
  DRAFT: { label: 'Draft', hint: 'Never published' },
  LIVE: { label: 'Live', hint: 'Accepting entries' },
  PAUSED: { label: 'Paused', hint: 'No new entries; runs in flight continue' },
  STOPPED: { label: 'Stopped', hint: 'Runs were cancelled; no new entries' },
  ARCHIVED: { label: 'Archived', hint: 'Hidden from the default list' },
};

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  return (
    <span className={`badge ${styles[`status_${status}`]}`} title={labels[status].hint}>
      {labels[status].label}
    </span>
  );
}

export const journeyStatusLabel = (status: JourneyStatus) => labels[status].label;
