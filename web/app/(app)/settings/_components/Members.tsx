'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { Field } from '@/components/Field';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { errorDetails, fieldErrors } from '@/lib/errors';
import type { MemberRole } from '@/lib/gql/graphql';
import { formatDateTime, formatRelative } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { ADD_MEMBER_MUTATION, MEMBERS_QUERY, REMOVE_MEMBER_MUTATION, type SettingsMember, UPDATE_MEMBER_ROLE_MUTATION } from '../_queries';
import styles from './Settings.module.css';

const roles: Array<{ role: MemberRole; label: string; hint: string }> = [
  { role: 'ADMIN', label: 'Admin', hint: 'Everything, including members, API keys and channels' },
  { role: 'EDITOR', label: 'Editor', hint: 'Builds and runs journeys, segments and campaigns' },
  { role: 'VIEWER', label: 'Viewer', hint: 'Reads everything, changes nothing' },
];

export function Members() {
  const { isAdmin } = useViewer();
  if (!isAdmin) {
    return (
      <div className={styles.stack}>
        <p className="read-only-note">Only admins can see and manage the workspace&apos;s members and their roles.</p>
        <RoleGuide />
      </div>
    );
  }
  return <MembersAdmin />;
}

function RoleGuide() {
  return (
    <section className="panel" aria-labelledby="roles-title">
      <div className="panel__header">
        <h2 id="roles-title" className="panel__title">
          Roles
        </h2>
      </div>
      <dl className={styles.roles}>
        {roles.map((r) => (
          <div key={r.role}>
            <dt className="strong">{r.label}</dt>
            <dd className="muted">{r.hint}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function MembersAdmin() {
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(MEMBERS_QUERY, { notifyOnNetworkStatusChange: true });
  const [updateRole, roleChange] = useMutation(UPDATE_MEMBER_ROLE_MUTATION);
  const [removeMember, removal] = useMutation(REMOVE_MEMBER_MUTATION);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<SettingsMember | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const changeRole = async (member: SettingsMember, role: MemberRole) => {
    setRowErrors((e) => ({ ...e, [member.account.id]: '' }));
    try {
      await updateRole({ variables: { accountId: member.account.id, role } });
      await refetch();
    } catch (e) {
      setRowErrors((errors) => ({ ...errors, [member.account.id]: errorDetails(e).message }));
    }
  };

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      await removeMember({ variables: { accountId: removing.account.id } });
      setRemoving(null);
      setRemoveError(null);
      await refetch();
    } catch (e) {
      setRemoveError(errorDetails(e).message);
    }
  };

  const admins = data?.members.filter((m) => m.role === 'ADMIN').length ?? 0;

  return (
    <div className={styles.stack}>
      <section className="panel" aria-labelledby="members-title">
        <div className="panel__header">
          <h2 id="members-title" className="panel__title">
            Members
          </h2>
          {data ? (
            <p className="panel__meta">
              {data.members.length} {data.members.length === 1 ? 'member' : 'members'} · {admins} {admins === 1 ? 'admin' : 'admins'} (a workspace keeps at least one)
            </p>
          ) : null}
        </div>
        {error && !data ? (
          <div className={styles.pad}>
            <ErrorState title="Members could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />
          </div>
        ) : !data ? (
          <div className="skeleton-rows" aria-busy="true">
            <span className="visually-hidden">Loading members…</span>
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.6rem" />
            ))}
          </div>
        ) : data.members.length === 0 ? (
          <EmptyState title="No members">Add the first member below.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="members-title">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((member) => {
                  const you = member.account.email === viewer.email;
                  const rowError = rowErrors[member.account.id];
                  return (
                    <tr key={member.account.id}>
                      <td>
                        <span className="strong">{member.account.name}</span>
                        {you ? <> <span className="badge badge--info">you</span></> : null}
                      </td>
                      <td>{member.account.email}</td>
                      <td className={styles.roleCell}>
                        <label className="visually-hidden" htmlFor={`role-${member.account.id}`}>
                          Role of {member.account.name}
                        </label>
                        <select
                          id={`role-${member.account.id}`}
                          className="select"
                          value={member.role}
                          disabled={roleChange.loading}
                          aria-invalid={Boolean(rowError)}
                          aria-describedby={rowError ? `role-error-${member.account.id}` : undefined}
                          onChange={(e) => void changeRole(member, e.target.value as MemberRole)}
                        >
                          {roles.map((r) => (
                            <option key={r.role} value={r.role}>
                              {r.label}
                            </option>
                          ))}
                        </select>
                        {rowError ? (
                          <span id={`role-error-${member.account.id}`} className="field__error" role="alert">
                            {rowError}
                          </span>
                        ) : null}
                      </td>
                      <td>{member.account.lastSignInAt ? <span title={formatDateTime(member.account.lastSignInAt)}>{formatRelative(member.account.lastSignInAt)}</span> : <span className="muted">Never</span>}</td>
                      <td className={styles.rowActions}>
                        <button type="button" className="button button--danger-outline button--small" onClick={() => (setRemoveError(null), setRemoving(member))} aria-label={`Remove ${member.account.name}`}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AddMemberForm onAdded={() => refetch()} />
      <RoleGuide />

      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Remove ${removing.account.name}?` : 'Remove member?'}
        confirmLabel="Remove member"
        busy={removal.loading}
        onCancel={() => setRemoving(null)}
        onConfirm={() => void confirmRemove()}
      >
        {removing ? (
          <>
            {removing.account.email} loses access to {viewer.workspace.name} and their sessions in it end at once{removing.account.email === viewer.email ? ' — including yours' : ''}. Their account stays, and an admin can add
            them again.
            {removeError ? (
              <span className="field__error" role="alert" style={{ display: 'block', marginTop: 8 }}>
                {removeError}
              </span>
            ) : null}
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function AddMemberForm({ onAdded }: { onAdded: () => Promise<unknown> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<MemberRole>('EDITOR');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const [add, { loading, error, reset }] = useMutation(ADD_MEMBER_MUTATION);
  const { byField, general } = fieldErrors(error, ['input.name', 'input.email', 'input.password', 'input.role']);
  const errorOf = (field: string) => local[field] ?? byField[field];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    setAdded(null);
    const problems: Record<string, string> = {};
    if (!name.trim()) problems['input.name'] = 'Enter their name';
    if (!email.trim()) problems['input.email'] = 'Enter their email address';
    if (password.length < 10) problems['input.password'] = 'At least 10 characters';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    try {
      await add({ variables: { input: { name: name.trim(), email: email.trim(), password, role } } });
      setAdded(`${name.trim()} was added as ${role.toLowerCase()}.`);
      setName('');
      setEmail('');
      setPassword('');
      await onAdded();
    } catch {
      // Shown next to the fields.
    }
  };

  return (
    <section className="panel" aria-labelledby="add-member-title">
      <div className="panel__header">
        <h2 id="add-member-title" className="panel__title">
          Add a member
        </h2>
        <p className="panel__meta">Someone who already has an account keeps their own password.</p>
      </div>
      <form className={styles.form} onSubmit={submit} noValidate>
        <div className={styles.grid}>
          <Field label="Name" error={errorOf('input.name')}>
            {(props) => <input {...props} className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
          </Field>
          <Field label="Email" error={errorOf('input.email')}>
            {(props) => <input {...props} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}
          </Field>
          <Field label="First password" hint="At least 10 characters; they can change it after signing in." error={errorOf('input.password')}>
            {(props) => <input {...props} className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />}
          </Field>
          <Field label="Role" hint={roles.find((r) => r.role === role)?.hint} error={errorOf('input.role')}>
            {(props) => (
              <select {...props} className="select" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
                {roles.map((r) => (
                  <option key={r.role} value={r.role}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className={styles.formFooter}>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Adding…' : 'Add member'}
          </button>
          <span aria-live="polite" className={styles.saved}>
            {added ?? ''}
          </span>
          {general ? (
            <span className="field__error" role="alert">
              {general}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
