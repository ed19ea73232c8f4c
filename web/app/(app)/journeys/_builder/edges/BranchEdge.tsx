'use client';

import { BaseEdge, EdgeLabelRenderer, type EdgeProps, type EdgeTypes, getSmoothStepPath } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { formatCount } from '@/lib/format';
import styles from '../Builder.module.css';
import { useBuilder } from '../BuilderContext';
import { formatShare, useNodeOverlay } from '../overlayStore';

/**
 * Removes a connection (as the Delete key does: through React Flow, so undo and the problems
 * follow). Given by the canvas: `useReactFlow()` in every edge would subscribe each one to React
 * Flow's store, run again at every pan and zoom step.
 */
export const RemoveConnectionContext = createContext<(id: string) => void>(() => {});

/**
 * A connection from a branch handle: a rounded step path; on a live journey a
 * pill with the share (and number) of runs that took the branch; when
 * selected in an editable journey, a button to remove it.
 */
function BranchEdge({ id, source, sourceHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 14, offset: 22 });
  const { readOnly } = useBuilder();
  const removeConnection = useContext(RemoveConnectionContext);
  const stat = useNodeOverlay(source).stats?.branches[sourceHandleId ?? 'next'];
  const removable = selected && !readOnly;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? styles.edgeSelected : styles.edge} interactionWidth={18} />
      {stat || removable ? (
        <EdgeLabelRenderer>
          <div className={`${styles.edgeLabel} nodrag nopan`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {stat ? (
              <span className={styles.edgeStat} title={`${formatCount(stat.count)} runs took this branch`}>
                {formatShare(stat)} <span className={styles.edgeStatCount}>{formatCount(stat.count)}</span>
              </span>
            ) : null}
            {removable ? (
              <button type="button" className={styles.edgeRemove} onClick={() => removeConnection(id)} aria-label="Remove this connection">
                ✕
              </button>
            ) : null}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const edgeTypes: EdgeTypes = { branch: memo(BranchEdge) };
