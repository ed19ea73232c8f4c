'use client';

import { type FormBinding, NumberControl, Row, Section, TextControl } from './controls';
import { HttpFields } from './HttpFields';
import { getIn } from './paths';
import { TemplatePreview } from './TemplatePreview';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function WebhookForm({ form }: { form: FormBinding }) {
  const fields = getIn(form.value, 'fields');
  return (
    <>
      <HttpFields form={form} />
      <TextControl form={form} path="saveResponseAs" label="Save the response as" optional mono placeholder="e.g. scoring" hint="Later steps read it: {{ context.scoring.body.tier }}" />
      <Section title="Delivery">
        <Row columns="1fr 1fr 1fr">
          <NumberControl form={form} path="timeoutSeconds" label="Timeout" suffix="s" min={1} max={60} />
          <NumberControl form={form} path="retry.maximumAttempts" label="Attempts" min={1} max={10} />
          <NumberControl form={form} path="retry.initialIntervalSeconds" label="First retry after" suffix="s" min={0.1} max={600} step={0.1} />
        </Row>
      </Section>
      <TemplatePreview
        templates={[
          { key: 'url', label: 'URL', source: text(getIn(form.value, 'url')) },
          ...(Array.isArray(fields) ? fields.map((_, i) => ({ key: `field${i}`, label: `Field ${text(getIn(form.value, `fields.${i}.key`)) || i + 1}`, source: text(getIn(form.value, `fields.${i}.value`)) })) : [{ key: 'body', label: 'Body', source: text(getIn(form.value, 'body')) }]),
        ]}
      />
    </>
  );
}
