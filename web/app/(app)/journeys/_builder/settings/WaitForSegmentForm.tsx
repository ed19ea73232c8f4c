'use client';

import { type FormBinding, SelectControl } from './controls';
import { DurationControl, SegmentControl } from './pickers';

export function WaitForSegmentForm({ form }: { form: FormBinding }) {
  return (
    <>
      <SelectControl
        form={form}
        path="member"
        label="Wait until the user"
        options={[
          { value: 'true', label: 'enters the segment' },
          { value: 'false', label: 'leaves the segment' },
        ]}
        onSelect={(value) => form.set('member', value === 'true')}
      />
      <SegmentControl form={form} path="segmentId" label="Segment" />
      <DurationControl form={form} path="timeout" label="Wait at most" hint="Users leave by “matched” when it happens, by “timeout” otherwise." />
    </>
  );
}
