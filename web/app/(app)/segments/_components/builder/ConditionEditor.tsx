'use client';

import {
  AggregateComparison,
  type AttributeOperator,
  type AttributeType,
  attributeOperatorValue,
  attributeTypeOf,
  RfmBucket,
  rfmBuckets,
  type SegmentConditionOf,
  technologyAttributes,
} from '@tideflow/domain';
import { useState } from 'react';
import { conditionTitles, operatorLabels, operatorsFor, technologyLabels } from '../../_lib/catalog';
import type { DraftCondition } from '../../_lib/definition';
import s from '../Builder.module.css';
import { useBuilder } from './context';
import { Control, EventPicker, FilterList, ListInput, NumberInput, ProblemList, TextValueInput, WindowEditor } from './controls';

/** Sub-paths each condition type's controls show problems for (a trailing "/" takes the subtree). */
const claims: Record<DraftCondition['type'], string[]> = {
  attribute: ['attribute', 'operator', 'value/', 'values/', 'from', 'to', 'days'],
  technology: ['attribute', 'operator', 'value/', 'values/', 'from', 'to', 'days'],
  behaviour: ['event/', 'filters/', 'did', 'count/', 'window/'],
  eventTime: ['event/', 'filters/', 'which', 'window/'],
  aggregate: ['event/', 'filters/', 'property', 'aggregate', 'operator', 'value', 'to', 'window/'],
  reachability: ['channel', 'reachable'],
  segment: ['segmentId', 'member'],
  rfm: ['event/', 'amountProperty', 'window/', 'bucket'],
};

export function conditionClaims(condition: DraftCondition): string[] {
  return claims[condition.type] ?? [];
}

export function conditionTitle(condition: DraftCondition): string {
  return conditionTitles[condition.type] ?? 'Unknown condition';
}

/** The controls of one condition, by type. */
export function ConditionFields({ condition, path, onChange }: { condition: DraftCondition; path: string; onChange: (next: DraftCondition) => void }) {
  switch (condition.type) {
    case 'attribute':
      return <AttributeFields condition={condition} path={path} onChange={onChange} />;
    case 'technology':
      return <TechnologyFields condition={condition} path={path} onChange={onChange} />;
    case 'behaviour':
      return <BehaviourFields condition={condition} path={path} onChange={onChange} />;
    case 'eventTime':
      return <EventTimeFields condition={condition} path={path} onChange={onChange} />;
    case 'aggregate':
      return <AggregateFields condition={condition} path={path} onChange={onChange} />;
    case 'reachability':
      return <ReachabilityFields condition={condition} path={path} onChange={onChange} />;
    case 'segment':
      return <MembershipFields condition={condition} path={path} onChange={onChange} />;
    case 'rfm':
      return <RfmFields condition={condition} path={path} onChange={onChange} />;
    default:
      return <p className="muted">This condition type is not known to the builder; remove it or fix it through the API.</p>;
  }
}

type Comparison = SegmentConditionOf<'attribute'> | SegmentConditionOf<'technology'>;

/** The operator's values, keeping those the new operator reads the same way. */
function withOperator<C extends Comparison>(condition: C, operator: AttributeOperator): C {
  const { value, values, from, to, days, ...base } = condition;
  const before = attributeOperatorValue[condition.operator];
  const after = attributeOperatorValue[operator];
  const next = { ...base, operator } as C;
  const single = new Set(['scalar', 'numberOrDate', 'date']);
  if (before === after) return { ...next, ...(value !== undefined ? { value } : {}), ...(values ? { values } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(days !== undefined ? { days } : {}) };
  if (single.has(before) && single.has(after) && value !== undefined) return { ...next, value };
  if (single.has(before) && after === 'list' && value !== undefined && typeof value !== 'boolean') return { ...next, values: [value] };
  if (before === 'list' && after === 'scalar' && values?.length === 1) return { ...next, value: values[0] };
  return next;
}

function DateInput({ value, onValue, ...props }: { value: unknown; onValue: (value: string | undefined) => void; id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) {
  return <input {...props} type="date" className="input" value={typeof value === 'string' ? value.slice(0, 10) : ''} onChange={(event) => onValue(event.target.value || undefined)} />;
}

/** Operator and value(s) of an attribute or technology condition, fitting the attribute's type. */
function ComparisonFields<C extends Comparison>({ condition, path, type, onChange }: { condition: C; path: string; type: AttributeType | undefined; onChange: (next: C) => void }) {
  const { problems } = useBuilder();
  const operators = operatorsFor(type);
  const need = attributeOperatorValue[condition.operator] ?? 'none';
  const single = (key: 'value' | 'from' | 'to', label: string) => (
    <Control label={label} problems={key === 'value' ? problems.under(`${path}.value`) : problems.at(`${path}.${key}`)}>
      {(props) =>
        type === 'DATE' || need === 'date' ? (
          <DateInput {...props} value={condition[key]} onValue={(value) => onChange({ ...condition, [key]: value })} />
        ) : type === 'NUMBER' ? (
          <NumberInput {...props} value={condition[key] as number | undefined} onValue={(value) => onChange({ ...condition, [key]: value })} />
        ) : (
          <TextValueInput {...props} numeric={need !== 'scalar'} value={condition[key]} onValue={(value) => onChange({ ...condition, [key]: value })} />
        )
      }
    </Control>
  );
  return (
    <>
      <Control label="Operator" problems={problems.at(`${path}.operator`)}>
        {(props) => (
          <select {...props} className={`select ${s.select}`} value={condition.operator} onChange={(event) => onChange(withOperator(condition, event.target.value as AttributeOperator))}>
            {(operators.includes(condition.operator) ? operators : [condition.operator, ...operators]).map((operator) => (
              <option key={operator} value={operator}>
                {operatorLabels[operator] ?? operator}
              </option>
            ))}
          </select>
        )}
      </Control>
      {need === 'scalar' || need === 'numberOrDate' || need === 'date' ? single('value', need === 'date' ? 'Date' : 'Value') : null}
      {need === 'list' ? (
        <Control label="Values (comma-separated)" problems={problems.under(`${path}.values`)} wide>
          {(props) => <ListInput {...props} numeric={type === 'NUMBER'} value={condition.values} onValue={(values) => onChange({ ...condition, values })} />}
        </Control>
      ) : null}
      {need === 'range' ? (
        <>
          {single('from', 'From')}
          {single('to', 'To')}
        </>
      ) : null}
      {need === 'days' ? (
        <Control label={condition.operator === 'moreThanDaysAgo' ? 'Days ago' : 'Days'} problems={problems.at(`${path}.days`)}>
          {(props) => <NumberInput {...props} min={0} value={condition.days} onValue={(days) => onChange({ ...condition, days })} />}
        </Control>
      ) : null}
    </>
  );
}

function AttributeFields({ condition, path, onChange }: { condition: SegmentConditionOf<'attribute'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { catalog, problems } = useBuilder();
  const type = attributeTypeOf(condition.attribute, { attributes: catalog.validation.attributes });
  const listed = catalog.attributes.some((a) => a.name === condition.attribute);
  const [typing, setTyping] = useState(!listed);
  const pick = (attribute: string) => {
    const nextType = attributeTypeOf(attribute, { attributes: catalog.validation.attributes });
    if (nextType === type && operatorsFor(nextType).includes(condition.operator)) return onChange({ ...condition, attribute });
    // Another type: its first operator, and values typed for the old type dropped.
    const operator = operatorsFor(nextType).includes(condition.operator) ? condition.operator : operatorsFor(nextType)[0]!;
    onChange({ type: 'attribute', attribute, operator });
  };
  const system = catalog.attributes.filter((a) => a.system);
  const traits = catalog.attributes.filter((a) => !a.system);
  return (
    <div className={s.inline}>
      {typing ? (
        <Control label="Attribute (name or path)" problems={problems.at(`${path}.attribute`)}>
          {(props) => (
            <span className={s.inlineTight}>
              <input {...props} className="input" placeholder="address.city" value={condition.attribute} onChange={(event) => onChange({ ...condition, attribute: event.target.value })} />
              <button type="button" className={s.linkButton} onClick={() => setTyping(false)}>
                List
              </button>
            </span>
          )}
        </Control>
      ) : (
        <Control label="Attribute" problems={problems.at(`${path}.attribute`)}>
          {(props) => (
            <select
              {...props}
              className={`select ${s.select}`}
              value={listed ? condition.attribute : ''}
              onChange={(event) => (event.target.value === '\u0000other' ? setTyping(true) : pick(event.target.value))}
            >
              {!listed ? <option value="">Choose an attribute…</option> : null}
              <optgroup label="System attributes">
                {system.map((a) => (
                  <option key={a.name} value={a.name}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
              {traits.length ? (
                <optgroup label="Custom traits">
                  {traits.map((a) => (
                    <option key={a.name} value={a.name}>
                      {`${a.label} · ${a.type.toLowerCase()}`}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <option value={'\u0000other'}>Other (type a name or path)…</option>
            </select>
          )}
        </Control>
      )}
      <ComparisonFields condition={condition} path={path} type={type} onChange={onChange} />
    </div>
  );
}

function TechnologyFields({ condition, path, onChange }: { condition: SegmentConditionOf<'technology'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { problems } = useBuilder();
  return (
    <div className={s.inline}>
      <Control label="Property" problems={problems.at(`${path}.attribute`)}>
        {(props) => (
          <select {...props} className={`select ${s.select}`} value={condition.attribute} onChange={(event) => onChange({ ...condition, attribute: event.target.value as (typeof technologyAttributes)[number] })}>
            {technologyAttributes.map((attribute) => (
              <option key={attribute} value={attribute}>
                {technologyLabels[attribute]}
              </option>
            ))}
          </select>
        )}
      </Control>
      <ComparisonFields condition={condition} path={path} type="STRING" onChange={onChange} />
    </div>
  );
}

function BehaviourFields({ condition, path, onChange }: { condition: SegmentConditionOf<'behaviour'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { problems } = useBuilder();
  const count = condition.count ?? { rule: 'atLeast', times: 1 };
  return (
    <>
      <div className={s.inline}>
        <Control label="Did" problems={problems.at(`${path}.did`)}>
          {(props) => (
            <select {...props} className={`select ${s.select}`} value={condition.did === false ? 'no' : 'yes'} onChange={(event) => onChange({ ...condition, did: event.target.value === 'yes' })}>
              <option value="yes">did</option>
              <option value="no">did not</option>
            </select>
          )}
        </Control>
        <EventPicker value={condition.event} problems={problems.under(`${path}.event`)} onChange={(event) => onChange({ ...condition, event })} />
        <Control label="Count" problems={problems.at(`${path}.count.rule`)}>
          {(props) => (
            <select {...props} className={`select ${s.select}`} value={count.rule} onChange={(event) => onChange({ ...condition, count: { ...count, rule: event.target.value as 'atLeast' | 'exactly' | 'atMost' } })}>
              <option value="atLeast">at least</option>
              <option value="exactly">exactly</option>
              <option value="atMost">at most</option>
            </select>
          )}
        </Control>
        <Control label="Times" problems={problems.under(`${path}.count`).filter((m) => !m.startsWith('rule:'))}>
          {(props) => <NumberInput {...props} min={0} value={count.times} onValue={(times) => onChange({ ...condition, count: { ...count, times: times as number } })} />}
        </Control>
      </div>
      <WindowEditor value={condition.window} problems={problems.under(`${path}.window`)} onChange={(window) => onChange({ ...condition, window })} />
      <FilterList path={path} filters={condition.filters} onChange={(filters) => onChange({ ...condition, filters })} />
    </>
  );
}

function EventTimeFields({ condition, path, onChange }: { condition: SegmentConditionOf<'eventTime'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { problems } = useBuilder();
  return (
    <>
      <div className={s.inline}>
        <Control label="The" problems={problems.at(`${path}.which`)}>
          {(props) => (
            <select {...props} className={`select ${s.select}`} value={condition.which} onChange={(event) => onChange({ ...condition, which: event.target.value as 'first' | 'last' })}>
              <option value="first">first time</option>
              <option value="last">last time</option>
            </select>
          )}
        </Control>
        <EventPicker label="the user did" value={condition.event} problems={problems.under(`${path}.event`)} onChange={(event) => onChange({ ...condition, event })} />
      </div>
      <WindowEditor value={condition.window} problems={problems.under(`${path}.window`)} onChange={(window) => onChange({ ...condition, window })} />
      <FilterList path={path} filters={condition.filters} onChange={(filters) => onChange({ ...condition, filters })} />
    </>
  );
}

const aggregateLabels = { sum: 'Total (sum)', avg: 'Average', min: 'Minimum', max: 'Maximum' } as const;
const aggregateComparisonLabels: Record<(typeof AggregateComparison.options)[number], string> = {
  greaterThan: 'is greater than',
  greaterOrEqual: 'is at least',
  lessThan: 'is less than',
  lessOrEqual: 'is at most',
  equals: 'is',
  between: 'is between',
};

function AggregateFields({ condition, path, onChange }: { condition: SegmentConditionOf<'aggregate'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { problems } = useBuilder();
  return (
    <>
      <div className={s.inline}>
        <Control label="Aggregate" problems={problems.at(`${path}.aggregate`)}>
          {(props) => (
            <select {...props} className={`select ${s.select}`} value={condition.aggregate} onChange={(event) => onChange({ ...condition, aggregate: event.target.value as 'sum' | 'avg' | 'min' | 'max' })}>
              {(Object.keys(aggregateLabels) as Array<keyof typeof aggregateLabels>).map((key) => (
                <option key={key} value={key}>
                  {aggregateLabels[key]}
                </option>
              ))}
            </select>
          )}
        </Control>
        <Control label="of property" problems={problems.at(`${path}.property`)}>
          {(props) => <input {...props} className="input" placeholder="amount" value={condition.property} onChange={(event) => onChange({ ...condition, property: event.target.value })} />}
        </Control>
        <EventPicker label="of event" value={condition.event} problems={problems.under(`${path}.event`)} onChange={(event) => onChange({ ...condition, event })} />
      </div>
      <div className={s.inline}>
        <Control label="Comparison" problems={problems.at(`${path}.operator`)}>
          {(props) => (
            <select
              {...props}
              className={`select ${s.select}`}
              value={condition.operator}
              onChange={(event) => {
                const operator = event.target.value as typeof condition.operator;
                const { to, ...rest } = condition;
                onChange(operator === 'between' ? { ...condition, operator } : { ...rest, operator });
              }}
            >
              {AggregateComparison.options.map((operator) => (
                <option key={operator} value={operator}>
                  {aggregateComparisonLabels[operator]}
                </option>
              ))}
            </select>
          )}
        </Control>
        <Control label={condition.operator === 'between' ? 'From' : 'Value'} problems={problems.at(`${path}.value`)}>
          {(props) => <NumberInput {...props} value={condition.value} onValue={(value) => onChange({ ...condition, value })} />}
        </Control>
        {condition.operator === 'between' ? (
          <Control label="To" problems={problems.at(`${path}.to`)}>
            {(props) => <NumberInput {...props} value={condition.to} onValue={(to) => onChange({ ...condition, to })} />}
          </Control>
        ) : null}
      </div>
      <WindowEditor value={condition.window} problems={problems.under(`${path}.window`)} onChange={(window) => onChange({ ...condition, window })} />
      <FilterList path={path} filters={condition.filters} onChange={(filters) => onChange({ ...condition, filters })} />
    </>
  );
}

function ReachabilityFields({ condition, path, onChange }: { condition: SegmentConditionOf<'reachability'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { problems } = useBuilder();
  return (
    <div className={s.inline}>
      <Control label="Is" problems={problems.at(`${path}.reachable`)}>
        {(props) => (
          <select {...props} className={`select ${s.select}`} value={condition.reachable === false ? 'no' : 'yes'} onChange={(event) => onChange({ ...condition, reachable: event.target.value === 'yes' })}>
            <option value="yes">reachable</option>
            <option value="no">not reachable</option>
          </select>
        )}
      </Control>
      <Control label="Channel" problems={problems.at(`${path}.channel`)}>
        {(props) => (
          <select {...props} className={`select ${s.select}`} value={condition.channel} onChange={(event) => onChange({ ...condition, channel: event.target.value as 'email' | 'sms' | 'push' })}>
            <option value="email">by email</option>
            <option value="sms">by SMS</option>
            <option value="push">by push</option>
          </select>
        )}
      </Control>
      <p className={`${s.hint} ${s.alignEnd}`}>A usable address or token, and not unsubscribed from the channel.</p>
    </div>
  );
}

function MembershipFields({ condition, path, onChange }: { condition: SegmentConditionOf<'segment'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { catalog, problems } = useBuilder();
  const known = catalog.segments.some((segment) => segment.id === condition.segmentId);
  return (
    <div className={s.inline}>
      <Control label="Is" problems={problems.at(`${path}.member`)}>
        {(props) => (
          <select {...props} className={`select ${s.select}`} value={condition.member === false ? 'no' : 'yes'} onChange={(event) => onChange({ ...condition, member: event.target.value === 'yes' })}>
            <option value="yes">a member of</option>
            <option value="no">not a member of</option>
          </select>
        )}
      </Control>
      <Control label="Segment" problems={problems.at(`${path}.segmentId`)}>
        {(props) => (
          <select {...props} className={`select ${s.select}`} value={condition.segmentId} onChange={(event) => onChange({ ...condition, segmentId: event.target.value })}>
            <option value="" disabled>
              {catalog.segments.length ? 'Choose a segment…' : 'No other segments yet'}
            </option>
            {!known && condition.segmentId ? <option value={condition.segmentId}>Unknown segment</option> : null}
            {catalog.segments.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {`${segment.name} (${segment.kind.toLowerCase()})`}
              </option>
            ))}
          </select>
        )}
      </Control>
    </div>
  );
}

/** "Champions: bought recently, often, and spend the most" → ["Champions", "bought recently, …"]. */
function rfmLabel(bucket: RfmBucket): [string, string] {
  const [name, ...rest] = rfmBuckets[bucket].label.split(':');
  return [name!.trim(), rest.join(':').trim()];
}

function RfmFields({ condition, path, onChange }: { condition: SegmentConditionOf<'rfm'>; path: string; onChange: (next: DraftCondition) => void }) {
  const { problems } = useBuilder();
  const bucket = rfmBuckets[condition.bucket] ? condition.bucket : undefined;
  const ranges = bucket ? rfmBuckets[bucket].ranges : undefined;
  return (
    <>
      <div className={s.inline}>
        <Control label="Bucket" problems={problems.at(`${path}.bucket`)}>
          {(props) => (
            <select {...props} className={`select ${s.select}`} value={condition.bucket} onChange={(event) => onChange({ ...condition, bucket: event.target.value as RfmBucket })}>
              {RfmBucket.options.map((option) => (
                <option key={option} value={option}>
                  {rfmLabel(option)[0]}
                </option>
              ))}
            </select>
          )}
        </Control>
        <EventPicker label="by event" value={condition.event} problems={problems.under(`${path}.event`)} onChange={(event) => onChange({ ...condition, event })} />
        <Control label="Amount property" problems={problems.at(`${path}.amountProperty`)}>
          {(props) => <input {...props} className="input" placeholder="revenue" value={condition.amountProperty} onChange={(event) => onChange({ ...condition, amountProperty: event.target.value })} />}
        </Control>
      </div>
      {bucket && ranges ? (
        <p className={s.hint}>
          <strong>{rfmLabel(bucket)[0]}</strong>: {rfmLabel(bucket)[1]}. Scores 1–5 by quintile: recency {ranges.r.join('–')}, frequency {ranges.f.join('–')}, monetary {ranges.m.join('–')}.
        </p>
      ) : null}
      <WindowEditor value={condition.window} allowEver={false} problems={problems.under(`${path}.window`)} onChange={(window) => onChange({ ...condition, window })} />
    </>
  );
}

export { ProblemList };
