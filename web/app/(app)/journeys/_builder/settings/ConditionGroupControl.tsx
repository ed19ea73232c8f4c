'use client';

import type { ReactNode } from 'react';
import { type FormBinding, NumberControl, Row, SelectControl, TextControl } from './controls';
import { ListControl } from './ListControl';
import { getIn } from './paths';
import { AttributeControl, DurationControl, EventNameControl, SegmentControl } from './pickers';
import { ComparisonValueControl, OperatorControl, PropertyFiltersControl } from './PropertyFiltersControl';

const kindOptions = [
  { value: 'attribute', label: 'User attribute' },
  { value: 'triggerProperty', label: 'Trigger event property' },
  { value: 'context', label: 'Journey context (saved response)' },
  { value: 'behaviour', label: 'Behaviour (did / did not do)' },
  { value: 'segment', label: 'Segment membership' },
] as const;

function newCondition(kind: string): Record<string, unknown> {
  switch (kind) {
    case 'triggerProperty':
      return { kind, property: '', operator: 'eq', value: '' };
    case 'context':
      return { kind, path: '', operator: 'eq', value: '' };
    case 'behaviour':
      return { kind, eventName: '', filters: [], did: true, atLeast: 1, within: { amount: 30, unit: 'days' } };
    case 'segment':
      return { kind, segmentId: '', member: true };
    default:
      return { kind: 'attribute', attribute: '', operator: 'eq', value: '' };
  }
}

export const newAttributeCondition = () => newCondition('attribute');

function ConditionFields({ form, path }: { form: FormBinding; path: string }) {
  const kind = String(getIn(form.value, `${path}.kind`) ?? 'attribute');
  const operator = String(getIn(form.value, `${path}.operator`) ?? 'eq');
  const comparison = (subject: ReactNode) => (
    <Row columns="1fr 1fr">
      {subject}
      <OperatorControl form={form} path={path} />
      <div style={{ gridColumn: '1 / -1' }}>
        <ComparisonValueControl form={form} path={`${path}.value`} operator={operator} />
      </div>
    </Row>
  );
  return (
    <>
      <SelectControl form={form} path={`${path}.kind`} label="Condition on" options={kindOptions} onSelect={(next) => form.set(path, newCondition(next))} />
      {kind === 'attribute' ? comparison(<AttributeControl form={form} path={`${path}.attribute`} label="Attribute" />) : null}
      {kind === 'triggerProperty' ? comparison(<TextControl form={form} path={`${path}.property`} label="Property" placeholder="e.g. total" />) : null}
      {kind === 'context' ? comparison(<TextControl form={form} path={`${path}.path`} label="Context path" placeholder="e.g. scoring.body.tier" />) : null}
      {kind === 'behaviour' ? (
        <>
          <Row columns="1fr 1fr">
            <SelectControl
              form={form}
              path={`${path}.did`}
              label="The user"
              options={[
                { value: 'true', label: 'did' },
                { value: 'false', label: 'did not do' },
              ]}
              onSelect={(value) => form.set(`${path}.did`, value === 'true')}
            />
            <EventNameControl form={form} path={`${path}.eventName`} label="Event" />
          </Row>
          <Row columns="1fr 1fr">
            <NumberControl form={form} path={`${path}.atLeast`} label="At least" suffix="times" min={1} />
            <DurationControl form={form} path={`${path}.within`} label="In the last" />
          </Row>
          <PropertyFiltersControl form={form} path={`${path}.filters`} label="Counting only events whose properties match" />
        </>
      ) : null}
      {kind === 'segment' ? (
        <Row columns="1fr 1fr">
          <SelectControl
            form={form}
            path={`${path}.member`}
            label="The user is"
            options={[
              { value: 'true', label: 'in' },
              { value: 'false', label: 'not in' },
            ]}
            onSelect={(value) => form.set(`${path}.member`, value === 'true')}
          />
          <SegmentControl form={form} path={`${path}.segmentId`} label="Segment" />
        </Row>
      ) : null}
    </>
  );
}

/** Conditions joined by all / any; `optional`: none means everyone (schedule audiences). */
export function ConditionGroupControl({ form, path, label, optional }: { form: FormBinding; path: string; label: string; optional?: boolean }) {
  return (
    <>
      <SelectControl
        form={form}
        path={`${path}.match`}
        label="Match"
        options={[
          { value: 'all', label: 'All of the conditions (AND)' },
          { value: 'any', label: 'Any of the conditions (OR)' },
        ]}
      />
      <ListControl
        form={form}
        path={`${path}.conditions`}
        label={label}
        itemLabel={(index) => `Condition ${index + 1}`}
        addLabel="Add a condition"
        newItem={newAttributeCondition}
        min={optional ? 0 : 1}
        empty={optional ? 'No conditions: everyone.' : undefined}
        renderItem={(itemPath) => <ConditionFields form={form} path={itemPath} />}
      />
    </>
  );
}

