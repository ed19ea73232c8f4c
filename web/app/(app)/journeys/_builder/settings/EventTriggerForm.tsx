'use client';

import { CheckboxControl, type FormBinding, NumberControl, Row, Section } from './controls';
import { getIn } from './paths';
import { DurationControl, EventNameControl } from './pickers';
import { PropertyFiltersControl } from './PropertyFiltersControl';

export function EventTriggerForm({ form }: { form: FormBinding }) {
  const repeated = getIn(form.value, 'occurrence') !== undefined;
  return (
    <>
      <EventNameControl form={form} path="eventName" label="Event" hint="Users enter when this event is tracked for them." />
      <PropertyFiltersControl form={form} path="filters" />
      <Section title="Repeated behaviour" hint="Enter only on the Nth matching event within a window (“viewed pricing 3 times within 1 day”).">
        <CheckboxControl form={{ ...form, value: { on: repeated }, set: (_p, on) => form.set('occurrence', on ? { count: 2, within: { amount: 1, unit: 'days' } } : undefined) }} path="on" label="Only after it happens several times" />
        {repeated ? (
          <Row columns="1fr 1.4fr">
            <NumberControl form={form} path="occurrence.count" label="Times" min={2} />
            <DurationControl form={form} path="occurrence.within" label="Within" />
          </Row>
        ) : null}
      </Section>
    </>
  );
}
