'use client';

import { DurationUnit } from '@tideflow/domain';
import { Field } from '@/components/Field';
import styles from '../Builder.module.css';
import { listIds, useBuilder } from '../BuilderContext';
import { allWeekdays } from '../nodeCatalog';
import { type FormBinding, SelectControl, TextControl } from './controls';
import { getIn } from './paths';

interface Common {
  form: FormBinding;
  path: string;
  label: string;
  hint?: string;
}

/** An event name: any name (it may not have been seen yet), with the catalog's names suggested. */
export function EventNameControl(props: Common & { placeholder?: string }) {
  return <TextControl {...props} list={listIds.events} placeholder={props.placeholder ?? 'e.g. Order Completed'} />;
}

/** A user attribute: system attributes and the workspace's traits suggested; dotted paths allowed. */
export function AttributeControl(props: Common & { placeholder?: string }) {
  return <TextControl {...props} list={listIds.attributes} placeholder={props.placeholder ?? 'e.g. plan, email, address.city'} />;
}

export function TimeZoneControl(props: Common) {
  return <TextControl {...props} list={listIds.timezones} placeholder="e.g. Europe/Berlin" />;
}

const unitLabels: Record<string, string> = { seconds: 'seconds', minutes: 'minutes', hours: 'hours', days: 'days', weeks: 'weeks' };

/** "3 hours": an amount and a unit, one value `{ amount, unit }`. */
export function DurationControl({ form, path, label, hint }: Common) {
  const amount = getIn(form.value, `${path}.amount`);
  const unit = getIn(form.value, `${path}.unit`);
  const error = form.error(`${path}.amount`) ?? form.error(`${path}.unit`) ?? form.error(path);
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <span className={styles.duration}>
          <input
            {...props}
            name={`${path}.amount`}
            className="input"
            type="number"
            min={1}
            step={1}
            value={typeof amount === 'number' && Number.isFinite(amount) ? String(amount) : ''}
            onChange={(e) => form.set(`${path}.amount`, e.target.value === '' ? undefined : Number(e.target.value))}
          />
          <select name={`${path}.unit`} className="select" aria-label={`${label}: unit`} value={typeof unit === 'string' ? unit : ''} onChange={(e) => form.set(`${path}.unit`, e.target.value)}>
            {typeof unit !== 'string' ? <option value="">unit…</option> : null}
            {DurationUnit.options.map((option) => (
              <option key={option} value={option}>
                {unitLabels[option]}
              </option>
            ))}
          </select>
        </span>
      )}
    </Field>
  );
}

const weekdayLabels: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

export function WeekdaysControl({ form, path, label }: Common) {
  const raw = getIn(form.value, path);
  const days = new Set(Array.isArray(raw) ? raw : []);
  const toggle = (day: string, on: boolean) => form.set(path, allWeekdays.filter((d) => (d === day ? on : days.has(d))));
  return (
    <fieldset className={styles.weekdays}>
      <legend className="field__label">{label}</legend>
      <div className={styles.weekdayList}>
        {allWeekdays.map((day) => (
          <label key={day} className={styles.weekday}>
            <input type="checkbox" name={path} checked={days.has(day)} onChange={(e) => toggle(day, e.target.checked)} />
            <span>{weekdayLabels[day]}</span>
          </label>
        ))}
      </div>
      {form.error(path) ? (
        <span className="field__error" role="alert">
          {form.error(path)}
        </span>
      ) : null}
    </fieldset>
  );
}

/** A segment of the workspace by name (static ones only where the step needs one). */
export function SegmentControl({ form, path, label, hint, staticOnly }: Common & { staticOnly?: boolean }) {
  const { segments } = useBuilder();
  const options = segments.filter((segment) => !staticOnly || segment.kind === 'STATIC').map((segment) => ({ value: segment.id, label: `${segment.name} · ${segment.size.toLocaleString('en-US')} users${segment.kind === 'STATIC' ? ' · static' : ''}` }));
  const current = getIn(form.value, path);
  if (typeof current === 'string' && current && !options.some((o) => o.value === current)) options.unshift({ value: current, label: `Unknown segment (${current})` });
  return (
    <SelectControl
      form={form}
      path={path}
      label={label}
      hint={hint ?? (options.length ? undefined : staticOnly ? 'No static segments yet: create one in Segments' : 'No segments yet: create one in Segments')}
      options={options}
      placeholder="Choose a segment…"
    />
  );
}
