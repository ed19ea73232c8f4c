'use client';

import type { JourneyNodeType } from '@tideflow/domain';
import { type DragEvent, memo } from 'react';
import styles from './Builder.module.css';
import { nodeKinds, paletteGroups } from './nodeCatalog';
import { NodeIcon } from './nodes/NodeIcon';

/** The MIME type a palette item is dragged as (the canvas accepts only this). */
export const paletteMime = 'application/x-tideflow-node';

/**
 * Every node type, grouped: drag one onto the canvas, or press it (mouse or
 * keyboard) to add it under the selected step, connected to its first free branch.
 */
export const Palette = memo(function Palette({ onAdd, hasSelection }: { onAdd: (type: JourneyNodeType) => void; hasSelection: boolean }) {
  const onDragStart = (event: DragEvent, type: JourneyNodeType) => {
    event.dataTransfer.setData(paletteMime, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className={styles.palette} aria-label="Steps">
      <p className={styles.paletteHint}>Drag a step onto the canvas, or press it to add it {hasSelection ? 'under the selected step' : 'in view'}.</p>
      {paletteGroups.map((group) => (
        <section key={group.title} className={styles.paletteGroup} aria-label={group.title}>
          <h3 className={styles.paletteTitle}>{group.title}</h3>
          <ul className={styles.paletteList}>
            {nodeKinds
              .filter((kind) => group.families.includes(kind.family))
              .map((kind) => (
                <li key={kind.type}>
                  <button
                    type="button"
                    draggable
                    className={`${styles.paletteItem} ${styles[`family_${kind.family}`]}`}
                    onDragStart={(event) => onDragStart(event, kind.type)}
                    onClick={() => onAdd(kind.type)}
                    aria-label={`Add ${kind.title}: ${kind.description}`}
                    data-node-type={kind.type}
                  >
                    <span className={styles.paletteIcon}>
                      <NodeIcon type={kind.type} size={16} />
                    </span>
                    <span className={styles.paletteText}>
                      <span className={styles.paletteName}>{kind.title}</span>
                      <span className={styles.paletteDescription}>{kind.description}</span>
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </aside>
  );
});
