import type { ReactNode } from 'react';
import { errorDetails } from '@/lib/errors';

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
