'use client';

import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { EmptyState } from '@/components/states';
import { errorDetails, fieldErrors } from '@/lib/errors';
import { formatCount } from '@/lib/format';
import { type CatalogDefinition, type CatalogGroup, CREATE_EVENT_GROUP_MUTATION, DELETE_EVENT_GROUP_MUTATION, UPDATE_EVENT_GROUP_MUTATION } from '../_queries';
import styles from './Events.module.css';

/** Event groups (several names reported as one): list, create, edit members, delete. */
export function EventGroups({ groups, definitions, canEdit, onChanged }: { groups: readonly CatalogGroup[]; definitions: readonly CatalogDefinition[]; canEdit: boolean; onChanged: () => Promise<unknown> }) {
  const [editing, setEditing] = useState<CatalogGroup | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CatalogGroup | null>(null);
  const [deleteGroup, deletion] = useMutation(DELETE_EVENT_GROUP_MUTATION);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await deleteGroup({ variables: { id: deleting.id } });
      await onChanged();
      setDeleting(null);
      setDeleteError(null);
    } catch (e) {
      setDeleteError(errorDetails(e).message);
    }
  };

  return (
    <section className={`panel ${styles.groups}`} aria-labelledby="groups-title">
      <div className="panel__header">
        <div>
          <h2 id="groups-title" className="panel__title">
            Event groups
          </h2>
          <p className="panel__meta">Several event names reported as one, e.g. buy_byCOD + buy_byCC → Purchase.</p>
        </div>
        {canEdit ? (
          <button type="button" className="button button--primary button--small" onClick={() => setEditing('new')}>
            New group
          </button>
        ) : null}
      </div>
      {groups.length === 0 ? (
        <EmptyState title="No event groups">{canEdit ? 'Create a group to use several event names as one in segments and journeys.' : 'An editor can group event names here.'}</EmptyState>
      ) : (
        <ul className={styles.groupList}>
          {groups.map((group) => (
            <li key={group.id} className={styles.group}>
              <div className={styles.groupBody}>
                <h3 className={styles.groupName}>{group.name}</h3>
                {group.description ? <p className="muted">{group.description}</p> : null}
                <p className={styles.members}>
                  {group.events.length ? (
                    group.events.map((event) => (
                      <span key={event.id} className="badge badge--neutral" title={event.name}>
                        {event.displayName}
                      </span>
                    ))
                  ) : (
                    <span className="muted">No events</span>
                  )}
                </p>
              </div>
              {canEdit ? (
                <div className={styles.groupActions}>
                  <button type="button" className="button button--secondary button--small" onClick={() => setEditing(group)} aria-label={`Edit group ${group.name}`}>
                    Edit
                  </button>
                  <button type="button" className="button button--danger-outline button--small" onClick={() => (setDeleteError(null), setDeleting(group))} aria-label={`Delete group ${group.name}`}>
                    Delete
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {editing ? (
        <GroupDialog
          group={editing === 'new' ? null : editing}
          definitions={definitions}
          onClose={() => setEditing(null)}
          onSaved={onChanged}
        />
      ) : null}

      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete group “${deleting.name}”?` : 'Delete group?'}
        confirmLabel="Delete group"
        busy={deletion.loading}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void confirmDelete()}
      >
        {deleting ? (
          <>
            Its {formatCount(deleting.events.length)} {deleting.events.length === 1 ? 'event stays' : 'events stay'} in the catalog, ungrouped. Segments or journeys that use the group by name stop matching it.
            {deleteError ? (
              <span className="field__error" role="alert" style={{ display: 'block', marginTop: 8 }}>
                {deleteError}
              </span>
            ) : null}
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

/** Create or edit a group in a native <dialog>: name, description, and the events it groups. */
function GroupDialog({ group, definitions, onClose, onSaved }: { group: CatalogGroup | null; definitions: readonly CatalogDefinition[]; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [members, setMembers] = useState<string[]>(group?.events.map((e) => e.name) ?? []);
  const [filter, setFilter] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [create, creation] = useMutation(CREATE_EVENT_GROUP_MUTATION);
  const [update, updating] = useMutation(UPDATE_EVENT_GROUP_MUTATION);
  const error = creation.error ?? updating.error;
  const busy = creation.loading || updating.loading;
  const { byField, general } = fieldErrors(error, ['input.name', 'input.description', 'input.eventNames', 'input.id']);
  const eventsError = Object.entries(byField)
    .filter(([field]) => field.startsWith('input.eventNames'))
    .map(([, message]) => message)
    .join(' · ');

  useEffect(() => {
    // Focus goes back to what opened the dialog when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => opener?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems['input.name'] = 'Enter a name';
    setLocalErrors(problems);
    if (Object.keys(problems).length) return;
    creation.reset();
    updating.reset();
    try {
      if (group) await update({ variables: { input: { id: group.id, name: name.trim(), description: description.trim() || null, eventNames: members } } });
      else await create({ variables: { input: { name: name.trim(), description: description.trim() || null, eventNames: members } } });
      await onSaved();
      onClose();
    } catch {
      // Shown next to the fields.
    }
  };

  const needle = filter.trim().toLowerCase();
  const visible = definitions.filter((d) => !needle || d.name.toLowerCase().includes(needle) || d.displayName.toLowerCase().includes(needle));
  const toggle = (eventName: string, on: boolean) => setMembers((list) => (on ? [...list, eventName] : list.filter((n) => n !== eventName)));

  return (
    <dialog ref={dialog} className={`dialog ${styles.groupDialog}`} aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), onClose())}>
      <form className="dialog__body" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="dialog__title">
          {group ? `Edit “${group.name}”` : 'New event group'}
        </h2>
        <Field label="Name" error={localErrors['input.name'] ?? byField['input.name']}>
          {(props) => <input {...props} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
        </Field>
        <Field label="Description" hint="Optional" error={byField['input.description']}>
          {(props) => <input {...props} className="input" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <fieldset className={styles.picker} aria-describedby={eventsError ? `${id}-events-error` : `${id}-events-hint`}>
          <legend className="field__label">
            Events <span className="muted">({formatCount(members.length)} selected)</span>
          </legend>
          <label className="visually-hidden" htmlFor={`${id}-filter`}>
            Filter events
          </label>
          <input id={`${id}-filter`} className="input" type="search" placeholder="Filter events" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <div className={styles.pickerList}>
            {visible.length === 0 ? <p className="muted">No events match.</p> : null}
            {visible.map((definition) => {
              const elsewhere = definition.group && definition.group.id !== group?.id ? definition.group.name : null;
              const checked = members.includes(definition.name);
              return (
                <label key={definition.id} className={`${styles.pickerItem} ${elsewhere ? styles.pickerItemDisabled : ''}`}>
                  <input type="checkbox" checked={checked} disabled={Boolean(elsewhere) && !checked} onChange={(e) => toggle(definition.name, e.target.checked)} />
                  <span>
                    {definition.displayName}
                    {definition.displayName !== definition.name ? <span className="mono muted"> {definition.name}</span> : null}
                  </span>
                  {elsewhere ? <span className="muted"> in {elsewhere}</span> : <span className="muted num">{formatCount(definition.count)}</span>}
                </label>
              );
            })}
          </div>
          {eventsError ? (
            <span id={`${id}-events-error`} className="field__error" role="alert">
              {eventsError}
            </span>
          ) : (
            <span id={`${id}-events-hint`} className="field__hint">
              An event belongs to one group at most.
            </span>
          )}
        </fieldset>
        {general ? (
          <p className="field__error" role="alert">
            {general}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : group ? 'Save group' : 'Create group'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
