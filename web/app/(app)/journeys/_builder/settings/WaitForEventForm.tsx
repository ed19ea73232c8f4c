'use client';

import { CheckboxControl, type FormBinding, Row, Section, TextControl } from './controls';
import { getIn } from './paths';
import { DurationControl, EventNameControl } from './pickers';
import { PropertyFiltersControl } from './PropertyFiltersControl';

export function WaitForEventForm({ form }: { form: FormBinding }) {
  const matching = getIn(form.value, 'matchTrigger') !== undefined;
  return (
    <>
      <EventNameControl form={form} path="eventName" label="Event" hint="Users who do it leave by “matched”, the others by “timeout”." />
      <DurationControl form={form} path="timeout" label="Wait at most" />
      <PropertyFiltersControl form={form} path="filters" />
      <Section title="Same as the trigger" hint="Only the event about the same thing counts, e.g. the order of the same cart.">
        <CheckboxControl
          form={{ ...form, value: { on: matching }, set: (_p, on) => form.set('matchTrigger', on ? { eventProperty: 'cartId', triggerProperty: 'cartId' } : undefined) }}
          path="on"
          label="Match a property of the trigger event"
        />
        {matching ? (
          <Row>
            <TextControl form={form} path="matchTrigger.eventProperty" label="This event’s property" />
            <TextControl form={form} path="matchTrigger.triggerProperty" label="equals the trigger’s" />
          </Row>
        ) : null}
      </Section>
    </>
  );
}
