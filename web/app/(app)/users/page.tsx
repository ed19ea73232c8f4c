import type { Metadata } from 'next';
import { Suspense } from 'react';
import { UsersList } from './_components/UsersList';

export const metadata: Metadata = { title: 'Users' };

export default function UsersPage() {
  // UsersList reads its filter from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <UsersList />
    </Suspense>
  );
}
