import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Settings } from './_components/Settings';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  // The open tab is in the URL (?tab=), read with useSearchParams: it needs a Suspense boundary.
  return (
    <Suspense>
      <Settings />
    </Suspense>
  );
}
