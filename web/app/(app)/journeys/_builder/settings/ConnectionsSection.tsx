'use client';

import styles from '../Builder.module.css';
import { Section } from './controls';

export interface TargetOption {
  id: string;
  title: string;
}

/** Where each branch leads, as selects: connecting steps without a mouse. */
export function ConnectionsSection({ nodeId, branches, outgoing, targets, readOnly, onConnect }: { nodeId: string; branches: string[]; outgoing: ReadonlyMap<string, string>; targets: readonly TargetOption[]; readOnly: boolean; onConnect: (nodeId: string, branch: string, target: string | null) => void }) {
  if (!branches.length) return null;
  const options = targets.filter((target) => target.id !== nodeId);
  return (
    <Section title="Leads to" hint="Drag from a handle on the canvas, or pick the next step here.">
      <div className={styles.connections}>
        {branches.map((branch) => (
          <label key={branch} className={styles.connection}>
            <span className={styles.branchChip}>{branch}</span>
            <span aria-hidden="true">→</span>
            <select className="select" value={outgoing.get(branch) ?? ''} disabled={readOnly} aria-label={`Branch ${branch} leads to`} onChange={(e) => onConnect(nodeId, branch, e.target.value || null)}>
              <option value="">Nowhere: users leave here</option>
              {options.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.title}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </Section>
  );
}
