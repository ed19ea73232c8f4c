'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/states';
import type { JourneyRunStatus, JourneyStepKind } from '@/lib/gql/graphql';
import { formatDateTime, formatRelative } from '@/lib/format';
import { JOURNEY_NODES_QUERY, type ProfileRun } from '../../_queries';
import styles from './Profile.module.css';

const runStatus: Record<JourneyRunStatus, { label: string; badge: string }> = {
  ACTIVE: { label: 'Active', badge: 'badge--info' },
  COMPLETED: { label: 'Completed', badge: 'badge--active' },
  EXITED: { label: 'Exited early', badge: 'badge--warning' },
  CANCELLED: { label: 'Cancelled', badge: 'badge--neutral' },
  FAILED: { label: 'Failed', badge: 'badge--blocked' },
};

/** "Nov 25, 16:43:05": the step log's times, to the second (steps often share a minute). */
function stepTime(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en-US', options).format(new Date(iso));
  }
}

const stepKinds: Record<JourneyStepKind, string> = { ENTERED: 'Entered', WAITING: 'Waiting', BRANCH: 'Left by', CONVERTED: 'Converted', ENDED: 'Ended' };

export function RunStatusBadge({ status }: { status: JourneyRunStatus }) {
  const { label, badge } = runStatus[status];
  return <span className={`badge ${badge}`}>{label}</span>;
}

/** "sendMessage" → "Send message". */
function humanize(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface NodeName {
  label: string;
  type: string;
}

/** Names of a journey's nodes per published version (a run interprets its own version). */
function useNodeNames(journeyId: string): (version: number, nodeId: string | null | undefined) => NodeName | null {
  const { data } = useQuery(JOURNEY_NODES_QUERY, { variables: { id: journeyId } });
  const byVersion = useMemo(() => {
    const map = new Map<number, Map<string, NodeName>>();
    for (const version of data?.journey?.versions ?? []) {
      const nodes = (version.definition as { nodes?: Array<{ id?: unknown; type?: unknown; label?: unknown }> } | null)?.nodes ?? [];
      const names = new Map<string, NodeName>();
      for (const node of nodes) {
        if (typeof node.id !== 'string') continue;
        const type = typeof node.type === 'string' ? node.type : 'node';
        names.set(node.id, { type, label: typeof node.label === 'string' && node.label.trim() ? node.label : humanize(type) });
      }
      map.set(version.version, names);
    }
    return map;
  }, [data]);
  return (version, nodeId) => (nodeId ? (byVersion.get(version)?.get(nodeId) ?? null) : null);
}

/** The journeys the user is or was in, newest entry first, each with its step log. */
export function JourneyRuns({ runs, timeZone }: { runs: readonly ProfileRun[]; timeZone: string }) {
  if (!runs.length) {
    return (
      <div className="panel">
        <EmptyState title="Not in any journey">When this user enters a live journey, the run and its step log appear here.</EmptyState>
      </div>
    );
  }
  return (
    <div className={styles.runs}>
      {runs.map((run) => (
        <RunCard key={run.id} run={run} timeZone={timeZone} />
      ))}
    </div>
  );
}

function RunCard({ run, timeZone }: { run: ProfileRun; timeZone: string }) {
  const [open, setOpen] = useState(run.status === 'ACTIVE');
  const nodeName = useNodeNames(run.journey.id);
  const nodeLabel = (nodeId: string | null | undefined) => {
    const name = nodeName(run.version, nodeId);
    return name ? name.label : (nodeId ?? '—');
  };
  const lastWait = [...run.steps].reverse().find((s) => s.kind === 'WAITING');
  const lastEnd = [...run.steps].reverse().find((s) => s.kind === 'ENDED');
  const stepsId = `run-steps-${run.id}`;

  return (
    <article className={`panel ${styles.run}`} aria-labelledby={`run-${run.id}`}>
      <header className={styles.runHeader}>
        <div>
          <h3 id={`run-${run.id}`} className={styles.runTitle}>
            <Link href={`/journeys/${run.journey.id}`}>{run.journey.name}</Link> <RunStatusBadge status={run.status} />
            {run.convertedAt ? <span className="badge badge--active">Converted</span> : null}
          </h3>
          <p className="muted">
            Entry {run.entryNumber} · version {run.version} · entered <time dateTime={run.enteredAt}>{formatDateTime(run.enteredAt, timeZone)}</time>
            {run.endedAt ? (
              <>
                {' '}
                · ended <time dateTime={run.endedAt}>{formatDateTime(run.endedAt, timeZone)}</time>
              </>
            ) : null}
          </p>
        </div>
        <button type="button" className="button button--secondary button--small" aria-expanded={open} aria-controls={stepsId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide step log' : `Step log (${run.steps.length})`}
        </button>
      </header>
      <p className={styles.runWhy}>
        {run.status === 'ACTIVE' ? (
          <>
            <span className="strong">Now at {nodeLabel(run.currentNodeId)}</span>
            {run.waitingSince ? <> since {formatRelative(run.waitingSince)}</> : null}
            {lastWait?.reason && lastWait.nodeId === run.currentNodeId ? <> — {lastWait.reason}</> : null}
            {run.listeningTo.length ? <span className="muted"> · listening for {run.listeningTo.join(', ')}</span> : null}
          </>
        ) : (
          <>
            <span className="strong">{runStatus[run.status].label}</span>
            {run.endReason || lastEnd?.reason ? <>: {run.endReason ?? lastEnd?.reason}</> : null}
          </>
        )}
      </p>
      {open ? (
        <div id={stepsId} className="table-wrap">
          {run.steps.length ? (
            <table className={`table ${styles.stepTable}`} aria-label={`Step log of ${run.journey.name}, entry ${run.entryNumber}`}>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Step</th>
                  <th scope="col">Node</th>
                  <th scope="col">Branch</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {run.steps.map((step) => {
                  const name = nodeName(run.version, step.nodeId);
                  return (
                    <tr key={step.seq}>
                      <td>
                        <time dateTime={step.at} title={formatDateTime(step.at, timeZone)}>
                          {stepTime(step.at, timeZone)}
                        </time>
                      </td>
                      <td>
                        <span className={`${styles.stepKind} ${styles[`step${step.kind}`] ?? ''}`}>{stepKinds[step.kind]}</span>
                      </td>
                      <td>
                        {name ? (
                          <span title={`${name.type} · ${step.nodeId}`}>{name.label}</span>
                        ) : (
                          <span className="mono">{step.nodeId ?? '—'}</span>
                        )}
                      </td>
                      <td>{step.branch ? <span className="mono">{step.branch}</span> : <span className="muted">—</span>}</td>
                      <td className={styles.reason}>
                        {step.reason ?? <span className="muted">—</span>}
                        {step.messageId ? <span className="muted"> · message <span className="mono">{step.messageId.slice(0, 8)}</span></span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <EmptyState title="No steps yet">The run has not reached its first node.</EmptyState>
          )}
        </div>
      ) : null}
    </article>
  );
}
