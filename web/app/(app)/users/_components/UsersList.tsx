'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { Pager, useCursorPages } from '@/components/Pager';
import { EmptyState, ErrorState, ListCount, showsPreviousRows, Skeleton } from '@/components/states';
import { fieldErrors } from '@/lib/errors';
import { formatDateTime, formatRelative } from '@/lib/format';
import { useViewer } from '@/lib/viewer';
import { USER_FILTER_ATTRIBUTES_QUERY, USER_FILTER_SEGMENTS_QUERY, USERS_LIST_QUERY, type UsersListUser } from '../_queries';
import { UserFilters } from './UserFilters';
import { type AppliedFilter, filterSearchParams, readFilter, toUserFilter } from './userFilter';
import styles from './Users.module.css';

const PAGE_SIZE = 25;

export function UsersList() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { workspace } = useViewer();
  const applied = useMemo(() => readFilter(new URLSearchParams(params.toString())), [params]);
  const key = filterSearchParams(applied);
  const apply = (next: AppliedFilter) => router.replace(`${pathname}${filterSearchParams(next)}`, { scroll: false });

  const attributes = useQuery(USER_FILTER_ATTRIBUTES_QUERY);
  const segments = useQuery(USER_FILTER_SEGMENTS_QUERY);
  const typeOf = (name: string) => attributes.data?.attributeDefinitions.find((a) => a.name === name)?.type;
  const { filter, problems } = toUserFilter(applied, typeOf);
  // Condition values are typed by the attribute catalog: wait for it when there are conditions.
  const waiting = applied.conditions.length > 0 && !attributes.data && !attributes.error;
  const invalid = Object.keys(problems).length > 0;

  const pages = useCursorPages(PAGE_SIZE, key);
  const users = useQuery(USERS_LIST_QUERY, { variables: { filter, ...pages.variables }, skip: waiting || invalid, notifyOnNetworkStatusChange: true });
  const { byField } = fieldErrors(users.error, ['filter.attributes', 'filter.segmentId', 'filter.search']);
  const conditionErrors: Record<number, string> = { ...problems };
  for (const [field, message] of Object.entries(byField)) {
    const match = /^filter\.attributes\.(\d+)/.exec(field);
    if (match) conditionErrors[Number(match[1])] ??= message;
  }
  const filterProblem = invalid || Object.keys(byField).some((f) => f.startsWith('filter.'));

  const connection = users.data?.users ?? users.previousData?.users;
  const stale = showsPreviousRows(users);
  const filtered = Boolean(key);

  return (
    <>
      <PageHeader eyebrow="People" title="Users" meta="Everyone identified, and every anonymous visitor, most recently seen first." />
      <UserFilters
        applied={applied}
        onApply={apply}
        attributes={attributes.data?.attributeDefinitions ?? []}
        attributesError={attributes.error ?? null}
        segments={segments.data?.segments ?? []}
        segmentsError={segments.error ?? null}
        conditionErrors={conditionErrors}
        segmentError={byField['filter.segmentId'] ?? null}
      />
      <section className="panel" aria-labelledby="users-title" aria-busy={users.loading}>
        <div className="panel__header">
          <h2 id="users-title" className="panel__title">
            {filtered ? 'Matching users' : 'All users'}
          </h2>
          <ListCount updating={stale} count={connection && !filterProblem && !users.error ? connection.totalCount : null} noun="users" />
        </div>
        {filterProblem ? (
          <EmptyState title="Fix the filter to see users">The conditions marked above cannot be applied.</EmptyState>
        ) : users.error && !filterProblem ? (
          <div className={styles.stateWrap}>
            <ErrorState title="Users could not be loaded" error={users.error} retrying={users.loading} onRetry={() => void users.refetch().catch(() => undefined)} />
          </div>
        ) : !connection ? (
          <div className="skeleton-rows" aria-live="polite">
            <span className="visually-hidden">Loading users…</span>
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} width="100%" height="1.25rem" />
            ))}
          </div>
        ) : connection.edges.length === 0 ? (
          filtered ? (
            <EmptyState title="No users match">
              Try another search, or{' '}
              <Link href={pathname} className={styles.link}>
                clear the filters
              </Link>
              .
            </EmptyState>
          ) : (
            <EmptyState title="No users yet">
              Users appear when your app identifies them or sends an event (<span className="mono">POST /v1/identify</span>, <span className="mono">/v1/track</span>).
            </EmptyState>
          )
        ) : (
          <>
            <div className="table-wrap" data-stale={stale || undefined}>
              <table className="table" aria-labelledby="users-title">
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Email</th>
                    <th scope="col">Location</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">First seen</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node }) => (
                    <UserRow key={node.id} user={node} timeZone={workspace.timezone} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              noun="users"
              offset={pages.offset}
              count={connection.edges.length}
              total={connection.totalCount}
              hasPrevious={pages.has(connection.pageInfo).previous}
              hasNext={pages.has(connection.pageInfo).next}
              onPrevious={() => pages.previous(connection.pageInfo.startCursor)}
              onNext={() => pages.next(connection.pageInfo.endCursor)}
              loading={users.loading}
            />
          </>
        )}
      </section>
    </>
  );
}

function UserRow({ user, timeZone }: { user: UsersListUser; timeZone: string }) {
  const location = [user.city, user.country].filter(Boolean).join(', ');
  return (
    <tr>
      <td>
        <Link href={`/users/${user.id}`} className={styles.userLink}>
          {user.externalId ?? <span className={styles.anonymous}>Anonymous</span>}
        </Link>
        {user.anonymous ? <span className="mono muted"> {user.id.slice(0, 8)}</span> : null}
      </td>
      <td>{user.email ?? <span className="muted">—</span>}</td>
      <td>{location || <span className="muted">—</span>}</td>
      <td>
        <time dateTime={user.lastSeenAt} title={formatDateTime(user.lastSeenAt, timeZone)}>
          {formatRelative(user.lastSeenAt)}
        </time>
      </td>
      <td>
        <time dateTime={user.firstSeenAt}>{formatDateTime(user.firstSeenAt, timeZone)}</time>
      </td>
    </tr>
  );
}
