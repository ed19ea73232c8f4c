import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SignInForm } from './SignInForm';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <div className="brand sign-in__brand">
          <span className="brand__mark" aria-hidden="true" />
          Tideflow
        </div>
        <h1 className="sign-in__title">Sign in</h1>
        <Suspense>
          <SignInForm />
        </Suspense>
      </div>
    </main>
  );
}
