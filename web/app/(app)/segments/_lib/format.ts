import { formatCount } from '@/lib/format';

/** 1 → "1 user", 12400 → "12,400 users". */
export function formatUsers(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'user' : 'users'}`;
}

/** 1.953 → "2%", 0.1 → "0.1%", 12.5 → "13%". */
export function formatPercent(percent: number): string {
  return `${Number(percent.toPrecision(2)).toLocaleString('en-US')}%`;
}

/** "≈ 12,400 users (estimated from a 2% sample)" or "312 users (exact count)". */
export function formatEstimate(preview: { size: number; exact: boolean; samplePercent: number }): string {
  return preview.exact ? `${formatUsers(preview.size)} (exact count)` : `≈ ${formatUsers(preview.size)} (estimated from a ${formatPercent(preview.samplePercent)} sample)`;
}

/** An ISO date-time as the value of a `datetime-local` input, in UTC ("2025-03-01T09:30"). */
export function toUtcInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 16);
}

/** A `datetime-local` value read as UTC, as the segment language's windows take it. */
export function fromUtcInput(value: string): string | undefined {
  return value ? `${value.length === 16 ? `${value}:00` : value}Z` : undefined;
}

/** How a user is named in lists: their userId, else their email, else "Anonymous". */
export function userLabel(user: { externalId?: string | null; email?: string | null }): string {
  return user.externalId ?? user.email ?? 'Anonymous';
}
