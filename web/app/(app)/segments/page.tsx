import type { Metadata } from 'next';
import { SegmentList } from './_components/SegmentList';

export const metadata: Metadata = { title: 'Segments' };

export default function SegmentsPage() {
  return <SegmentList />;
}
