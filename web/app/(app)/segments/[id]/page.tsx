import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SegmentDetail } from '../_components/SegmentDetail';

export const metadata: Metadata = { title: 'Segment' };

export default function SegmentPage() {
  return (
    <Suspense>
      <SegmentDetail />
    </Suspense>
  );
}
