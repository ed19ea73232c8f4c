'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { errorDetails, fieldErrors } from '@/lib/errors';
import type { ApiKeyKind } from '@/lib/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { API_KEYS_QUERY, CREATE_API_KEY_MUTATION, REVOKE_API_KEY_MUTATION, type SettingsApiKey } from '../_queries';
import styles from './Settings.module.css';

const kindLabels: Record<ApiKeyKind, string> = { WRITE: 'Write key', SECRET: 'Secret key' };
const kindHints: Record<ApiKeyKind, string> = { WRITE: 'Ingestion (Segment-compatible HTTP API): safe in a server or app that sends events.', SECRET: 'The GraphQL API with admin rights: keep it on servers only.' };

export function ApiKeys() {
  const { isAdmin } = useViewer();
  if (!isAdmin) {
    return (
      <p className="read-only-note">
        Only admins can see and manage API keys: keys give access to the workspace&apos;s data. Ask an admin of the workspace for a key.
      </p>
    );
  }
  return <ApiKeysAdmin />;
}

function ApiKeysAdmin() {
  const { data, loading, error, refetch } = useQuery(API_KEYS_QUERY, { notifyOnNetworkStatusChange: true });
  const [created, setCreated] = useState<{ key: string; apiKey: SettingsApiKey } | null>(null);
  const [revoking, setRevoking] = useState<SettingsApiKey | null>(null);
  const [revoke, revocation] = useMutation(REVOKE_API_KEY_MUTATION);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const confirmRevoke = async () => {
    if (!revoking) return;
    try {
      await revoke({ variables: { id: revoking.id } });
      setRevoking(null);
      setRevokeError(null);
      if (created?.apiKey.id === revoking.id) setCreated(null);
    } catch (e) {
      setRevokeError(errorDetails(e).message);
    }
  };

  return (
    <div className={styles.stack}>
      <CreateKeyForm
        onCreated={async (result) => {
          setCreated(result);
          await refetch().catch(() => undefined);
        }}
      />
      {created ? <NewKey created={created} onDone={() => setCreated(null)} /> : null}

      <section className="panel" aria-labelledby="keys-title">
        <div className="panel__header">
          <h2 id="keys-title" className="panel__title">
            Keys
          </h2>
          <p className="panel__meta">Only a prefix of each key is kept in clear; the key itself is shown once, when created.</p>
        </div>
        {error && !data ? (
          <div className={styles.pad}>
            <ErrorState title="API keys could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />
          </div>
        ) : !data ? (
          <div className="skeleton-rows" aria-busy="true">
            <span className="visually-hidden">Loading API keys…</span>
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.4rem" />
            ))}
          </div>
        ) : data.apiKeys.length === 0 ? (
          <EmptyState title="No API keys">Create a write key to send events, or a secret key to use the GraphQL API.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="keys-title">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Key</th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.apiKeys.map((key) => (
                  <tr key={key.id} className={key.revokedAt ? styles.revoked : undefined}>
                    <td className="strong">{key.name}</td>
                    <td>{kindLabels[key.kind]}</td>
                    <td className="mono">{key.prefix}…</td>
                    <td>{formatDateTime(key.createdAt)}</td>
                    <td>{key.revokedAt ? <span className="badge badge--neutral" title={`Revoked ${formatDateTime(key.revokedAt)}`}>Revoked</span> : <span className="badge badge--active">Active</span>}</td>
                    <td className={styles.rowActions}>
                      {!key.revokedAt ? (
                        <button type="button" className="button button--danger-outline button--small" onClick={() => (setRevokeError(null), setRevoking(key))} aria-label={`Revoke ${key.name}`}>
                          Revoke
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? `Revoke “${revoking.name}”?` : 'Revoke key?'}
        confirmLabel="Revoke key"
        busy={revocation.loading}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void confirmRevoke()}
      >
        {revoking ? (
          <>
            Requests using the {kindLabels[revoking.kind].toLowerCase()} <span className="mono">{revoking.prefix}…</span> are refused (401) at once:{' '}
            {revoking.kind === 'WRITE' ? 'events sent with it will be lost' : 'integrations calling the API with it stop working'}. This cannot be undone.
            {revokeError ? (
              <span className="field__error" role="alert" style={{ display: 'block', marginTop: 8 }}>
                {revokeError}
              </span>
            ) : null}
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (result: { key: string; apiKey: SettingsApiKey }) => Promise<void> }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ApiKeyKind>('WRITE');
  const [localError, setLocalError] = useState<string | null>(null);
  const [create, { loading, error, reset }] = useMutation(CREATE_API_KEY_MUTATION);
  const { byField, general } = fieldErrors(error, ['input.name', 'input.kind']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    setLocalError(name.trim() ? null : 'Enter a name, e.g. “Website” or “Data warehouse sync”');
    if (!name.trim()) return;
    try {
      const result = await create({ variables: { input: { name: name.trim(), kind } } });
      if (result.data) {
        setName('');
        await onCreated(result.data.createApiKey);
      }
    } catch {
      // Shown next to the fields.
    }
  };

  return (
    <section className="panel" aria-labelledby="create-key-title">
      <div className="panel__header">
        <h2 id="create-key-title" className="panel__title">
          Create a key
        </h2>
      </div>
      <form className={styles.inlineForm} onSubmit={submit} noValidate>
        <Field label="Name" error={localError ?? byField['input.name']}>
          {(props) => <input {...props} className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Website" />}
        </Field>
        <Field label="Kind" hint={kindHints[kind]} error={byField['input.kind']}>
          {(props) => (
            <select {...props} className="select" value={kind} onChange={(e) => setKind(e.target.value as ApiKeyKind)}>
              <option value="WRITE">Write key (ingestion)</option>
              <option value="SECRET">Secret key (GraphQL API)</option>
            </select>
          )}
        </Field>
        <div className={styles.formActions}>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create key'}
          </button>
        </div>
        {general ? (
          <p className={`field__error ${styles.full}`} role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** The new key, once: a warning, the key, and a copy button. */
function NewKey({ created, onDone }: { created: { key: string; apiKey: SettingsApiKey }; onDone: () => void }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created.key]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className={`panel ${styles.newKey}`} aria-labelledby="new-key-title" role="region">
      <div className={styles.newKeyBody}>
        <h2 id="new-key-title" className="panel__title" tabIndex={-1} ref={heading}>
          Your new {kindLabels[created.apiKey.kind].toLowerCase()} “{created.apiKey.name}”
        </h2>
        <p className={styles.warning} role="alert">
          Copy this key now and store it somewhere safe. It is shown only this once: Tideflow keeps only its hash and cannot show it again.
        </p>
        <div className={styles.keyRow}>
          <label className="visually-hidden" htmlFor="new-api-key">
            New API key
          </label>
          <input id="new-api-key" className={`input mono ${styles.keyInput}`} readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            {copied === 'copied' ? 'Copied' : 'Copy key'}
          </button>
        </div>
        <p className="muted" aria-live="polite">
          {copied === 'copied' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser did not allow copying: select the key and copy it by hand.' : ' '}
        </p>
        <div>
          <button type="button" className="button button--secondary" onClick={onDone}>
            I have stored it
          </button>
        </div>
      </div>
    </section>
  );
}
