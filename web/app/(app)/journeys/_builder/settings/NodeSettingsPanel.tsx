'use client';

import type { JourneyNodeType } from '@tideflow/domain';
import { memo, useCallback, useMemo } from 'react';
import styles from '../Builder.module.css';
import { useBuilder } from '../BuilderContext';
import { draftBranches, type FlowNode, type NodeSettings } from '../graph';
import { nodeKind } from '../nodeCatalog';
import { NodeIcon } from '../nodes/NodeIcon';
import type { Problem } from '../queries';
import { WaitingUsers } from '../WaitingUsers';
import { ApiTriggerForm } from './ApiTriggerForm';
import { ConditionSplitForm } from './ConditionSplitForm';
import { ConnectionsSection, type TargetOption } from './ConnectionsSection';
import { type FormBinding, TextControl } from './controls';
import { EventTriggerForm } from './EventTriggerForm';
import { setIn } from './paths';
import { RandomSplitForm } from './RandomSplitForm';
import { ScheduleTriggerForm } from './ScheduleTriggerForm';
import { SegmentTriggerForm } from './SegmentTriggerForm';
import { SendMessageForm } from './SendMessageForm';
import { UpdateUserForm } from './UpdateUserForm';
import { useFormBinding } from './useFormBinding';
import { nodeFieldErrors, problemFieldErrors } from './validation';
import { WaitForEventForm } from './WaitForEventForm';
import { WaitForm } from './WaitForm';
import { WaitForSegmentForm } from './WaitForSegmentForm';
import { WaitUntilForm } from './WaitUntilForm';
import { WebhookForm } from './WebhookForm';

function SettingsFields({ type, form, timezone }: { type: JourneyNodeType; form: FormBinding; timezone: string }) {
  switch (type) {
    case 'eventTrigger':
      return <EventTriggerForm form={form} />;
    case 'apiTrigger':
      return <ApiTriggerForm form={form} />;
    case 'scheduleTrigger':
      return <ScheduleTriggerForm form={form} />;
    case 'segmentTrigger':
      return <SegmentTriggerForm form={form} />;
    case 'wait':
      return <WaitForm form={form} />;
    case 'waitUntil':
      return <WaitUntilForm form={form} timezone={timezone} />;
    case 'waitForEvent':
      return <WaitForEventForm form={form} />;
    case 'waitForSegment':
      return <WaitForSegmentForm form={form} />;
    case 'conditionSplit':
      return <ConditionSplitForm form={form} />;
    case 'randomSplit':
      return <RandomSplitForm form={form} />;
    case 'sendMessage':
      return <SendMessageForm form={form} />;
    case 'updateUser':
      return <UpdateUserForm form={form} />;
    case 'webhook':
      return <WebhookForm form={form} />;
    case 'end':
      return <p className={styles.listEmpty}>Users who reach this step finish the journey: their run completes. It has no settings.</p>;
  }
}

export interface NodeSettingsPanelProps {
  node: FlowNode;
  problems: Problem[] | null;
  outgoing: ReadonlyMap<string, string>;
  targets: readonly TargetOption[];
  published: boolean;
  onSettings: (nodeId: string, settings: NodeSettings, path: string) => void;
  onLabel: (nodeId: string, label: string) => void;
  onConnect: (nodeId: string, branch: string, target: string | null) => void;
  onDelete: (nodeId: string) => void;
}

/** The selected step: its label, every setting (checked as typed), where its branches lead, who is there now. */
export const NodeSettingsPanel = memo(function NodeSettingsPanel({ node, problems, outgoing, targets, published, onSettings, onLabel, onConnect, onDelete }: NodeSettingsPanelProps) {
  const { readOnly, timezone, journeyId } = useBuilder();
  const type = node.type as JourneyNodeType;
  const kind = nodeKind(type);
  const { settings, label } = node.data;
  const errors = useMemo(() => {
    const merged = new Map(nodeFieldErrors({ id: node.id, type, label, settings }));
    for (const [path, message] of problemFieldErrors(problems ?? [], node.id)) if (!merged.has(path)) merged.set(path, message);
    return merged;
  }, [node.id, type, label, settings, problems]);
  const validated = (problems ?? []).some((p) => p.nodeId === node.id);
  const onSet = useCallback((path: string, value: unknown) => onSettings(node.id, setIn(settings, path, value), path), [node.id, settings, onSettings]);
  const form = useFormBinding(node.id, settings, errors, validated, onSet);
  const labelForm = useMemo<FormBinding>(() => ({ value: { label: label ?? '' }, set: (_path, value) => onLabel(node.id, typeof value === 'string' ? value : ''), error: () => errors.get('label') }), [label, node.id, onLabel, errors]);
  const branches = useMemo(() => draftBranches(type, settings), [type, settings]);

  return (
    <div className={styles.nodePanel}>
      <header className={`${styles.nodePanelHeader} ${styles[`family_${kind.family}`]}`}>
        <span className={styles.nodeIcon}>
          <NodeIcon type={type} />
        </span>
        <div>
          <h3 className={styles.nodePanelTitle}>{label || kind.title}</h3>
          <p className={styles.nodePanelMeta}>
            {kind.title} · <span className="mono">{node.id}</span>
          </p>
        </div>
      </header>
      {published && kind.family !== 'trigger' ? <WaitingUsers journeyId={journeyId} nodeId={node.id} /> : null}
      <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`Settings of ${label || kind.title}`}>
        <fieldset disabled={readOnly} className={styles.fieldset}>
          <TextControl form={labelForm} path="label" label="Name on the canvas" placeholder={kind.title} />
          <SettingsFields type={type} form={form} timezone={timezone} />
        </fieldset>
      </form>
      <ConnectionsSection nodeId={node.id} branches={branches} outgoing={outgoing} targets={targets} readOnly={readOnly} onConnect={onConnect} />
      {readOnly ? null : (
        <div className={styles.nodePanelFooter}>
          <button type="button" className="button button--ghost button--small" onClick={() => onDelete(node.id)}>
            Delete step
          </button>
          <span className="field__hint">or press Delete on the canvas</span>
        </div>
      )}
    </div>
  );
});
