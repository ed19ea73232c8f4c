'use client';

import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { ErrorState, Skeleton } from '@/components/states';
import { errorDetails } from '@/lib/errors';
import { ME_QUERY, SIGN_OUT_MUTATION } from '@/lib/session';
import { ViewerProvider } from '@/lib/viewer';

const sections = [
  { href: '/', label: 'Overview' },
  { href: '/users', label: 'Users' },
  { href: '/events', label: 'Events' },
  { href: '/segments', label: 'Segments' },
  { href: '/journeys', label: 'Journeys' },
  { href: '/messages', label: 'Messages' },
  { href: '/settings', label: 'Settings' },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Navigation, the signed-in member, and sign-out around every page of the app. */
export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const client = useApolloClient();
  const { data, error, loading, refetch } = useQuery(ME_QUERY);
  const [signOut, signingOut] = useMutation(SIGN_OUT_MUTATION);
  const unauthenticated = error && errorDetails(error).code === 'UNAUTHENTICATED';

  useEffect(() => {
    if (unauthenticated) router.replace(`/sign-in${pathname !== '/' ? `?next=${encodeURIComponent(pathname)}` : ''}`);
  }, [unauthenticated, pathname, router]);

  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    await client.clearStore();
    router.replace('/sign-in');
  };

  const me = data?.me;
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link href="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            Tideflow
          </Link>
          {me ? (
            <div className="topbar__user">
              <span className="topbar__workspace">{me.workspace.name}</span>
              <span className="muted">
                {me.account?.name ?? 'Secret key'} · {me.role.toLowerCase()}
              </span>
              <button type="button" className="button button--ghost" onClick={onSignOut} disabled={signingOut.loading}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <div className="shell__body">
        <nav className="sidebar" aria-label="Sections">
          <ul>
            {sections.map((section) => (
              <li key={section.href}>
                <Link href={section.href} className="sidebar__link" aria-current={isCurrent(pathname, section.href) ? 'page' : undefined}>
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="container" tabIndex={-1}>
          {me ? (
            <ViewerProvider
              viewer={{ role: me.role, canEdit: me.canEdit, isAdmin: me.isAdmin, name: me.account?.name ?? 'Secret key', email: me.account?.email ?? '', workspace: me.workspace }}
            >
              {children}
            </ViewerProvider>
          ) : error && !unauthenticated ? (
            <ErrorState title="Tideflow could not be reached" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />
          ) : (
            <Skeleton width="40%" height="2rem" />
          )}
        </main>
      </div>
    </div>
  );
}
