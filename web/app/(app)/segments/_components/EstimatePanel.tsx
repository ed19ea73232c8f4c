'use client';

import { useApolloClient } from '@apollo/client/react';
import Link from 'next/link';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorDetails } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { formatEstimate, userLabel } from '../_lib/format';
import { PREVIEW_SEGMENT_QUERY, type SegmentPreviewData } from '../_queries';
import s from './Segments.module.css';

/** How long an edit must stay unchanged before the estimate is asked for. */
export const PREVIEW_DEBOUNCE_MS = 300;

export interface PreviewState {
  status: 'idle' | 'invalid' | 'loading' | 'ready' | 'error';
  /** The latest answer (kept, dimmed, while the next one loads). */
  result?: SegmentPreviewData;
  /** The round trip of `result`, in ms. */
  elapsedMs?: number;
  error?: unknown;
}

/**
 * The size estimate and sample users of the definition being edited: one
 * `previewSegment` request per settled edit (debounced), the previous request
 * aborted when the definition changes, and only the latest answer shown.
 * `definitionJson` is null while the definition has problems (nothing is asked).
 */
export function useSegmentPreview(definitionJson: string | null, segmentId?: string): PreviewState & { retry: () => void } {
  const client = useApolloClient();
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    if (definitionJson === null) {
      setState((current) => (current.status === 'invalid' ? current : { ...current, status: 'invalid' }));
      return;
    }
    setState((current) => (current.status === 'loading' ? current : { ...current, status: 'loading' }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const started = performance.now();
      client
        .query({
          query: PREVIEW_SEGMENT_QUERY,
          variables: { definition: JSON.parse(definitionJson) as unknown, segmentId: segmentId ?? null },
          // Previews are one-offs: not worth normalising into the cache.
          fetchPolicy: 'no-cache',
          context: { fetchOptions: { signal: controller.signal } },
        })
        .then(({ data }) => {
          if (request !== latest.current || !data) return;
          setState({ status: 'ready', result: data.previewSegment, elapsedMs: Math.round(performance.now() - started) });
        })
        .catch((error: unknown) => {
          if (request !== latest.current || controller.signal.aborted) return;
          setState((current) => ({ ...current, status: 'error', error }));
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, definitionJson, segmentId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // A stable object while nothing changed, so the memoised panel skips re-rendering on every keystroke.
  return useMemo(() => ({ ...state, retry }), [state, retry]);
}

/** The live size estimate and sample users, beside the builder. Re-renders only when the preview changes. */
export const EstimatePanel = memo(function EstimatePanel({ preview, problemCount, timeZone }: { preview: PreviewState & { retry: () => void }; problemCount: number; timeZone: string }) {
  const { status, result } = preview;
  const stale = status !== 'ready';
  let headline: string;
  if (status === 'invalid') headline = problemCount === 1 ? 'Fix the problem in the definition to see its size' : `Fix the ${problemCount} problems in the definition to see its size`;
  else if (result && result.valid) headline = formatEstimate(result);
  else if (result && !result.valid) headline = 'The API found problems in the definition';
  else if (status === 'error') headline = 'The estimate could not be computed';
  else headline = 'Estimating…';

  return (
    <section className={`panel ${s.estimate}`} aria-labelledby="estimate-title">
      <div className={s.estimateHeader}>
        <h2 id="estimate-title" className={s.estimateTitle}>
          Estimated size
        </h2>
        {status === 'loading' ? (
          <span className={s.updating} aria-hidden="true">
            Updating…
          </span>
        ) : status === 'ready' && preview.elapsedMs !== undefined ? (
          <span className={s.elapsed} title="Round trip of the last estimate">
            {preview.elapsedMs} ms
          </span>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={`${s.estimateValue} ${stale && result ? s.stale : ''}`} data-testid="segment-estimate" data-state={status}>
        {headline}
      </p>
      {status === 'error' ? (
        <div className={s.estimateError}>
          <p>{errorDetails(preview.error).message}</p>
          <button type="button" className={s.secondaryButton} onClick={preview.retry}>
            Try again
          </button>
        </div>
      ) : null}
      {result && result.valid && status !== 'invalid' ? (
        <div className={stale ? s.stale : undefined}>
          <h3 className={s.sampleTitle}>Sample users</h3>
          {result.sampleUsers.length ? (
            <ul className={s.sampleList} aria-label="Sample users">
              {result.sampleUsers.map((user) => (
                <li key={user.id}>
                  <Link href={`/users/${user.id}`} className={s.userLink}>
                    {userLabel(user)}
                  </Link>
                  <span className={s.sampleMeta}>
                    {user.email && user.externalId ? `${user.email} · ` : ''}seen {formatDateTime(user.lastSeenAt, timeZone)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No users match yet.</p>
          )}
        </div>
      ) : null}
    </section>
  );
});
