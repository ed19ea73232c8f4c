'use client';

import { HttpMethod } from '@tideflow/domain';
import { type FormBinding, Row, SelectControl, TextControl } from './controls';
import { ListControl } from './ListControl';
import { getIn } from './paths';

/** URL, method, headers and a body (raw or built from fields): shared by webhook steps and webhook messages. */
export function HttpFields({ form }: { form: FormBinding }) {
  const usesFields = getIn(form.value, 'fields') !== undefined;
  return (
    <>
      <Row columns="7rem 1fr">
        <SelectControl form={form} path="method" label="Method" options={HttpMethod.options.map((m) => ({ value: m, label: m }))} />
        <TextControl form={form} path="url" label="URL" placeholder="https://api.example.com/crm/{{ user.userId }}" mono />
      </Row>
      <ListControl
        form={form}
        path="headers"
        label="Headers"
        itemLabel={(index) => `Header ${index + 1}`}
        addLabel="Add a header"
        newItem={() => ({ name: '', value: '' })}
        renderItem={(path) => (
          <Row>
            <TextControl form={form} path={`${path}.name`} label="Name" placeholder="X-Api-Key" mono />
            <TextControl form={form} path={`${path}.value`} label="Value" mono />
          </Row>
        )}
      />
      <SelectControl
        form={{ ...form, value: { bodyKind: usesFields ? 'fields' : 'raw' } }}
        path="bodyKind"
        label="Body"
        options={[
          { value: 'fields', label: 'JSON built from fields' },
          { value: 'raw', label: 'Raw body (a template)' },
        ]}
        onSelect={(kind) => {
          const next = { ...(form.value as Record<string, unknown>) };
          if (kind === 'fields') {
            delete next.body;
            next.fields = getIn(form.value, 'fields') ?? [{ key: 'email', value: '{{ user.email }}' }];
          } else {
            delete next.fields;
            next.body = getIn(form.value, 'body') ?? '';
          }
          form.set('', next);
        }}
      />
      {usesFields ? (
        <ListControl
          form={form}
          path="fields"
          label="Fields"
          itemLabel={(index) => `Field ${index + 1}`}
          addLabel="Add a field"
          newItem={() => ({ key: '', value: '' })}
          renderItem={(path) => (
            <Row>
              <TextControl form={form} path={`${path}.key`} label="Key" mono />
              <TextControl form={form} path={`${path}.value`} label="Value" placeholder="{{ event.cartId }}" mono />
            </Row>
          )}
        />
      ) : (
        <TextControl form={form} path="body" label="Body template" optional multiline rows={6} placeholder={'{ "email": "{{ user.email }}" }'} />
      )}
    </>
  );
}
