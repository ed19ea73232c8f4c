import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MessageLog } from './_components/MessageLog';

export const metadata: Metadata = { title: 'Messages' };

export default function MessagesPage() {
  // MessageLog reads its filter from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <MessageLog />
    </Suspense>
  );
}
