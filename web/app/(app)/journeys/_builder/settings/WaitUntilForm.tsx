'use client';

import { allWeekdays } from '../nodeCatalog';
import { DateTimeControl, type FormBinding, Row, SelectControl, TextControl } from './controls';
import { getIn } from './paths';
import { AttributeControl, DurationControl, TimeZoneControl, WeekdaysControl } from './pickers';

const modes = [
  { value: 'timeOfDay', label: 'A time of day (user’s time zone)' },
  { value: 'absolute', label: 'A date and time' },
  { value: 'attribute', label: 'A date from the user or the trigger event' },
];

function newSettings(mode: string, fallback: unknown) {
  if (mode === 'absolute') return { mode, at: new Date(Date.now() + 7 * 86_400_000).toISOString() };
  if (mode === 'attribute') return { mode, source: 'user', path: '' };
  return { mode: 'timeOfDay', time: '09:00', weekdays: [...allWeekdays], fallbackTimezone: typeof fallback === 'string' ? fallback : 'UTC' };
}

export function WaitUntilForm({ form, timezone }: { form: FormBinding; timezone: string }) {
  const mode = String(getIn(form.value, 'mode') ?? '');
  const offset = getIn(form.value, 'offset') !== undefined;
  return (
    <>
      <SelectControl form={form} path="mode" label="Wait until" options={modes} onSelect={(next) => form.set('', newSettings(next, timezone))} />
      {mode === 'absolute' ? <DateTimeControl form={form} path="at" label="Date and time" /> : null}
      {mode === 'timeOfDay' ? (
        <>
          <TextControl form={form} path="time" label="Time (HH:MM, 24h)" type="time" />
          <WeekdaysControl form={form} path="weekdays" label="On" />
          <TimeZoneControl form={form} path="fallbackTimezone" label="Time zone for users without one" />
        </>
      ) : null}
      {mode === 'attribute' ? (
        <>
          <SelectControl
            form={form}
            path="source"
            label="Date from"
            options={[
              { value: 'user', label: 'The user (an attribute)' },
              { value: 'triggerEvent', label: 'The trigger event (a property)' },
            ]}
          />
          {getIn(form.value, 'source') === 'triggerEvent' ? (
            <TextControl form={form} path="path" label="Property" placeholder="e.g. checkIn" />
          ) : (
            <AttributeControl form={form} path="path" label="Attribute" placeholder="e.g. renewalDate" />
          )}
          <SelectControl
            form={form}
            path="offset.direction"
            label="Shift"
            options={[
              { value: '', label: 'Exactly then' },
              { value: 'before', label: 'Some time before' },
              { value: 'after', label: 'Some time after' },
            ]}
            onSelect={(value) => form.set('offset', value ? { direction: value, duration: (getIn(form.value, 'offset.duration') as object | undefined) ?? { amount: 1, unit: 'days' } } : undefined)}
          />
          {offset ? (
            <Row>
              <DurationControl form={form} path="offset.duration" label="By" />
            </Row>
          ) : null}
        </>
      ) : null}
    </>
  );
}
