'use client';

import { type FormBinding, NumberControl, Row, SelectControl, TextControl } from './controls';
import { ListControl } from './ListControl';
import { getIn } from './paths';
import { AttributeControl, SegmentControl } from './pickers';

const ops = [
  { value: 'set', label: 'Set an attribute' },
  { value: 'unset', label: 'Remove an attribute' },
  { value: 'increment', label: 'Increment a number' },
  { value: 'addTag', label: 'Add a tag' },
  { value: 'removeTag', label: 'Remove a tag' },
  { value: 'addToSegment', label: 'Add to a static segment' },
  { value: 'removeFromSegment', label: 'Remove from a static segment' },
];

function newUpdate(op: string): Record<string, unknown> {
  switch (op) {
    case 'set':
      return { op, attribute: '', value: '' };
    case 'unset':
      return { op, attribute: '' };
    case 'increment':
      return { op, attribute: '', by: 1 };
    case 'addToSegment':
    case 'removeFromSegment':
      return { op, segmentId: '' };
    default:
      return { op, tag: '' };
  }
}

const valueTypes = [
  { value: 'string', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'true', label: 'true' },
  { value: 'false', label: 'false' },
  { value: 'null', label: 'Empty (null)' },
];

function typeOf(value: unknown): string {
  if (typeof value === 'number') return 'number';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (value === null) return 'null';
  return 'string';
}

/** A `set` value: text (a template), a number, a boolean or null. */
function SetValue({ form, path }: { form: FormBinding; path: string }) {
  const value = getIn(form.value, path);
  const type = typeOf(value);
  return (
    <Row columns="8rem 1fr">
      <SelectControl
        form={{ ...form, value: { type } }}
        path="type"
        label="Type"
        options={valueTypes}
        onSelect={(next) => form.set(path, next === 'number' ? 0 : next === 'true' ? true : next === 'false' ? false : next === 'null' ? null : '')}
      />
      {type === 'string' ? <TextControl form={form} path={path} label="Value" placeholder="{{ event.plan }}" /> : null}
      {type === 'number' ? <NumberControl form={form} path={path} label="Value" step={0.01} /> : null}
    </Row>
  );
}

export function UpdateUserForm({ form }: { form: FormBinding }) {
  return (
    <ListControl
      form={form}
      path="updates"
      label="Updates"
      hint="Applied in order to the user’s profile."
      itemLabel={(index) => `Update ${index + 1}`}
      addLabel="Add an update"
      newItem={() => newUpdate('set')}
      min={1}
      reorderable
      renderItem={(path) => {
        const op = String(getIn(form.value, `${path}.op`) ?? 'set');
        return (
          <>
            <SelectControl form={form} path={`${path}.op`} label="Change" options={ops} onSelect={(next) => form.set(path, newUpdate(next))} />
            {op === 'set' || op === 'unset' || op === 'increment' ? <AttributeControl form={form} path={`${path}.attribute`} label="Attribute" /> : null}
            {op === 'set' ? <SetValue form={form} path={`${path}.value`} /> : null}
            {op === 'increment' ? <NumberControl form={form} path={`${path}.by`} label="By" step={0.01} /> : null}
            {op === 'addTag' || op === 'removeTag' ? <TextControl form={form} path={`${path}.tag`} label="Tag" placeholder="e.g. vip" /> : null}
            {op === 'addToSegment' || op === 'removeFromSegment' ? <SegmentControl form={form} path={`${path}.segmentId`} label="Segment" staticOnly /> : null}
          </>
        );
      }}
    />
  );
}
