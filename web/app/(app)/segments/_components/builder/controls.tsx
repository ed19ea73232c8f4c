'use client';

import { ComparisonOperator, type ComparisonValue, type EventRef, type PropertyFilter, type SegmentWindow } from '@tideflow/domain';
import { type InputHTMLAttributes, type ReactNode, useEffect, useId, useState } from 'react';
import { fromUtcInput, toUtcInput } from '../../_lib/format';
import { useBuilder } from './context';
import s from '../Builder.module.css';

type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** A small labelled control of a condition card, with its problems under it (wired for screen readers). */
export function Control({ label, problems = [], wide = false, children }: { label: string; problems?: string[]; wide?: boolean; children: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const invalid = problems.length > 0;
  return (
    <div className={`${s.control} ${wide ? s.controlWide : ''}`}>
      <label className={s.controlLabel} htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': invalid, ...(invalid ? { 'aria-describedby': `${id}-problems` } : {}) })}
      {invalid ? (
        <span id={`${id}-problems`} className={s.problem}>
          {problems.join('; ')}
        </span>
      ) : null}
    </div>
  );
}

/** Problems of a card that none of its controls show. */
export function ProblemList({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul className={s.problemList}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An input that keeps what is being typed ("1.", "a, b,") while the draft
 * holds the parsed value; it takes the draft's value again when that changes
 * from elsewhere (a reorder, a reset).
 */
export function BufferedInput<T>({ value, format, parse, onValue, ...input }: { value: T; format: (value: T) => string; parse: (text: string) => T; onValue: (value: T) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((current) => (sameValue(parse(current), value) ? current : format(value)));
    // Only a change of the value from outside resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(value)]);
  return (
    <input
      {...input}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const next = parse(event.target.value);
        if (!sameValue(next, value)) onValue(next);
      }}
    />
  );
}

const numberText = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const parseNumber = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
};

export function NumberInput({ value, onValue, ...props }: { value: number | undefined; onValue: (value: number | undefined) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>) {
  return <BufferedInput type="number" className={`input ${s.number}`} value={value} format={numberText} parse={parseNumber} onValue={onValue} {...props} />;
}

/** A value typed as text: numbers stay text unless `numeric` (then "42" is sent as 42). */
export function TextValueInput({ value, onValue, numeric = false, ...props }: { value: unknown; onValue: (value: string | number | undefined) => void; numeric?: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  return (
    <BufferedInput
      type="text"
      className="input"
      value={value as string | number | undefined}
      format={numberText}
      parse={(text) => (text === '' ? undefined : numeric && parseNumber(text) !== undefined ? parseNumber(text) : text)}
      onValue={onValue}
      {...props}
    />
  );
}

/** A list typed comma-separated ("free, pro"); numbers parsed when `numeric`. */
export function ListInput({ value, onValue, numeric = false, ...props }: { value: Array<string | number> | undefined; onValue: (value: Array<string | number> | undefined) => void; numeric?: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  return (
    <BufferedInput
      type="text"
      className="input"
      placeholder="a, b, c"
      value={value}
      format={(list) => (list ?? []).join(', ')}
      parse={(text) => {
        const items = text
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
          .map((item) => (numeric && parseNumber(item) !== undefined ? parseNumber(item)! : item));
        return items.length ? items : undefined;
      }}
      onValue={onValue}
      {...props}
    />
  );
}

const refValue = (ref: EventRef | undefined) => (ref?.name ? `${ref.kind}:${ref.name}` : '');

/** An event or an event group (Purchase = buy_byCOD + buy_byCC), from the catalogs. */
export function EventPicker({ value, onChange, problems, label = 'Event' }: { value: EventRef | undefined; onChange: (ref: EventRef) => void; problems: string[]; label?: string }) {
  const { catalog } = useBuilder();
  const current = refValue(value);
  const known = current === '' || catalog.events.some((e) => refValue(e.ref) === current) || catalog.groups.some((g) => refValue(g.ref) === current);
  return (
    <Control label={label} problems={problems}>
      {(props) => (
        <select
          {...props}
          className={`select ${s.select}`}
          value={current}
          onChange={(event) => {
            const [kind, ...name] = event.target.value.split(':');
            onChange({ kind: kind === 'group' ? 'group' : 'event', name: name.join(':') });
          }}
        >
          <option value="" disabled>
            Choose an event…
          </option>
          {!known && value ? <option value={current}>{`${value.name} (unknown ${value.kind === 'group' ? 'group' : 'event'})`}</option> : null}
          {catalog.groups.length ? (
            <optgroup label="Event groups">
              {catalog.groups.map((g) => (
                <option key={refValue(g.ref)} value={refValue(g.ref)}>
                  {g.label}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label="Events">
            {catalog.events.map((e) => (
              <option key={refValue(e.ref)} value={refValue(e.ref)}>
                {e.label}
              </option>
            ))}
          </optgroup>
        </select>
      )}
    </Control>
  );
}

/** When: ever, the last N minutes / hours / days, or between two instants (UTC). */
export function WindowEditor({ value, onChange, problems, allowEver = true }: { value: SegmentWindow | undefined; onChange: (window: SegmentWindow) => void; problems: string[]; allowEver?: boolean }) {
  const window = value ?? { kind: 'ever' };
  const setKind = (kind: SegmentWindow['kind']) => {
    if (kind === window.kind) return;
    if (kind === 'ever') onChange({ kind: 'ever' });
    if (kind === 'last') onChange({ kind: 'last', amount: 30, unit: 'days' });
    if (kind === 'between') {
      const to = new Date();
      to.setUTCHours(0, 0, 0, 0);
      onChange({ kind: 'between', from: new Date(to.getTime() - 30 * 86_400_000).toISOString(), to: to.toISOString() });
    }
  };
  return (
    <div className={s.inline}>
      <Control label="When" problems={problems}>
        {(props) => (
          <select {...props} className={`select ${s.select}`} value={window.kind} onChange={(event) => setKind(event.target.value as SegmentWindow['kind'])}>
            {allowEver || window.kind === 'ever' ? <option value="ever">ever</option> : null}
            <option value="last">in the last</option>
            <option value="between">between (UTC)</option>
          </select>
        )}
      </Control>
      {window.kind === 'last' ? (
        <>
          <Control label="Amount">{(props) => <NumberInput {...props} min={1} value={window.amount} onValue={(amount) => onChange({ ...window, amount: amount as number })} />}</Control>
          <Control label="Unit">
            {(props) => (
              <select {...props} className={`select ${s.select}`} value={window.unit} onChange={(event) => onChange({ ...window, unit: event.target.value as 'minutes' | 'hours' | 'days' })}>
                <option value="minutes">minutes</option>
                <option value="hours">hours</option>
                <option value="days">days</option>
              </select>
            )}
          </Control>
        </>
      ) : null}
      {window.kind === 'between' ? (
        <>
          <Control label="From (UTC)">
            {(props) => <input {...props} type="datetime-local" className="input" value={toUtcInput(window.from)} onChange={(event) => onChange({ ...window, from: fromUtcInput(event.target.value) as string })} />}
          </Control>
          <Control label="To (UTC)">
            {(props) => <input {...props} type="datetime-local" className="input" value={toUtcInput(window.to)} onChange={(event) => onChange({ ...window, to: fromUtcInput(event.target.value) as string })} />}
          </Control>
        </>
      ) : null}
    </div>
  );
}

const comparisonLabels: Record<ComparisonOperator, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  contains: 'contains',
  notContains: 'does not contain',
  in: 'is any of',
  notIn: 'is none of',
  exists: 'exists',
  notExists: 'does not exist',
};
const orderedComparisons = new Set<ComparisonOperator>(['gt', 'gte', 'lt', 'lte']);

/** Filters on the event's properties (all must hold): `plan = pro`, `amount ≥ 100`, `coupon exists`. */
export function FilterList({ filters, onChange, path }: { filters: PropertyFilter[] | undefined; onChange: (filters: PropertyFilter[]) => void; path: string }) {
  const { problems, readOnly } = useBuilder();
  const list = filters ?? [];
  const update = (index: number, filter: PropertyFilter) => onChange(list.map((f, i) => (i === index ? filter : f)));
  return (
    <div className={s.filters}>
      {list.length ? <span className={s.filtersTitle}>where</span> : null}
      {list.map((filter, index) => {
        const at = `${path}.filters.${index}`;
        const needs = filter.operator === 'exists' || filter.operator === 'notExists' ? 'none' : filter.operator === 'in' || filter.operator === 'notIn' ? 'list' : 'single';
        return (
          <div key={index} className={s.filterRow} role="group" aria-label={`Property filter ${index + 1}`}>
            <Control label="Property" problems={problems.at(`${at}.property`)}>
              {(props) => <input {...props} className="input" placeholder="amount" value={filter.property} onChange={(event) => update(index, { ...filter, property: event.target.value })} />}
            </Control>
            <Control label="Operator" problems={problems.at(`${at}.operator`)}>
              {(props) => (
                <select
                  {...props}
                  className={`select ${s.select}`}
                  value={filter.operator}
                  onChange={(event) => {
                    const operator = event.target.value as ComparisonOperator;
                    const nextNeeds = operator === 'exists' || operator === 'notExists' ? 'none' : operator === 'in' || operator === 'notIn' ? 'list' : 'single';
                    const { value: _drop, ...rest } = filter;
                    update(index, nextNeeds === needs ? { ...filter, operator } : { ...rest, operator });
                  }}
                >
                  {ComparisonOperator.options.map((operator) => (
                    <option key={operator} value={operator}>
                      {comparisonLabels[operator]}
                    </option>
                  ))}
                </select>
              )}
            </Control>
            {needs === 'single' ? (
              <Control label="Value" problems={problems.under(`${at}.value`)}>
                {(props) => <TextValueInput {...props} numeric={orderedComparisons.has(filter.operator)} value={filter.value} onValue={(value) => update(index, { ...filter, value: value as ComparisonValue })} />}
              </Control>
            ) : null}
            {needs === 'list' ? (
              <Control label="Values" problems={problems.under(`${at}.value`)}>
                {(props) => <ListInput {...props} value={filter.value as Array<string | number> | undefined} onValue={(value) => update(index, { ...filter, value: value as ComparisonValue })} />}
              </Control>
            ) : null}
            {!readOnly ? (
              <button type="button" className={`${s.iconButton} ${s.alignEnd}`} aria-label={`Remove property filter ${index + 1}`} title="Remove filter" onClick={() => onChange(list.filter((_, i) => i !== index))}>
                ✕
              </button>
            ) : null}
            <ProblemList messages={problems.unclaimed(at, ['property', 'operator', 'value/'])} />
          </div>
        );
      })}
      <ProblemList messages={problems.at(`${path}.filters`)} />
      {!readOnly ? (
        <button type="button" className={s.linkButton} onClick={() => onChange([...list, { property: '', operator: 'eq' } as PropertyFilter])}>
          + Property filter
        </button>
      ) : null}
    </div>
  );
}
