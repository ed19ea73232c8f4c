'use client';

import { useCallback, useState } from 'react';
import { formatCount } from '@/lib/format';

export interface PageVariables {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/**
 * Page-by-page through a Relay connection: Next asks for `first` after the page's end cursor,
 * Previous for `last` before its start cursor; `offset` numbers the rows for "26–50 of 1,234".
 */
export function useCursorPages(pageSize: number, resetKey = '') {
  const first = { key: resetKey, variables: { first: pageSize } as PageVariables, offset: 0 };
  const [state, setState] = useState(first);
  // A new filter (resetKey) starts again from the first page.
  const current = state.key === resetKey ? state : first;
  const next = useCallback(
    (endCursor: string | null | undefined) => {
      if (endCursor) setState({ key: resetKey, variables: { first: pageSize, after: endCursor }, offset: current.offset + pageSize });
    },
    [pageSize, resetKey, current.offset],
  );
  const previous = useCallback(
    (startCursor: string | null | undefined) => {
      const offset = current.offset - pageSize;
      setState(startCursor && offset > 0 ? { key: resetKey, variables: { last: pageSize, before: startCursor }, offset } : { key: resetKey, variables: { first: pageSize }, offset: 0 });
    },
    [pageSize, resetKey, current.offset],
  );
  const reset = useCallback(() => setState({ key: resetKey, variables: { first: pageSize }, offset: 0 }), [pageSize, resetKey]);
  /** Previous is possible past the first page; Next when the API says so, or when we came back from a later page. */
  const has = (pageInfo: { hasNextPage: boolean } | undefined) => ({ previous: current.offset > 0, next: Boolean(pageInfo?.hasNextPage || current.variables.before) });
  return { variables: current.variables, offset: current.offset, next, previous, reset, has };
}

/** "26–50 of 1,234" with Previous / Next. */
export function Pager({
  offset,
  count,
  total,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  loading = false,
  noun = 'rows',
}: {
  offset: number;
  count: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  loading?: boolean;
  noun?: string;
}) {
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <span className="pager__status" aria-live="polite">
        {count > 0 ? `${formatCount(offset + 1)}–${formatCount(offset + count)} of ${formatCount(total)} ${noun}` : `${formatCount(total)} ${noun}`}
      </span>
      <span className="pager__buttons">
        <button type="button" className="button button--secondary button--small" onClick={onPrevious} disabled={!hasPrevious || loading}>
          Previous
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onNext} disabled={!hasNext || loading}>
          Next
        </button>
      </span>
    </nav>
  );
}
