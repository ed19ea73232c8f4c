'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { MessageStatusBadge } from '@/components/MessageCells';
import { ErrorState, Skeleton } from '@/components/states';
import { fieldErrors } from '@/lib/errors';
import type { SettingsSendTestMessageMutation, TestMessageChannel } from '@/lib/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { CHANNELS_QUERY, type EmailChannelSettings, SEND_TEST_MESSAGE_MUTATION, UPDATE_EMAIL_CHANNEL_MUTATION, UPDATE_WEBHOOK_CHANNEL_MUTATION, type WebhookChannelSettings } from '../_queries';
import styles from './Settings.module.css';

export function Channels() {
  const { isAdmin, canEdit } = useViewer();
  const { data, loading, error, refetch } = useQuery(CHANNELS_QUERY, { notifyOnNetworkStatusChange: true });
  // Kept here: a save remounts the form with what is stored (see the keys below).
  const [notices, setNotices] = useState<{ email?: string; webhook?: string }>({});

  if (error && !data) return <ErrorState title="Channel settings could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) {
    return (
      <div className="panel" aria-busy="true">
        <span className="visually-hidden">Loading channel settings…</span>
        <div className="skeleton-rows">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.6rem" />
          ))}
        </div>
      </div>
    );
  }
  return (
    <div className={styles.stack}>
      {!isAdmin ? (
        <p className="read-only-note">
          Only admins can change channel settings (they hold the SMTP password and webhook secrets).{' '}
          {canEdit ? 'You can send test messages.' : 'As a viewer you can read them but not send tests.'}
        </p>
      ) : null}
      {/* Keyed by the saved values, so a save (or another admin's) resets the form to what is stored. */}
      <EmailChannelForm
        key={JSON.stringify(data.channelSettings.email)}
        email={data.channelSettings.email}
        editable={isAdmin}
        notice={notices.email ?? null}
        onNotice={(email) => setNotices((n) => ({ ...n, email }))}
      />
      <WebhookChannelForm
        key={JSON.stringify(data.channelSettings.webhook)}
        webhook={data.channelSettings.webhook}
        editable={isAdmin}
        notice={notices.webhook ?? null}
        onNotice={(webhook) => setNotices((n) => ({ ...n, webhook }))}
      />
      <TestSend enabled={canEdit} emailMode={data.channelSettings.email.mode} />
    </div>
  );
}

function EmailChannelForm({ email, editable, notice, onNotice }: { email: EmailChannelSettings; editable: boolean; notice: string | null; onNotice: (notice: string | undefined) => void }) {
  const [host, setHost] = useState(email.smtpHost ?? '');
  const [port, setPort] = useState(email.smtpPort != null ? String(email.smtpPort) : '');
  const [secure, setSecure] = useState(email.smtpSecure);
  const [user, setUser] = useState(email.smtpUser ?? '');
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [fromEmail, setFromEmail] = useState(email.fromEmail);
  const [fromName, setFromName] = useState(email.fromName ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [update, { loading, error, reset }] = useMutation(UPDATE_EMAIL_CHANNEL_MUTATION, { refetchQueries: [CHANNELS_QUERY], awaitRefetchQueries: true });
  const fields = ['input.smtpHost', 'input.smtpPort', 'input.smtpSecure', 'input.smtpUser', 'input.smtpPassword', 'input.fromEmail', 'input.fromName'];
  const { byField, general } = fieldErrors(error, fields);
  const errorOf = (field: string) => local[field] ?? byField[field];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    onNotice(undefined);
    const problems: Record<string, string> = {};
    const portNumber = port.trim() ? Number(port) : null;
    if (portNumber !== null && (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535)) problems['input.smtpPort'] = 'Enter a port number (1–65535)';
    if (!fromEmail.trim()) problems['input.fromEmail'] = 'Enter the sender address';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    try {
      await update({
        variables: {
          input: {
            smtpHost: host.trim() || null,
            smtpPort: portNumber,
            smtpSecure: secure,
            smtpUser: user.trim() || null,
            ...(removePassword ? { smtpPassword: null } : password ? { smtpPassword: password } : {}),
            fromEmail: fromEmail.trim(),
            fromName: fromName.trim() || null,
          },
        },
      });
      onNotice('Saved.');
    } catch {
      // Shown next to the fields.
    }
  };

  return (
    <section className="panel" aria-labelledby="email-channel-title">
      <div className="panel__header">
        <h2 id="email-channel-title" className="panel__title">
          Email (SMTP)
        </h2>
        {email.mode === 'SMTP' ? (
          <span className="badge badge--active">Sending through {email.smtpHost}</span>
        ) : (
          <span className="badge badge--info" title="No SMTP server: email is kept in the outbox">
            Outbox mode
          </span>
        )}
      </div>
      <form className={styles.form} onSubmit={submit} noValidate>
        {email.mode === 'OUTBOX' ? <p className={`muted ${styles.full}`}>No SMTP server is set, so email is kept in the outbox instead of being sent. Enter a host to send for real.</p> : null}
        <fieldset className={styles.fieldset} disabled={!editable}>
          <legend className="visually-hidden">SMTP server and sender</legend>
          <div className={styles.grid}>
            <Field label="SMTP host" hint="Empty: keep email in the outbox." error={errorOf('input.smtpHost')}>
              {(props) => <input {...props} className="input" value={host} onChange={(e) => setHost(e.target.value)} placeholder="smtp.example.com" autoComplete="off" />}
            </Field>
            <Field label="Port" hint="587 (STARTTLS) or 465 (TLS)" error={errorOf('input.smtpPort')}>
              {(props) => <input {...props} className="input" value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" placeholder="587" />}
            </Field>
            <Field label="User name" error={errorOf('input.smtpUser')}>
              {(props) => <input {...props} className="input" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" />}
            </Field>
            <Field
              label="Password"
              hint={email.hasPassword ? 'A password is stored (encrypted, never shown). Leave empty to keep it.' : 'Write-only: stored encrypted, never shown again.'}
              error={errorOf('input.smtpPassword')}
            >
              {(props) => (
                <input
                  {...props}
                  className="input"
                  type="password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  placeholder={email.hasPassword ? '•••••••• stored' : ''}
                  autoComplete="new-password"
                  disabled={removePassword || !editable}
                />
              )}
            </Field>
            <label className={`${styles.checkbox} ${styles.full}`}>
              <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} /> Use TLS from the start (port 465); otherwise STARTTLS when the server offers it
            </label>
            {email.hasPassword ? (
              <label className={`${styles.checkbox} ${styles.full}`}>
                <input type="checkbox" checked={removePassword} onChange={(e) => setRemovePassword(e.target.checked)} /> Remove the stored password
              </label>
            ) : null}
            <Field label="From address" error={errorOf('input.fromEmail')}>
              {(props) => <input {...props} className="input" type="email" value={fromEmail} onChange={(e) => setFromEmail(e.target.value)} />}
            </Field>
            <Field label="From name" hint="Optional" error={errorOf('input.fromName')}>
              {(props) => <input {...props} className="input" value={fromName} onChange={(e) => setFromName(e.target.value)} placeholder="Demo Store" />}
            </Field>
          </div>
        </fieldset>
        {editable ? (
          <div className={styles.formFooter}>
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? 'Saving…' : 'Save email settings'}
            </button>
            <span aria-live="polite" className={styles.saved}>
              {notice ?? ''}
            </span>
            {general ? (
              <span className="field__error" role="alert">
                {general}
              </span>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}

interface HeaderRow {
  name: string;
  value: string;
}

function WebhookChannelForm({ webhook, editable, notice, onNotice }: { webhook: WebhookChannelSettings; editable: boolean; notice: string | null; onNotice: (notice: string | undefined) => void }) {
  const id = useId();
  const [timeout, setTimeoutSeconds] = useState(String(webhook.timeoutSeconds));
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [confirmClear, setConfirmClear] = useState(false);
  const [update, { loading, error, reset }] = useMutation(UPDATE_WEBHOOK_CHANNEL_MUTATION, { refetchQueries: [CHANNELS_QUERY], awaitRefetchQueries: true });
  const { byField, general } = fieldErrors(error, ['input.headers', 'input.timeoutSeconds']);
  const errorOf = (field: string) => local[field] ?? byField[field];

  const startEditing = () => {
    reset();
    setLocal({});
    setRows(webhook.headerNames.length ? webhook.headerNames.map((name) => ({ name, value: '' })) : [{ name: '', value: '' }]);
    setEditing(true);
  };

  const save = async (input: { headers?: HeaderRow[]; timeoutSeconds?: number }, what: string) => {
    reset();
    onNotice(undefined);
    try {
      await update({ variables: { input } });
      onNotice(what);
      return true;
    } catch {
      return false;
    }
  };

  const saveHeaders = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const kept = rows.filter((row) => row.name.trim() || row.value);
    kept.forEach((row, index) => {
      if (!row.name.trim()) problems[`input.headers.${index}.name`] = 'Enter a header name';
      if (!row.value) problems[`input.headers.${index}.value`] = 'Enter the value (values are write-only: enter each again)';
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setRows(kept);
    if (await save({ headers: kept.map((row) => ({ name: row.name.trim(), value: row.value })) }, 'Headers saved.')) setEditing(false);
  };

  const saveTimeout = async (event: FormEvent) => {
    event.preventDefault();
    const seconds = Number(timeout);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) return setLocal({ 'input.timeoutSeconds': 'Enter a whole number of seconds, 1–60' });
    setLocal({});
    await save({ timeoutSeconds: seconds }, 'Timeout saved.');
  };

  return (
    <section className="panel" aria-labelledby="webhook-channel-title">
      <div className="panel__header">
        <h2 id="webhook-channel-title" className="panel__title">
          Webhooks
        </h2>
        <p className="panel__meta">Defaults for journeys&apos; webhook steps and webhook messages</p>
      </div>
      <div className={styles.form}>
        <div className={styles.full}>
          <h3 className={styles.subTitle}>Default headers</h3>
          {!editing ? (
            <>
              {webhook.headerNames.length ? (
                <ul className={styles.headerNames} aria-label="Stored headers">
                  {webhook.headerNames.map((name) => (
                    <li key={name}>
                      <span className="mono">{name}</span>: <span className="muted">stored, encrypted</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No default headers. Add one to send e.g. an Authorization header with every webhook.</p>
              )}
              {editable ? (
                <div className={styles.buttons}>
                  <button type="button" className="button button--secondary button--small" onClick={startEditing}>
                    {webhook.headerNames.length ? 'Replace headers' : 'Add headers'}
                  </button>
                  {webhook.headerNames.length ? (
                    <button type="button" className="button button--danger-outline button--small" onClick={() => setConfirmClear(true)}>
                      Remove all headers
                    </button>
                  ) : null}
                </div>
              ) : null}
            </>
          ) : (
            <form onSubmit={saveHeaders} noValidate className={styles.headersForm}>
              <p className="field__hint">Header values are write-only: they are stored encrypted and never shown, so enter every value again to save a new set.</p>
              {rows.map((row, index) => {
                const nameError = errorOf(`input.headers.${index}.name`);
                const valueError = errorOf(`input.headers.${index}.value`);
                return (
                  <div key={index} className={styles.headerRow}>
                    <div className="field">
                      <label className="field__label" htmlFor={`${id}-h${index}-name`}>
                        Header {index + 1} name
                      </label>
                      <input
                        id={`${id}-h${index}-name`}
                        className="input mono"
                        value={row.name}
                        onChange={(e) => setRows((list) => list.map((r, i) => (i === index ? { ...r, name: e.target.value } : r)))}
                        aria-invalid={Boolean(nameError)}
                        aria-describedby={nameError ? `${id}-h${index}-name-error` : undefined}
                        placeholder="Authorization"
                      />
                      {nameError ? (
                        <span id={`${id}-h${index}-name-error`} className="field__error" role="alert">
                          {nameError}
                        </span>
                      ) : null}
                    </div>
                    <div className="field">
                      <label className="field__label" htmlFor={`${id}-h${index}-value`}>
                        Header {index + 1} value
                      </label>
                      <input
                        id={`${id}-h${index}-value`}
                        className="input mono"
                        type="password"
                        autoComplete="off"
                        value={row.value}
                        onChange={(e) => setRows((list) => list.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)))}
                        aria-invalid={Boolean(valueError)}
                        aria-describedby={valueError ? `${id}-h${index}-value-error` : undefined}
                      />
                      {valueError ? (
                        <span id={`${id}-h${index}-value-error`} className="field__error" role="alert">
                          {valueError}
                        </span>
                      ) : null}
                    </div>
                    <button type="button" className="button button--ghost button--small" onClick={() => setRows((list) => list.filter((_, i) => i !== index))} aria-label={`Remove header ${index + 1}`}>
                      Remove
                    </button>
                  </div>
                );
              })}
              <div className={styles.buttons}>
                <button type="button" className="button button--secondary button--small" onClick={() => setRows((list) => [...list, { name: '', value: '' }])}>
                  Add a header
                </button>
                <span className={styles.spacer} />
                <button type="button" className="button button--secondary" onClick={() => (setEditing(false), setLocal({}), reset())} disabled={loading}>
                  Cancel
                </button>
                <button type="submit" className="button button--primary" disabled={loading}>
                  {loading ? 'Saving…' : 'Save headers'}
                </button>
              </div>
            </form>
          )}
        </div>

        <form className={styles.timeoutForm} onSubmit={saveTimeout} noValidate>
          <Field label="Timeout (seconds)" hint="How long a webhook may take, 1–60." error={errorOf('input.timeoutSeconds')}>
            {(props) => <input {...props} className="input" inputMode="numeric" value={timeout} onChange={(e) => setTimeoutSeconds(e.target.value)} disabled={!editable} />}
          </Field>
          {editable ? (
            <button type="submit" className="button button--primary" disabled={loading}>
              Save timeout
            </button>
          ) : null}
        </form>
        <p aria-live="polite" className={`${styles.saved} ${styles.full}`}>
          {notice ?? ''}
        </p>
        {general ? (
          <p className={`field__error ${styles.full}`} role="alert">
            {general}
          </p>
        ) : null}
      </div>

      <ConfirmDialog
        open={confirmClear}
        title="Remove all default headers?"
        confirmLabel="Remove headers"
        busy={loading}
        onCancel={() => setConfirmClear(false)}
        onConfirm={async () => {
          if (await save({ headers: [] }, 'Headers removed.')) setConfirmClear(false);
        }}
      >
        The {webhook.headerNames.length} stored {webhook.headerNames.length === 1 ? 'header' : 'headers'} ({webhook.headerNames.join(', ')}) stop being sent with webhooks. Their values cannot be recovered.
      </ConfirmDialog>
    </section>
  );
}

type TestResult = SettingsSendTestMessageMutation['sendTestMessage'];


/** Sends a test through the saved settings and shows the resulting message's status (or the provider's error). */
function TestSend({ enabled, emailMode }: { enabled: boolean; emailMode: EmailChannelSettings['mode'] }) {
  const { email } = useViewer();
  const [channel, setChannel] = useState<TestMessageChannel>('EMAIL');
  const [to, setTo] = useState(email);
  const [subject, setSubject] = useState('Tideflow test message');
  const [result, setResult] = useState<TestResult | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [send, { loading, error, reset }] = useMutation(SEND_TEST_MESSAGE_MUTATION);
  const { byField, general } = fieldErrors(error, ['input.to', 'input.subject', 'input.body', 'input.channel']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    setResult(null);
    if (!to.trim()) return setLocal(channel === 'EMAIL' ? 'Enter an email address' : 'Enter an http:// or https:// URL');
    setLocal(null);
    try {
      const response = await send({ variables: { input: { channel, to: to.trim(), ...(channel === 'EMAIL' ? { subject } : {}) } } });
      if (response.data) setResult(response.data.sendTestMessage);
    } catch {
      // Shown next to the fields.
    }
  };

  return (
    <section className="panel" aria-labelledby="test-send-title">
      <div className="panel__header">
        <h2 id="test-send-title" className="panel__title">
          Send a test
        </h2>
        <p className="panel__meta">Uses the saved settings{channel === 'EMAIL' && emailMode === 'OUTBOX' ? ': outbox mode keeps the email in the outbox' : ''}</p>
      </div>
      <form className={styles.form} onSubmit={submit} noValidate>
        <fieldset className={styles.fieldset} disabled={!enabled}>
          <legend className="visually-hidden">Test message</legend>
          <div className={styles.grid}>
            <Field label="Channel">
              {(props) => (
                <select
                  {...props}
                  className="select"
                  value={channel}
                  onChange={(e) => {
                    const next = e.target.value as TestMessageChannel;
                    setChannel(next);
                    setTo(next === 'EMAIL' ? email : '');
                    setResult(null);
                    setLocal(null);
                    reset();
                  }}
                >
                  <option value="EMAIL">Email</option>
                  <option value="WEBHOOK">Webhook</option>
                </select>
              )}
            </Field>
            <Field label={channel === 'EMAIL' ? 'To (email address)' : 'URL'} error={local ?? byField['input.to']}>
              {(props) => <input {...props} className="input" type={channel === 'EMAIL' ? 'email' : 'url'} value={to} onChange={(e) => setTo(e.target.value)} placeholder={channel === 'EMAIL' ? 'you@example.com' : 'https://example.com/hook'} />}
            </Field>
            {channel === 'EMAIL' ? (
              <Field label="Subject" error={byField['input.subject']}>
                {(props) => <input {...props} className="input" value={subject} onChange={(e) => setSubject(e.target.value)} />}
              </Field>
            ) : null}
          </div>
        </fieldset>
        {enabled ? (
          <div className={styles.formFooter}>
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? 'Sending…' : 'Send test'}
            </button>
            {general ? (
              <span className="field__error" role="alert">
                {general}
              </span>
            ) : null}
          </div>
        ) : null}
        <div aria-live="polite" className={styles.full}>
          {result ? (
            <div className={`${styles.testResult} ${result.status === 'FAILED' ? styles.testFailed : ''}`} role="status">
              <p>
                <MessageStatusBadge status={result.status} />{' '}
                <span className="strong">{result.channel === 'EMAIL' ? 'Test email' : 'Test webhook'}</span> to <span className="mono">{result.recipient}</span> via <span className="mono">{result.provider}</span>
                {result.responseStatus ? <> · HTTP {result.responseStatus}</> : null} · {formatDateTime(result.sentAt ?? result.createdAt)}
              </p>
              {result.error ? <p className="field__error">{result.error}</p> : null}
              {result.provider === 'outbox' ? <p className="muted">No SMTP server is configured, so the email was kept in the outbox.</p> : null}
            </div>
          ) : null}
        </div>
      </form>
    </section>
  );
}
