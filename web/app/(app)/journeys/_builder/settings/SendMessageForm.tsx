'use client';

import { type FormBinding, Row, Section, SelectControl, TextControl } from './controls';
import { HttpFields } from './HttpFields';
import { getIn } from './paths';
import { type PreviewTemplate, TemplatePreview } from './TemplatePreview';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function templatesOf(settings: unknown): PreviewTemplate[] {
  if (getIn(settings, 'channel') === 'webhook') {
    const fields = getIn(settings, 'fields');
    return [
      { key: 'url', label: 'URL', source: text(getIn(settings, 'url')) },
      ...(Array.isArray(fields) ? fields.map((_, i) => ({ key: `field${i}`, label: `Field ${text(getIn(settings, `fields.${i}.key`)) || i + 1}`, source: text(getIn(settings, `fields.${i}.value`)) })) : [{ key: 'body', label: 'Body', source: text(getIn(settings, 'body')) }]),
    ];
  }
  return [
    { key: 'subject', label: 'Subject', source: text(getIn(settings, 'subject')) },
    { key: 'html', label: 'Email', source: text(getIn(settings, 'html')), html: true },
    { key: 'text', label: 'Plain text', source: text(getIn(settings, 'text')) },
  ];
}

export function SendMessageForm({ form }: { form: FormBinding }) {
  const channel = getIn(form.value, 'channel') === 'webhook' ? 'webhook' : 'email';
  return (
    <>
      <SelectControl
        form={form}
        path="channel"
        label="Channel"
        options={[
          { value: 'email', label: 'Email' },
          { value: 'webhook', label: 'Webhook message' },
        ]}
        onSelect={(next) => form.set('', next === 'webhook' ? { channel: 'webhook', url: '', method: 'POST', headers: [], fields: [{ key: 'email', value: '{{ user.email }}' }] } : { channel: 'email', subject: '', html: '' })}
      />
      {channel === 'email' ? (
        <>
          <TextControl form={form} path="subject" label="Subject" placeholder="You left something in your cart, {{ user.firstName | default: &quot;there&quot; }}" />
          <TextControl form={form} path="html" label="HTML body" multiline rows={8} placeholder="<p>Hi {{ user.firstName | default: &quot;there&quot; }},</p>" hint="Liquid: {{ user.email }}, {{ event.cartId }}, {{ journey.name }}" />
          <TextControl form={form} path="text" label="Plain-text body" optional multiline rows={3} />
          <Section title="Sender" hint="Leave empty to use the email channel’s settings.">
            <Row>
              <TextControl form={form} path="fromName" label="From name" optional />
              <TextControl form={form} path="fromEmail" label="From email" type="email" optional />
            </Row>
            <TextControl form={form} path="replyTo" label="Reply-to" type="email" optional />
          </Section>
        </>
      ) : (
        <HttpFields form={form} />
      )}
      <TemplatePreview templates={templatesOf(form.value)} />
    </>
  );
}
