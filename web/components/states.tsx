import type { ReactNode } from 'react';
import { errorDetails } from '@/lib/errors';
import { formatCount } from '@/lib/format';

/** A query failed: what went wrong, and a way to try again. */
export function ErrorState({
  title,
  error,
  onRetry,
  retrying = false,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  const { message, code } = errorDetails(error);
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      <p className="state__message">{message}</p>
      {code ? <p className="state__code">{code}</p> : null}
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}

/** Nothing to show yet, with what would fill this space. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state">
      <h3 className="state__title">{title}</h3>
      {children ? <div className="state__message">{children}</div> : null}
    </div>
  );
}

/** A grey placeholder block, sized by the caller, while data loads. */
export function Skeleton({ width, height = '1em' }: { width?: string; height?: string }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/**
 * A list query showing its previous rows (last filter or page) while the next ones load: the
 * rows stay, dimmed (`data-stale` on `.table-wrap`), and `ListCount` says it is updating.
 */
export const showsPreviousRows = (result: { data?: unknown; previousData?: unknown; loading: boolean }) => !result.data && result.loading && result.previousData !== undefined;

/** A list's size in its panel header; "Updating…" while it shows its previous rows; nothing when unknown. */
export function ListCount({ count, noun, updating }: { count: number | null; noun: string; updating: boolean }) {
  if (updating) {
    return (
      <p className="panel__meta" role="status">
        Updating…
      </p>
    );
  }
  return count === null ? null : <p className="panel__meta">{`${formatCount(count)} ${noun}`}</p>;
}
