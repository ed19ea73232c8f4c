'use client';

import type { ReactNode } from 'react';
import { Field } from '@/components/Field';
import styles from '../Builder.module.css';
import { getIn } from './paths';

/**
 * Typed inputs bound to a path of the object a form edits (node settings or
 * journey settings). Every input carries its path as `name`, so the panel
 * knows which fields were touched, and shows the schema's error for it.
 */
export interface FormBinding {
  value: unknown;
  set(path: string, value: unknown): void;
  error(path: string): string | undefined;
}

interface Common {
  form: FormBinding;
  path: string;
  label: string;
  hint?: ReactNode;
}

export function TextControl({ form, path, label, hint, placeholder, list, type = 'text', optional, multiline, rows = 6, mono }: Common & { placeholder?: string; list?: string; type?: 'text' | 'email' | 'url' | 'time'; optional?: boolean; multiline?: boolean; rows?: number; mono?: boolean }) {
  const raw = getIn(form.value, path);
  const value = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
  const onChange = (next: string) => form.set(path, optional && next === '' ? undefined : next);
  return (
    <Field label={label} hint={hint} error={form.error(path)}>
      {(props) =>
        multiline ? (
          <textarea {...props} name={path} className={`textarea ${mono === false ? styles.proseArea : ''}`} rows={rows} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...props} name={path} className={`input ${mono ? 'mono' : ''}`} type={type} list={list} value={value} placeholder={placeholder} autoComplete="off" spellCheck={type === 'text' ? undefined : false} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

export function NumberControl({ form, path, label, hint, min, max, step = 1, suffix }: Common & { min?: number; max?: number; step?: number; suffix?: string }) {
  const raw = getIn(form.value, path);
  const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
  return (
    <Field label={label} hint={hint} error={form.error(path)}>
      {(props) => (
        <span className={styles.inputWithSuffix}>
          <input
            {...props}
            name={path}
            className="input"
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={step}
            value={value}
            onChange={(e) => form.set(path, e.target.value === '' ? undefined : Number(e.target.value))}
          />
          {suffix ? <span className={styles.suffix}>{suffix}</span> : null}
        </span>
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectControl({ form, path, label, hint, options, onSelect, placeholder }: Common & { options: readonly Option[]; onSelect?: (value: string) => void; placeholder?: string }) {
  const raw = getIn(form.value, path);
  const value = raw === undefined || raw === null ? '' : String(raw);
  return (
    <Field label={label} hint={hint} error={form.error(path)}>
      {(props) => (
        <select {...props} name={path} className="select" value={value} onChange={(e) => (onSelect ? onSelect(e.target.value) : form.set(path, e.target.value))}>
          {placeholder !== undefined || !options.some((o) => o.value === value) ? (
            <option value="" disabled={value !== ''}>
              {placeholder ?? 'Choose…'}
            </option>
          ) : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A yes/no setting; `invert` stores the opposite of what is ticked. */
export function CheckboxControl({ form, path, label, hint, invert, defaultValue = false }: Common & { invert?: boolean; defaultValue?: boolean }) {
  const raw = getIn(form.value, path);
  const value = typeof raw === 'boolean' ? raw : defaultValue;
  return (
    <div className={styles.checkField}>
      <label className={styles.check}>
        <input type="checkbox" name={path} checked={invert ? !value : value} onChange={(e) => form.set(path, invert ? !e.target.checked : e.target.checked)} />
        <span>{label}</span>
      </label>
      {hint ? <span className="field__hint">{hint}</span> : null}
      {form.error(path) ? (
        <span className="field__error" role="alert">
          {form.error(path)}
        </span>
      ) : null}
    </div>
  );
}

/** `2025-01-31T09:00` in the browser's zone ↔ an ISO instant. */
function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function DateTimeControl({ form, path, label, hint, optional }: Common & { optional?: boolean }) {
  return (
    <Field label={label} hint={hint ?? 'In your browser’s time zone'} error={form.error(path)}>
      {(props) => (
        <input
          {...props}
          name={path}
          className="input"
          type="datetime-local"
          value={toLocalInput(getIn(form.value, path))}
          onChange={(e) => {
            const date = new Date(e.target.value);
            form.set(path, e.target.value === '' || Number.isNaN(date.getTime()) ? (optional ? undefined : '') : date.toISOString());
          }}
        />
      )}
    </Field>
  );
}

/** Fields side by side (e.g. property · operator · value). */
export function Row({ children, columns }: { children: ReactNode; columns?: string }) {
  return (
    <div className={styles.row} style={columns ? { gridTemplateColumns: columns } : undefined}>
      {children}
    </div>
  );
}

/** A titled group of fields inside a form. */
export function Section({ title, hint, children, actions }: { title: string; hint?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className={styles.formSection}>
      <div className={styles.formSectionHeader}>
        <h4 className={styles.formSectionTitle}>{title}</h4>
        {actions}
      </div>
      {hint ? <p className={styles.formSectionHint}>{hint}</p> : null}
      <div className={styles.formSectionBody}>{children}</div>
    </section>
  );
}
