'use client';

import type { JourneyNodeType } from '@tideflow/domain';
import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { formatCount } from '@/lib/format';
import styles from '../Builder.module.css';
import { useBuilder } from '../BuilderContext';
import { draftBranches, type FlowNode, nodeWidth } from '../graph';
import { nodeKind } from '../nodeCatalog';
import { problemBadge, showsWaitingNow, useNodeOverlay } from '../overlayStore';
import { summarize } from '../summary';
import { BranchHandles } from './BranchHandles';
import { NodeIcon } from './NodeIcon';
import { useZoomedOut } from './useZoomedOut';

/**
 * A step on the canvas: family colour and icon, its label, a one-line summary
 * of its settings, live counts on a published journey, and one labelled
 * source handle per branch. Memoized: a node re-renders only when its own
 * data, selection or overlay (problems, counts) change, or the zoom crosses
 * the reading threshold (zoomed out, only the header and label remain).
 */
function JourneyNodeCard({ id, type, data, selected, isConnectable }: NodeProps<FlowNode>) {
  const nodeType = type as JourneyNodeType;
  const kind = nodeKind(nodeType);
  const { segmentName } = useBuilder();
  const overlay = useNodeOverlay(id);
  const zoomedOut = useZoomedOut();
  const branches = useMemo(() => draftBranches(nodeType, data.settings), [nodeType, data.settings]);
  // React Flow measures handles only when a node resizes: a renamed branch (same width) must be re-measured, or its edge is not drawn.
  const updateNodeInternals = useUpdateNodeInternals();
  const branchKey = branches.join('\u0001');
  const measuredBranches = useRef(branchKey);
  useEffect(() => {
    if (measuredBranches.current === branchKey) return;
    measuredBranches.current = branchKey;
    updateNodeInternals(id);
  }, [branchKey, id, updateNodeInternals]);
  const summary = useMemo(() => summarize(nodeType, data.settings, segmentName), [nodeType, data.settings, segmentName]);
  const isTrigger = kind.family === 'trigger';
  const badge = problemBadge(overlay);
  const className = [styles.node, styles[`family_${kind.family}`], selected ? styles.nodeSelected : '', overlay.errors.length ? styles.nodeError : overlay.warnings.length ? styles.nodeWarning : '', zoomedOut ? styles.nodeZoomedOut : ''].join(' ');
  return (
    <div className={className} style={{ width: nodeWidth(branches.length) }} data-node-id={id} data-node-type={type} data-zoomed-out={zoomedOut || undefined}>
      {isTrigger ? null : <Handle type="target" position={Position.Top} isConnectable={isConnectable} className={styles.targetHandle} aria-label={`Into ${id}`} />}
      <div className={styles.nodeHeader}>
        <span className={styles.nodeIcon}>
          <NodeIcon type={nodeType} />
        </span>
        <span className={styles.nodeKind}>{kind.title}</span>
        {badge ? (
          <span className={badge.severity === 'error' ? styles.problemBadge : `${styles.problemBadge} ${styles.problemBadgeWarning}`} title={[...overlay.errors, ...overlay.warnings].join('\n')}>
            {badge.text}
          </span>
        ) : null}
      </div>
      <div className={styles.nodeBody}>
        <div className={styles.nodeLabel}>{data.label || kind.title}</div>
        {zoomedOut ? null : (
          <div className={summary.incomplete ? `${styles.nodeSummary} ${styles.nodeSummaryIncomplete}` : styles.nodeSummary} title={summary.text}>
            {summary.text}
          </div>
        )}
        {overlay.errors[0] && !zoomedOut ? <div className={styles.nodeProblem}>{overlay.errors[0]}</div> : null}
      </div>
      {overlay.stats && !zoomedOut ? (
        <div className={styles.nodeStats} aria-label={`${overlay.stats.entered} entered, ${overlay.stats.waitingNow} here now`}>
          <span>
            <strong data-stat="entered">{formatCount(overlay.stats.entered)}</strong> entered
          </span>
          {showsWaitingNow(overlay.stats, kind.family === 'flow') ? (
            <span className={overlay.stats.waitingNow > 0 ? styles.waitingNow : undefined}>
              <strong data-stat="waiting">{formatCount(overlay.stats.waitingNow)}</strong> here now
            </span>
          ) : null}
        </div>
      ) : null}
      {branches.length ? <BranchHandles nodeId={id} branches={branches} stats={overlay.stats?.branches} isConnectable={isConnectable} labels={!zoomedOut} /> : null}
    </div>
  );
}

export default memo(JourneyNodeCard);
