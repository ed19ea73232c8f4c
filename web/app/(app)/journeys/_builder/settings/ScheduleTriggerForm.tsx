'use client';

import { ConditionGroupControl } from './ConditionGroupControl';
import { DateTimeControl, type FormBinding, NumberControl, Section, SelectControl, TextControl } from './controls';
import { getIn } from './paths';
import { TimeZoneControl, WeekdaysControl } from './pickers';

const kinds = [
  { value: 'once', label: 'Once' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week' },
  { value: 'monthly', label: 'Every month' },
];

function newSchedule(kind: string, time: unknown) {
  const at = typeof time === 'string' ? time : '09:00';
  if (kind === 'once') return { kind, at: new Date(Date.now() + 86_400_000).toISOString() };
  if (kind === 'weekly') return { kind, time: at, weekdays: ['mon'] };
  if (kind === 'monthly') return { kind, time: at, dayOfMonth: 1 };
  return { kind: 'daily', time: at };
}

export function ScheduleTriggerForm({ form }: { form: FormBinding }) {
  const kind = String(getIn(form.value, 'schedule.kind') ?? '');
  return (
    <>
      <Section title="When" hint="Runs as a schedule in the workflow engine; each run enters everyone in the audience.">
        <SelectControl form={form} path="schedule.kind" label="Repeat" options={kinds} onSelect={(next) => form.set('schedule', newSchedule(next, getIn(form.value, 'schedule.time')))} />
        {kind === 'once' ? <DateTimeControl form={form} path="schedule.at" label="At" /> : null}
        {kind && kind !== 'once' ? <TextControl form={form} path="schedule.time" label="At (HH:MM, 24h)" type="time" /> : null}
        {kind === 'weekly' ? <WeekdaysControl form={form} path="schedule.weekdays" label="On" /> : null}
        {kind === 'monthly' ? <NumberControl form={form} path="schedule.dayOfMonth" label="Day of the month" min={1} max={31} /> : null}
        <TimeZoneControl form={form} path="timezone" label="Time zone" />
      </Section>
      <Section title="Audience" hint="Who enters on each run. No conditions: every user of the workspace.">
        <ConditionGroupControl form={form} path="audience" label="Users who match" optional />
      </Section>
    </>
  );
}
