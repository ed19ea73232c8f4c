'use client';

import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorDetails } from '@/lib/errors';
import type { AttributeOperator, UserFilterAttributesQuery, UserFilterSegmentsQuery } from '@/lib/gql/graphql';
import { formatCount } from '@/lib/format';
import { type AppliedFilter, type Condition, needsValue, operatorLabel, operatorsFor } from './userFilter';
import styles from './Users.module.css';

type AttributeOption = UserFilterAttributesQuery['attributeDefinitions'][number];
type SegmentOption = UserFilterSegmentsQuery['segments'][number];

/** Search, known / anonymous, segment, and attribute conditions. Search and conditions apply on submit; the selects at once. */
export function UserFilters({
  applied,
  onApply,
  attributes,
  attributesError,
  segments,
  segmentsError,
  conditionErrors,
  segmentError,
}: {
  applied: AppliedFilter;
  onApply: (filter: AppliedFilter) => void;
  attributes: readonly AttributeOption[];
  attributesError: unknown;
  segments: readonly SegmentOption[];
  segmentsError: unknown;
  conditionErrors: Record<number, string>;
  segmentError: string | null;
}) {
  const id = useId();
  const [search, setSearch] = useState(applied.search);
  const [conditions, setConditions] = useState<Condition[]>(applied.conditions);
  // Back / forward, or a link, changed the applied filter: show it.
  const appliedKey = JSON.stringify(applied);
  useEffect(() => {
    setSearch(applied.search);
    setConditions(applied.conditions);
  }, [appliedKey]);

  const typeOf = (name: string) => attributes.find((a) => a.name === name)?.type;
  const dirty = search !== applied.search || JSON.stringify(conditions) !== JSON.stringify(applied.conditions);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...applied, search, conditions });
  };
  const update = (index: number, patch: Partial<Condition>) => setConditions((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const addCondition = () => {
    const first = attributes.find((a) => !a.system) ?? attributes[0];
    setConditions((list) => [...list, { name: first?.name ?? '', operator: operatorsFor(first?.type)[0]!, value: '' }]);
  };
  const anyFilter = applied.search || applied.kind !== 'all' || applied.segmentId || applied.conditions.length;

  return (
    <form className={`panel ${styles.filters}`} onSubmit={submit} role="search" aria-label="Filter users">
      <div className={styles.filterRow}>
        <div className={`field ${styles.searchField}`}>
          <label className="field__label" htmlFor={`${id}-search`}>
            Search
          </label>
          <input id={`${id}-search`} className="input" type="search" placeholder="Email, phone or userId" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            Profiles
          </label>
          <select id={`${id}-kind`} className="select" value={applied.kind} onChange={(e) => onApply({ ...applied, search, conditions, kind: e.target.value as AppliedFilter['kind'] })}>
            <option value="all">Known and anonymous</option>
            <option value="known">Known (with a userId)</option>
            <option value="anonymous">Anonymous only</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-segment`}>
            Segment
          </label>
          <select
            id={`${id}-segment`}
            className="select"
            value={applied.segmentId}
            aria-invalid={Boolean(segmentError)}
            aria-describedby={segmentError || segmentsError ? `${id}-segment-error` : undefined}
            disabled={Boolean(segmentsError) && !applied.segmentId}
            onChange={(e) => onApply({ ...applied, search, conditions, segmentId: e.target.value })}
          >
            <option value="">Any segment</option>
            {applied.segmentId && !segments.some((s) => s.id === applied.segmentId) ? <option value={applied.segmentId}>Segment {applied.segmentId.slice(0, 8)}</option> : null}
            {segments.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name} ({formatCount(segment.size)})
              </option>
            ))}
          </select>
          {segmentError || segmentsError ? (
            <span id={`${id}-segment-error`} className="field__error" role="alert">
              {segmentError ?? `Segments could not be loaded: ${errorDetails(segmentsError).message}`}
            </span>
          ) : null}
        </div>
        <div className={styles.filterActions}>
          <button type="submit" className="button button--primary">
            {dirty ? 'Apply' : 'Search'}
          </button>
          {anyFilter ? (
            <button type="button" className="button button--secondary" onClick={() => onApply({ search: '', kind: 'all', segmentId: '', conditions: [] })}>
              Clear
            </button>
          ) : null}
        </div>
      </div>

      <fieldset className={styles.conditions}>
        <legend className={styles.conditionsLegend}>Attribute conditions {conditions.length ? <span className="muted">(all must hold)</span> : null}</legend>
        {conditions.map((condition, index) => {
          const type = typeOf(condition.name);
          const operators = operatorsFor(type);
          const error = conditionErrors[index];
          const rowId = `${id}-condition-${index}`;
          return (
            <div key={index} className={styles.condition}>
              <label className="visually-hidden" htmlFor={`${rowId}-name`}>
                Attribute of condition {index + 1}
              </label>
              <select
                id={`${rowId}-name`}
                className="select"
                value={condition.name}
                onChange={(e) => {
                  const nextOperators = operatorsFor(typeOf(e.target.value));
                  update(index, { name: e.target.value, operator: nextOperators.includes(condition.operator) ? condition.operator : nextOperators[0]! });
                }}
              >
                {!attributes.some((a) => a.name === condition.name) ? <option value={condition.name}>{condition.name || 'Choose an attribute'}</option> : null}
                <optgroup label="System attributes">
                  {attributes
                    .filter((a) => a.system)
                    .map((a) => (
                      <option key={a.name} value={a.name}>
                        {a.displayName}
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Custom attributes">
                  {attributes
                    .filter((a) => !a.system)
                    .map((a) => (
                      <option key={a.name} value={a.name}>
                        {a.name}
                      </option>
                    ))}
                </optgroup>
              </select>
              <label className="visually-hidden" htmlFor={`${rowId}-operator`}>
                Operator of condition {index + 1}
              </label>
              <select id={`${rowId}-operator`} className="select" value={condition.operator} onChange={(e) => update(index, { operator: e.target.value as AttributeOperator })}>
                {operators.map((operator) => (
                  <option key={operator} value={operator}>
                    {operatorLabel(operator, type)}
                  </option>
                ))}
              </select>
              {needsValue(condition.operator) ? (
                <>
                  <label className="visually-hidden" htmlFor={`${rowId}-value`}>
                    Value of condition {index + 1}
                  </label>
                  <input
                    id={`${rowId}-value`}
                    className="input"
                    type={type === 'DATE' ? 'datetime-local' : 'text'}
                    inputMode={type === 'NUMBER' ? 'decimal' : undefined}
                    placeholder={condition.operator === 'IN' ? 'a, b, c' : type === 'BOOLEAN' ? 'true or false' : 'Value'}
                    value={condition.value}
                    aria-invalid={Boolean(error)}
                    aria-describedby={error ? `${rowId}-error` : undefined}
                    onChange={(e) => update(index, { value: e.target.value })}
                  />
                </>
              ) : (
                <span />
              )}
              <button type="button" className="button button--ghost button--small" onClick={() => setConditions((list) => list.filter((_, i) => i !== index))} aria-label={`Remove condition ${index + 1}`}>
                Remove
              </button>
              {error ? (
                <span id={`${rowId}-error`} className={`field__error ${styles.conditionError}`} role="alert">
                  {error}
                </span>
              ) : null}
            </div>
          );
        })}
        <div className={styles.conditionActions}>
          <button type="button" className="button button--secondary button--small" onClick={addCondition} disabled={!attributes.length}>
            Add condition
          </button>
          {attributesError ? <span className="field__error">The attribute catalog could not be loaded: {errorDetails(attributesError).message}</span> : null}
          {conditions.length && dirty ? <span className="muted">Apply to filter by these conditions.</span> : null}
        </div>
      </fieldset>
    </form>
  );
}
