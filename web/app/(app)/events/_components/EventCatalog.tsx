'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { errorDetails, fieldErrors } from '@/lib/errors';
import { formatCount, formatDateTime, formatRelative } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { type CatalogDefinition, EVENT_CATALOG_QUERY, RENAME_EVENT_MUTATION, SET_EVENT_STATUS_MUTATION } from '../_queries';
import { EventGroups } from './EventGroups';
import styles from './Events.module.css';
import { Sparkline } from './Sparkline';

type StatusFilter = 'all' | 'ACTIVE' | 'BLOCKED';

export function EventCatalog() {
  const { canEdit, workspace } = useViewer();
  const { data, loading, error, refetch } = useQuery(EVENT_CATALOG_QUERY, { notifyOnNetworkStatusChange: true });
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [blocking, setBlocking] = useState<CatalogDefinition | null>(null);
  const [setEventStatus, statusChange] = useMutation(SET_EVENT_STATUS_MUTATION);
  const [statusError, setStatusError] = useState<{ name: string; message: string } | null>(null);
  const id = useId();

  const changeStatus = async (definition: CatalogDefinition, next: 'ACTIVE' | 'BLOCKED') => {
    setStatusError(null);
    try {
      await setEventStatus({ variables: { input: { name: definition.name, status: next } } });
      setBlocking(null);
    } catch (e) {
      setBlocking(null);
      setStatusError({ name: definition.name, message: errorDetails(e).message });
    }
  };

  const header = <PageHeader eyebrow="Data" title="Events" meta={`Every event name your integrations send, with its counts. Times in ${workspace.timezone}.`} />;

  if (error && !data) {
    return (
      <>
        {header}
        <ErrorState title="The event catalog could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        {header}
        <div className="panel" aria-busy="true">
          <span className="visually-hidden">Loading the event catalog…</span>
          <div className="skeleton-rows">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.6rem" />
            ))}
          </div>
        </div>
      </>
    );
  }

  const needle = search.trim().toLowerCase();
  const definitions = data.eventDefinitions.filter(
    (d) => (status === 'all' || d.status === status) && (!needle || d.name.toLowerCase().includes(needle) || d.displayName.toLowerCase().includes(needle)),
  );
  const blockedCount = data.eventDefinitions.filter((d) => d.status === 'BLOCKED').length;

  return (
    <>
      {header}
      {!canEdit ? <p className="read-only-note">You have view access: renaming and blocking events and editing event groups need an editor or admin.</p> : null}

      <section className="panel" aria-labelledby="catalog-title">
        <div className="panel__header">
          <h2 id="catalog-title" className="panel__title">
            Catalog
          </h2>
          <p className="panel__meta">
            {formatCount(data.eventDefinitions.length)} events{blockedCount ? ` · ${formatCount(blockedCount)} blocked` : ''}
          </p>
        </div>
        {data.eventDefinitions.length > 0 ? (
          <div className={styles.toolbar} role="search" aria-label="Filter events">
            <label className="visually-hidden" htmlFor={`${id}-search`}>
              Search events
            </label>
            <input id={`${id}-search`} className={`input ${styles.search}`} type="search" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.target.value)} />
            <label className="visually-hidden" htmlFor={`${id}-status`}>
              Status
            </label>
            <select id={`${id}-status`} className={`select ${styles.statusSelect}`} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="all">All statuses</option>
              <option value="ACTIVE">Active</option>
              <option value="BLOCKED">Blocked</option>
            </select>
          </div>
        ) : null}
        {statusError ? (
          <p className={`field__error ${styles.inlineError}`} role="alert">
            Could not change “{statusError.name}”: {statusError.message}
          </p>
        ) : null}
        {data.eventDefinitions.length === 0 ? (
          <EmptyState title="No events yet">
            Event names enter the catalog by themselves when your integrations send them (<span className="mono">POST /v1/track</span>).
          </EmptyState>
        ) : definitions.length === 0 ? (
          <EmptyState title="No events match">Try another name or status.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className={`table ${styles.table}`} aria-labelledby="catalog-title">
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Group</th>
                  <th scope="col" className="num">
                    Count
                  </th>
                  <th scope="col">Last 30 days</th>
                  <th scope="col">Last seen</th>
                  <th scope="col">Status</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {definitions.map((definition) => (
                  <EventRow
                    key={definition.id}
                    definition={definition}
                    canEdit={canEdit}
                    timeZone={workspace.timezone}
                    busy={statusChange.loading}
                    onBlock={() => setBlocking(definition)}
                    onUnblock={() => void changeStatus(definition, 'ACTIVE')}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <EventGroups groups={data.eventGroups} definitions={data.eventDefinitions} canEdit={canEdit} onChanged={() => refetch()} />

      <ConfirmDialog
        open={blocking !== null}
        title={blocking ? `Block “${blocking.displayName}”?` : 'Block event?'}
        confirmLabel="Block event"
        busy={statusChange.loading}
        onCancel={() => setBlocking(null)}
        onConfirm={() => blocking && void changeStatus(blocking, 'BLOCKED')}
      >
        {blocking ? (
          <>
            New <span className="mono">{blocking.name}</span> events will be accepted and dropped (and counted as dropped), so journeys and segments stop seeing them. The{' '}
            {formatCount(blocking.count)} events already stored stay. You can unblock it at any time.
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function StatusBadge({ definition }: { definition: CatalogDefinition }) {
  return definition.status === 'BLOCKED' ? (
    <span className="badge badge--blocked" title={`${formatCount(definition.droppedCount)} dropped while blocked`}>
      Blocked
    </span>
  ) : (
    <span className="badge badge--active">Active</span>
  );
}

function EventRow({
  definition,
  canEdit,
  timeZone,
  busy,
  onBlock,
  onUnblock,
}: {
  definition: CatalogDefinition;
  canEdit: boolean;
  timeZone: string;
  busy: boolean;
  onBlock: () => void;
  onUnblock: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  // Back to the Rename button when the inline form closes (saved or cancelled).
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  return (
    <tr className={definition.status === 'BLOCKED' ? styles.blockedRow : undefined}>
      <td className={styles.displayName}>
        {renaming ? <RenameForm definition={definition} onDone={() => setRenaming(false)} /> : <span className="strong">{definition.displayName}</span>}
        <div className={`mono muted ${styles.sentName}`} title="The name integrations send">
          {definition.name}
        </div>
      </td>
      <td>{definition.group ? <span className="badge badge--info">{definition.group.name}</span> : <span className="muted">—</span>}</td>
      <td className="num">
        {formatCount(definition.count)}
        {definition.droppedCount ? <div className={styles.dropped}>{formatCount(definition.droppedCount)} dropped</div> : null}
      </td>
      <td>
        <Sparkline points={definition.dailyCounts} muted={definition.status === 'BLOCKED'} />
      </td>
      <td>
        <time dateTime={definition.lastSeenAt} title={formatDateTime(definition.lastSeenAt, timeZone)}>
          {formatRelative(definition.lastSeenAt)}
        </time>
      </td>
      <td>
        <StatusBadge definition={definition} />
      </td>
      {canEdit ? (
        <td className={styles.actions}>
          {!renaming ? (
            <button ref={renameButton} type="button" className="button button--ghost button--small" onClick={() => setRenaming(true)} aria-label={`Rename ${definition.displayName}`}>
              Rename
            </button>
          ) : null}
          {definition.system ? (
            <span className={styles.systemNote} title="Identify, group and alias calls update profiles; they cannot be blocked">
              System
            </span>
          ) : definition.status === 'BLOCKED' ? (
            <button type="button" className="button button--secondary button--small" onClick={onUnblock} disabled={busy} aria-label={`Unblock ${definition.displayName}`}>
              Unblock
            </button>
          ) : (
            <button type="button" className="button button--danger-outline button--small" onClick={onBlock} disabled={busy} aria-label={`Block ${definition.displayName}`}>
              Block
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}

function RenameForm({ definition, onDone }: { definition: CatalogDefinition; onDone: () => void }) {
  const [value, setValue] = useState(definition.displayName);
  const [localError, setLocalError] = useState<string | null>(null);
  const [rename, { loading, error, reset }] = useMutation(RENAME_EVENT_MUTATION);
  const { byField, general } = fieldErrors(error, ['input.displayName', 'input.name']);
  const message = localError ?? byField['input.displayName'] ?? byField['input.name'] ?? general;
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    reset();
    if (!value.trim()) return setLocalError('Enter a display name');
    if (value.trim() === definition.displayName) return onDone();
    try {
      await rename({ variables: { input: { name: definition.name, displayName: value } } });
      onDone();
    } catch {
      // Shown next to the field.
    }
  };

  return (
    <form className={styles.renameForm} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onDone())}>
      <label className="visually-hidden" htmlFor={`${id}-name`}>
        Display name of {definition.name}
      </label>
      <div className={styles.renameRow}>
        <input
          id={`${id}-name`}
          className="input"
          value={value}
          maxLength={300}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${id}-error` : undefined}
          autoFocus
        />
        <button type="submit" className="button button--primary button--small" disabled={loading}>
          {loading ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone} disabled={loading}>
          Cancel
        </button>
      </div>
      {message ? (
        <span id={`${id}-error`} className="field__error" role="alert">
          {message}
        </span>
      ) : null}
    </form>
  );
}
