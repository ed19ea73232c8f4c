'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { PageHeader } from '@/components/PageHeader';
import { useViewer } from '@/lib/viewer';
import { SegmentEditor } from './SegmentEditor';
import s from './Segments.module.css';

/** `/segments/new` (live) and `/segments/new?kind=static`. */
export function NewSegment() {
  const viewer = useViewer();
  const params = useSearchParams();
  const kind = params.get('kind')?.toUpperCase() === 'STATIC' ? 'STATIC' : 'LIVE';
  return (
    <>
      <p className={s.breadcrumb}>
        <Link href="/segments">Segments</Link> <span aria-hidden="true">/</span>
      </p>
      <PageHeader title={kind === 'STATIC' ? 'New static segment' : 'New live segment'} meta="Describe who is in it; the size estimate follows every change." />
      {viewer.canEdit ? (
        <SegmentEditor key={kind} initialKind={kind} />
      ) : (
        <p className="read-only-note">You have view access: creating segments needs an editor or admin role.</p>
      )}
    </>
  );
}
