'use client';

import type { FormBinding } from './controls';
import { DurationControl } from './pickers';

export function WaitForm({ form }: { form: FormBinding }) {
  return <DurationControl form={form} path="duration" label="Wait for" hint="Then users continue to the next step." />;
}
