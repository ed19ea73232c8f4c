'use client';

import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import styles from '../Builder.module.css';
import { type BranchStat, formatShare } from '../overlayStore';

const branchTitles: Record<string, string> = { next: 'Next', sent: 'Sent', failed: 'Failed', matched: 'Matched', timeout: 'Timed out', ok: 'OK', else: 'Else' };

export const branchTitle = (branch: string) => branchTitles[branch] ?? branch;

/** A step whose only way on is "next": its handle carries no name, only a live journey's share. */
export const isLoneNext = (branches: readonly (string | null | undefined)[]) => branches.length === 1 && branches[0] === 'next';

/**
 * One source handle per branch along the bottom edge, in branch order, each
 * with its name (and, on a live journey, the share of runs that left by it);
 * zoomed out, the handles alone (`labels` false).
 */
export const BranchHandles = memo(function BranchHandles({ nodeId, branches, stats, isConnectable, labels = true }: { nodeId: string; branches: string[]; stats?: Record<string, BranchStat>; isConnectable: boolean; labels?: boolean }) {
  const single = isLoneNext(branches);
  return (
    <div className={styles.branches}>
      {branches.map((branch, index) => {
        const left = `${((index + 1) / (branches.length + 1)) * 100}%`;
        const stat = stats?.[branch];
        return (
          <div key={branch} className={styles.branch} style={{ left }}>
            {labels && (!single || stat) ? (
              <span className={styles.branchLabel} data-branch={branch}>
                {single ? null : branchTitle(branch)}
                {stat ? <span className={styles.branchPercent}>{formatShare(stat)}</span> : null}
              </span>
            ) : null}
            <Handle
              type="source"
              id={branch}
              position={Position.Bottom}
              isConnectable={isConnectable}
              className={styles.sourceHandle}
              style={{ left: '50%' }}
              aria-label={`Branch ${branch} of ${nodeId}`}
              title={`Drag to connect the “${branchTitle(branch)}” branch`}
            />
          </div>
        );
      })}
    </div>
  );
});
