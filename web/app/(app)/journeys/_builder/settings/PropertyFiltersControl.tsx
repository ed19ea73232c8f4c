'use client';

import { type ComparisonOperator, operatorsWithListValue, operatorsWithoutValue } from '@tideflow/domain';
import { useEffect, useRef, useState } from 'react';
import { Field } from '@/components/Field';
import { type FormBinding, Row, SelectControl, TextControl } from './controls';
import { ListControl } from './ListControl';
import { getIn, setIn } from './paths';

export const operatorOptions: ReadonlyArray<{ value: ComparisonOperator; label: string }> = [
  { value: 'eq', label: 'is' },
  { value: 'neq', label: 'is not' },
  { value: 'contains', label: 'contains' },
  { value: 'notContains', label: 'does not contain' },
  { value: 'gt', label: 'is greater than' },
  { value: 'gte', label: 'is at least' },
  { value: 'lt', label: 'is less than' },
  { value: 'lte', label: 'is at most' },
  { value: 'in', label: 'is one of' },
  { value: 'notIn', label: 'is none of' },
  { value: 'exists', label: 'exists' },
  { value: 'notExists', label: 'does not exist' },
];

const ordered = new Set<string>(['gt', 'gte', 'lt', 'lte']);
const numeric = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : null);

function parseValue(text: string, operator: string): unknown {
  if (operatorsWithListValue.has(operator as ComparisonOperator)) return text.split(',').map((item) => item.trim()).filter(Boolean).map((item) => numeric(item) ?? item);
  if (ordered.has(operator)) return numeric(text) ?? text.trim();
  return text;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/** A condition's operator with its value adapted: a list for "one of", nothing for "exists". */
export function withOperator(condition: unknown, operator: string): unknown {
  let next = setIn(condition, 'operator', operator);
  const value = getIn(condition, 'value');
  if (operatorsWithoutValue.has(operator as ComparisonOperator)) next = setIn(next, 'value', undefined);
  else if (operatorsWithListValue.has(operator as ComparisonOperator)) next = setIn(next, 'value', Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);
  else if (Array.isArray(value)) next = setIn(next, 'value', value[0] ?? '');
  else if (value === undefined) next = setIn(next, 'value', '');
  return next;
}

/** The value of a comparison, typed as the operator needs (a comma-separated list for "one of"). */
export function ComparisonValueControl({ form, path, operator, label = 'Value' }: { form: FormBinding; path: string; operator: string; label?: string }) {
  const value = getIn(form.value, path);
  const [text, setText] = useState(() => formatValue(value));
  const emitted = useRef(JSON.stringify(value ?? null));
  useEffect(() => {
    // Changed from outside (undo, another operator): show it.
    const current = JSON.stringify(value ?? null);
    if (current !== emitted.current) {
      emitted.current = current;
      setText(formatValue(value));
    }
  }, [value]);
  if (operatorsWithoutValue.has(operator as ComparisonOperator)) return <span aria-hidden="true" />;
  const isList = operatorsWithListValue.has(operator as ComparisonOperator);
  return (
    <Field label={label} hint={isList ? 'Separate values with commas' : undefined} error={form.error(path)}>
      {(props) => (
        <input
          {...props}
          name={path}
          className="input"
          value={text}
          placeholder={isList ? 'a, b, c' : ordered.has(operator) ? 'a number or a date' : ''}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parseValue(e.target.value, operator);
            emitted.current = JSON.stringify(parsed ?? null);
            form.set(path, parsed);
          }}
        />
      )}
    </Field>
  );
}

/** Operator and value of one comparison at `path` (the subject field is the caller's). */
export function OperatorControl({ form, path }: { form: FormBinding; path: string }) {
  return <SelectControl form={form} path={`${path}.operator`} label="Operator" options={operatorOptions} onSelect={(operator) => form.set(path, withOperator(getIn(form.value, path), operator))} />;
}

/** Filters on an event's properties; all must hold. */
export function PropertyFiltersControl({ form, path, label = 'Only when the event’s properties match', subject = 'Property' }: { form: FormBinding; path: string; label?: string; subject?: string }) {
  return (
    <ListControl
      form={form}
      path={path}
      label={label}
      hint="All filters must hold. Dotted paths reach nested properties (product.sku)."
      itemLabel={(index) => `Filter ${index + 1}`}
      addLabel="Add a filter"
      newItem={() => ({ property: '', operator: 'eq', value: '' })}
      renderItem={(itemPath) => (
        <Row columns="1fr 1fr">
          <TextControl form={form} path={`${itemPath}.property`} label={subject} placeholder="e.g. cartId" />
          <OperatorControl form={form} path={itemPath} />
          <div style={{ gridColumn: '1 / -1' }}>
            <ComparisonValueControl form={form} path={`${itemPath}.value`} operator={String(getIn(form.value, `${itemPath}.operator`) ?? 'eq')} />
          </div>
        </Row>
      )}
    />
  );
}
