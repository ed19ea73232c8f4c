import s from './Segments.module.css';

export function KindBadge({ kind }: { kind: 'LIVE' | 'STATIC' }) {
  return kind === 'LIVE' ? (
    <span className={`badge ${s.badgeLive}`} title="Follows users as they act">
      Live
    </span>
  ) : (
    <span className={`badge ${s.badgeStatic}`} title="A snapshot or an upload; never updates itself">
      Static
    </span>
  );
}

export function TestBadge() {
  return (
    <span className={`badge ${s.badgeTest}`} title="An audience for test sends">
      Test
    </span>
  );
}

/** Ready, computing, or failed with the error (shown, not only in a tooltip). */
export function StatusBadge({ status, error }: { status: 'READY' | 'COMPUTING' | 'FAILED'; error?: string | null }) {
  if (status === 'COMPUTING') return <span className={`badge ${s.badgeComputing}`}>Computing</span>;
  if (status === 'FAILED')
    return (
      <span className={s.failed}>
        <span className="badge badge--blocked">Failed</span>
        {error ? <span className={s.failedError}>{error}</span> : null}
      </span>
    );
  return <span className="badge badge--active">Ready</span>;
}
