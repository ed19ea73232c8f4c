'use client';

import type { ReactNode } from 'react';
import styles from '../Builder.module.css';
import type { FormBinding } from './controls';
import { getIn } from './paths';

/**
 * A list of items (filters, conditions, branches, headers, updates): add,
 * remove and, where order matters, move up and down. Each item renders its
 * own fields at `path.index`.
 */
export function ListControl({
  form,
  path,
  label,
  itemLabel,
  addLabel,
  newItem,
  renderItem,
  max = 50,
  min = 0,
  reorderable = false,
  hint,
  empty,
}: {
  form: FormBinding;
  path: string;
  label: string;
  itemLabel: (index: number) => string;
  addLabel: string;
  newItem: () => unknown;
  renderItem: (itemPath: string, index: number) => ReactNode;
  max?: number;
  min?: number;
  reorderable?: boolean;
  hint?: ReactNode;
  empty?: ReactNode;
}) {
  const raw = getIn(form.value, path);
  const items = Array.isArray(raw) ? raw : [];
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    form.set(path, next);
  };
  return (
    <fieldset className={styles.list}>
      <legend className={styles.listLegend}>{label}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {items.length === 0 && empty ? <p className={styles.listEmpty}>{empty}</p> : null}
      <ol className={styles.listItems}>
        {items.map((_, index) => (
          // Items have no ids of their own: the index is their identity while the list is edited.
          <li key={index} className={styles.listItem}>
            <div className={styles.listItemHeader}>
              <span className={styles.listItemTitle}>{itemLabel(index)}</span>
              <span className={styles.listItemActions}>
                {reorderable ? (
                  <>
                    <button type="button" className={styles.iconButton} onClick={() => move(index, index - 1)} disabled={index === 0} aria-label={`Move ${itemLabel(index)} up`}>
                      ↑
                    </button>
                    <button type="button" className={styles.iconButton} onClick={() => move(index, index + 1)} disabled={index === items.length - 1} aria-label={`Move ${itemLabel(index)} down`}>
                      ↓
                    </button>
                  </>
                ) : null}
                <button type="button" className={styles.iconButton} onClick={() => form.set(path, items.filter((__, i) => i !== index))} disabled={items.length <= min} aria-label={`Remove ${itemLabel(index)}`}>
                  ✕
                </button>
              </span>
            </div>
            <div className={styles.listItemBody}>{renderItem(`${path}.${index}`, index)}</div>
          </li>
        ))}
      </ol>
      {form.error(path) ? (
        <span className="field__error" role="alert">
          {form.error(path)}
        </span>
      ) : null}
      <button type="button" className={`button button--small ${styles.addButton}`} onClick={() => form.set(path, [...items, newItem()])} disabled={items.length >= max}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
