'use client';

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { errorDetails } from '@/lib/errors';
import { SIGN_IN_MUTATION } from '@/lib/session';

/** Only same-app paths: `next` comes from the URL, so an absolute address is ignored. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const client = useApolloClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { loading, error }] = useMutation(SIGN_IN_MUTATION);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await signIn({ variables: { input: { email, password } } });
      await client.resetStore().catch(() => undefined);
      router.replace(safeNext(params.get('next')));
    } catch {
      // Shown below from `error`.
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span className="field__label">Email</span>
        <input className="input" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span className="field__label">Password</span>
        <input className="input" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error ? (
        <p className="field__error" role="alert">
          {errorDetails(error).message}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={loading || !email || !password}>
        {loading ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
