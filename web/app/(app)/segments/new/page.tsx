import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NewSegment } from '../_components/NewSegment';

export const metadata: Metadata = { title: 'New segment' };

export default function NewSegmentPage() {
  return (
    <Suspense>
      <NewSegment />
    </Suspense>
  );
}
