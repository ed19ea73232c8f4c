'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Fragment, useEffect, useId, useMemo, useState } from 'react';
import { MessageCells } from '@/components/MessageCells';
import { PageHeader } from '@/components/PageHeader';
import { Pager, useCursorPages } from '@/components/Pager';
import { EmptyState, ErrorState, ListCount, showsPreviousRows, Skeleton } from '@/components/states';
import { fieldErrors } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { MESSAGE_LOG_JOURNEYS_QUERY, MESSAGE_LOG_QUERY, type LoggedMessage } from '../_queries';
import { MessageBody } from './MessageBody';
import { type AppliedMessageFilter, messageFilterSearchParams, readMessageFilter, toMessageFilter } from './messageFilter';
import styles from './Messages.module.css';

const PAGE_SIZE = 25;

/** Every message and webhook call of the workspace, newest first; the outbox is the view of email kept without an SMTP server. */
export function MessageLog() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { workspace } = useViewer();
  const applied = useMemo(() => readMessageFilter(new URLSearchParams(params.toString())), [params]);
  const key = messageFilterSearchParams(applied);
  const apply = (next: AppliedMessageFilter) => router.replace(`${pathname}${messageFilterSearchParams(next)}`, { scroll: false });
  const [open, setOpen] = useState<string | null>(null);

  const pages = useCursorPages(PAGE_SIZE, key);
  const messages = useQuery(MESSAGE_LOG_QUERY, { variables: { filter: toMessageFilter(applied), ...pages.variables }, notifyOnNetworkStatusChange: true });
  const journeys = useQuery(MESSAGE_LOG_JOURNEYS_QUERY);
  const journeyName = new Map((journeys.data?.journeys ?? []).map((j) => [j.id, j.name]));
  const { byField } = fieldErrors(messages.error, ['filter.userId', 'filter.provider']);
  const filterProblem = Object.keys(byField).length > 0;
  const connection = messages.data?.messages ?? messages.previousData?.messages;
  const stale = showsPreviousRows(messages);
  const outbox = applied.provider === 'outbox';

  return (
    <>
      <PageHeader
        eyebrow="Delivery"
        title="Messages"
        meta="Every email and webhook your journeys and test sends made, newest first. Each is sent once per step: a retry never sends it twice."
      />
      <div className={styles.views} role="group" aria-label="Views">
        <button type="button" className={`button ${outbox ? 'button--ghost' : ''}`} aria-pressed={!outbox} onClick={() => apply({ ...applied, provider: '' })}>
          All messages
        </button>
        <button type="button" className={`button ${outbox ? '' : 'button--ghost'}`} aria-pressed={outbox} onClick={() => apply({ ...applied, provider: 'outbox', channel: '' })}>
          Outbox
        </button>
      </div>
      <MessageFilters applied={applied} onApply={apply} journeys={journeys.data?.journeys ?? []} userError={byField['filter.userId'] ?? null} />
      <section className="panel" aria-labelledby="messages-title" aria-busy={messages.loading}>
        <div className="panel__header">
          <h2 id="messages-title" className="panel__title">
            {outbox ? 'Outbox' : key ? 'Matching messages' : 'All messages'}
          </h2>
          <ListCount updating={stale} count={connection && !filterProblem && !messages.error ? connection.totalCount : null} noun="messages" />
        </div>
        {outbox ? (
          <p className="panel__meta">
            Email is kept here, not sent, while no SMTP server is set in <Link href="/settings">Settings → Channels</Link>.
          </p>
        ) : null}
        {filterProblem ? (
          <EmptyState title="Fix the filter to see messages">The filter marked above cannot be applied.</EmptyState>
        ) : messages.error ? (
          <ErrorState title="Messages could not be loaded" error={messages.error} retrying={messages.loading} onRetry={() => void messages.refetch().catch(() => undefined)} />
        ) : !connection ? (
          <div className="skeleton-rows" aria-live="polite">
            <span className="visually-hidden">Loading messages…</span>
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.25rem" />
            ))}
          </div>
        ) : connection.edges.length === 0 ? (
          key ? (
            <EmptyState title={outbox ? 'The outbox is empty' : 'No messages match'}>
              Try other filters, or <Link href={pathname}>see all messages</Link>.
            </EmptyState>
          ) : (
            <EmptyState title="No messages yet">Email and webhook steps of published journeys, and test sends from Settings, are recorded here.</EmptyState>
          )
        ) : (
          <>
            <div className="table-wrap" data-stale={stale || undefined}>
              <table className="table" aria-label={outbox ? 'Outbox' : 'Messages'}>
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">User</th>
                    <th scope="col">Channel</th>
                    <th scope="col">Subject / recipient</th>
                    <th scope="col">Status</th>
                    <th scope="col">Journey</th>
                    <th scope="col">
                      <span className="visually-hidden">Open</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node }) => (
                    <Fragment key={node.id}>
                      <MessageRow message={node} timeZone={workspace.timezone} journeyName={node.journeyId ? journeyName.get(node.journeyId) : undefined} open={open === node.id} onToggle={() => setOpen(open === node.id ? null : node.id)} />
                      {open === node.id ? (
                        <tr className={styles.details}>
                          <td colSpan={7}>
                            <MessageDetails message={node} timeZone={workspace.timezone} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              noun="messages"
              offset={pages.offset}
              count={connection.edges.length}
              total={connection.totalCount}
              hasPrevious={pages.has(connection.pageInfo).previous}
              hasNext={pages.has(connection.pageInfo).next}
              onPrevious={() => pages.previous(connection.pageInfo.startCursor)}
              onNext={() => pages.next(connection.pageInfo.endCursor)}
              loading={messages.loading}
            />
          </>
        )}
      </section>
    </>
  );
}

function MessageRow({ message, timeZone, journeyName, open, onToggle }: { message: LoggedMessage; timeZone: string; journeyName: string | undefined; open: boolean; onToggle: () => void }) {
  const who = message.user ? (message.user.externalId ?? message.user.email ?? 'Anonymous') : null;
  const what = message.subject ?? message.recipient ?? message.id.slice(0, 8);
  return (
    <tr>
      <td>
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, timeZone)}</time>
      </td>
      <td>{message.user ? <Link href={`/users/${message.user.id}`}>{who}</Link> : <span className="muted">—</span>}</td>
      <MessageCells message={message} showError={false} />
      <td>{message.journeyId ? <Link href={`/journeys/${message.journeyId}`}>{journeyName ?? 'Open journey'}</Link> : <span className="muted">—</span>}</td>
      <td>
        <button type="button" className="button button--ghost button--small" aria-expanded={open} aria-label={`${open ? 'Close' : 'Open'} ${what}`} onClick={onToggle}>
          {open ? 'Close' : 'Open'}
        </button>
      </td>
    </tr>
  );
}

function MessageDetails({ message, timeZone }: { message: LoggedMessage; timeZone: string }) {
  return (
    <section aria-label={`Message ${message.subject ?? message.recipient ?? message.id}`}>
      <dl className={styles.detailsMeta}>
        <div>
          <dt className="muted">Sent</dt>
          <dd>{message.sentAt ? formatDateTime(message.sentAt, timeZone) : '—'}</dd>
        </div>
        <div>
          <dt className="muted">Attempts</dt>
          <dd>{message.attempts}</dd>
        </div>
        {message.nodeId ? (
          <div>
            <dt className="muted">Step</dt>
            <dd className="mono">{message.nodeId}</dd>
          </div>
        ) : null}
        <div>
          <dt className="muted">Message id</dt>
          <dd className="mono">{message.id}</dd>
        </div>
      </dl>
      {message.error ? <p className="field__error">{message.error}</p> : null}
      <MessageBody message={message} />
    </section>
  );
}

function MessageFilters({ applied, onApply, journeys, userError }: { applied: AppliedMessageFilter; onApply: (next: AppliedMessageFilter) => void; journeys: readonly { id: string; name: string }[]; userError: string | null }) {
  const id = useId();
  const [user, setUser] = useState(applied.userId);
  useEffect(() => setUser(applied.userId), [applied.userId]);
  return (
    <form
      className={`panel ${styles.filters}`}
      role="search"
      aria-label="Filter messages"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...applied, userId: user.trim() });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-channel`}>
          Channel
        </label>
        <select id={`${id}-channel`} className="select" value={applied.channel} onChange={(e) => onApply({ ...applied, channel: e.target.value as AppliedMessageFilter['channel'] })}>
          <option value="">Any channel</option>
          <option value="EMAIL">Email</option>
          <option value="WEBHOOK">Webhook</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select id={`${id}-status`} className="select" value={applied.status} onChange={(e) => onApply({ ...applied, status: e.target.value as AppliedMessageFilter['status'] })}>
          <option value="">Any status</option>
          <option value="SENT">Sent</option>
          <option value="FAILED">Failed</option>
          <option value="SENDING">Sending</option>
          <option value="UNCONFIRMED">Unconfirmed</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-provider`}>
          Provider
        </label>
        <select id={`${id}-provider`} className="select" value={applied.provider} onChange={(e) => onApply({ ...applied, provider: e.target.value as AppliedMessageFilter['provider'] })}>
          <option value="">Any provider</option>
          <option value="smtp">SMTP</option>
          <option value="outbox">Outbox</option>
          <option value="http">HTTP</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-journey`}>
          Journey
        </label>
        <select id={`${id}-journey`} className="select" value={applied.journeyId} onChange={(e) => onApply({ ...applied, journeyId: e.target.value })}>
          <option value="">Any journey</option>
          {journeys.map((journey) => (
            <option key={journey.id} value={journey.id}>
              {journey.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-user`}>
          User
        </label>
        <input
          id={`${id}-user`}
          className="input"
          type="search"
          placeholder="userId or Tideflow id"
          value={user}
          aria-invalid={Boolean(userError)}
          aria-describedby={userError ? `${id}-user-error` : undefined}
          onChange={(e) => setUser(e.target.value)}
        />
        {userError ? (
          <p id={`${id}-user-error`} className="field__error">
            {userError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        Filter
      </button>
    </form>
  );
}
