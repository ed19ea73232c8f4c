'use client';

import { maxSegmentDepth } from '@tideflow/domain';
import { useState } from 'react';
import { type BuilderCatalog, conditionTypeLabels, newCondition } from '../../_lib/catalog';
import { type ConditionType, type DraftAction, type DraftCondition, type DraftDefinition, type DraftGroup, type DraftNode, labelOf, type Location, pathOf } from '../../_lib/definition';
import type { ProblemIndex } from '../../_lib/problems';
import s from '../Builder.module.css';
import { ConditionFields, conditionClaims, conditionTitle, ProblemList } from './ConditionEditor';
import { BuilderContext, useBuilder } from './context';

/**
 * The visual editor of the whole segment language: nested groups (AND / OR,
 * NOT) of conditions, each with the controls its type needs, and every
 * validation problem next to the control it is about.
 */
export function SegmentBuilder({ draft, dispatch, catalog, problems, readOnly }: { draft: DraftDefinition; dispatch: (action: DraftAction) => void; catalog: BuilderCatalog; problems: ProblemIndex; readOnly: boolean }) {
  return (
    <BuilderContext.Provider value={{ catalog, problems, readOnly, dispatch }}>
      <fieldset className={s.builder} disabled={readOnly}>
        <legend className="visually-hidden">Conditions</legend>
        <GroupEditor group={draft.root} location={[]} />
      </fieldset>
    </BuilderContext.Provider>
  );
}

function sentence(group: DraftGroup): string {
  if (group.negate) return group.match === 'all' ? 'Users who do not match all of these' : 'Users who match none of these';
  return group.match === 'all' ? 'Users who match all of these' : 'Users who match any of these';
}

function NodeActions({ location, count, noun }: { location: Location; count: number; noun: string }) {
  const { dispatch, readOnly } = useBuilder();
  if (readOnly || location.length === 0) return null;
  const index = location[location.length - 1]!;
  const name = `${noun} ${labelOf(location)}`;
  return (
    <div className={s.nodeActions}>
      <button type="button" className={s.iconButton} aria-label={`Move ${name} up`} title="Move up" disabled={index === 0} onClick={() => dispatch({ kind: 'move', location, by: -1 })}>
        ↑
      </button>
      <button type="button" className={s.iconButton} aria-label={`Move ${name} down`} title="Move down" disabled={index === count - 1} onClick={() => dispatch({ kind: 'move', location, by: 1 })}>
        ↓
      </button>
      <button type="button" className={`${s.iconButton} ${s.danger}`} aria-label={`Remove ${name}`} title="Remove" onClick={() => dispatch({ kind: 'remove', location })}>
        ✕
      </button>
    </div>
  );
}

function GroupEditor({ group, location, siblings = 1 }: { group: DraftGroup; location: Location; siblings?: number }) {
  const { dispatch, readOnly, problems, catalog } = useBuilder();
  const [adding, setAdding] = useState<ConditionType>('attribute');
  const path = pathOf(location);
  const isRoot = location.length === 0;
  const depth = location.length + 1;
  const replace = (next: DraftGroup) => dispatch({ kind: 'replace', location, node: next });
  const label = isRoot ? 'All conditions' : `Group ${labelOf(location)}`;
  const connector = group.match === 'all' ? 'AND' : 'OR';
  return (
    <div role="group" aria-label={label} className={`${s.group} ${isRoot ? s.rootGroup : ''} ${group.negate ? s.negated : ''}`}>
      <div className={s.groupHeader}>
        <button type="button" className={s.toggle} aria-pressed={group.negate} title="NOT: users for whom this group does not hold" onClick={() => replace({ ...group, negate: !group.negate })}>
          NOT
        </button>
        <div className={s.segmented} role="group" aria-label={`${label}: match`}>
          <button type="button" aria-pressed={group.match === 'all'} onClick={() => replace({ ...group, match: 'all' })}>
            All (AND)
          </button>
          <button type="button" aria-pressed={group.match === 'any'} onClick={() => replace({ ...group, match: 'any' })}>
            Any (OR)
          </button>
        </div>
        <span className={s.sentence}>{sentence(group)}</span>
        <NodeActions location={location} count={siblings} noun="group" />
      </div>
      <ProblemList messages={problems.unclaimed(path, [])} />
      {group.children.length ? (
        <ol className={s.children}>
          {group.children.map((child, index) => (
            <li key={child._key ?? index} className={s.child}>
              {index > 0 ? (
                <span className={s.connector} aria-hidden="true">
                  {connector}
                </span>
              ) : null}
              <NodeEditor node={child} location={[...location, index]} siblings={group.children.length} />
            </li>
          ))}
        </ol>
      ) : (
        <p className={s.empty}>{group.match === 'all' ? 'No conditions: every user matches.' : 'No conditions: no user matches.'}</p>
      )}
      {!readOnly ? (
        <div className={s.addBar}>
          <label className="visually-hidden" htmlFor={`add-${path}`}>
            Condition type for {label}
          </label>
          <select id={`add-${path}`} className={`select ${s.select}`} value={adding} onChange={(event) => setAdding(event.target.value as ConditionType)}>
            {(Object.keys(conditionTypeLabels) as ConditionType[]).map((type) => (
              <option key={type} value={type}>
                {conditionTypeLabels[type]}
              </option>
            ))}
          </select>
          <button type="button" className={s.secondaryButton} onClick={() => dispatch({ kind: 'add', group: location, node: newCondition(adding, catalog) })} aria-label={isRoot ? 'Add condition' : `Add condition to ${label}`}>
            + Condition
          </button>
          {depth < maxSegmentDepth ? (
            <button
              type="button"
              className={s.secondaryButton}
              onClick={() => dispatch({ kind: 'add', group: location, node: { type: 'group', match: group.match === 'all' ? 'any' : 'all', negate: false, children: [] } })}
              aria-label={isRoot ? 'Add group' : `Add group to ${label}`}
            >
              + Group
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function NodeEditor({ node, location, siblings }: { node: DraftNode; location: Location; siblings: number }) {
  const { dispatch, problems } = useBuilder();
  if (node.type === 'group') return <GroupEditor group={node} location={location} siblings={siblings} />;
  const path = pathOf(location);
  const condition = node as DraftCondition;
  const invalid = problems.has(path);
  return (
    <div role="group" aria-label={`Condition ${labelOf(location)}`} className={`${s.condition} ${invalid ? s.conditionInvalid : ''}`}>
      <div className={s.conditionHeader}>
        <span className={s.conditionTitle}>
          <span className={s.conditionNumber}>{labelOf(location)}</span>
          {conditionTitle(condition)}
        </span>
        <NodeActions location={location} count={siblings} noun="condition" />
      </div>
      <div className={s.conditionBody}>
        <ConditionFields condition={condition} path={path} onChange={(next) => dispatch({ kind: 'replace', location, node: { ...next, _key: condition._key } as DraftNode })} />
      </div>
      <ProblemList messages={problems.unclaimed(path, conditionClaims(condition))} />
    </div>
  );
}
