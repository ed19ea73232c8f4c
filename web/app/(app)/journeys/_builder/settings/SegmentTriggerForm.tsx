'use client';

import type { FormBinding } from './controls';
import { SegmentControl } from './pickers';

export function SegmentTriggerForm({ form }: { form: FormBinding }) {
  return <SegmentControl form={form} path="segmentId" label="Segment" hint="Users enter the moment they enter this segment (live segments follow users as they act)." />;
}
