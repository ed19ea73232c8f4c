'use client';

import { type ReactNode, useId } from 'react';
import styles from './Builder.module.css';

export type PanelTab = 'step' | 'journey' | 'problems' | 'versions';

const tabs: ReadonlyArray<{ id: PanelTab; label: string }> = [
  { id: 'step', label: 'Step' },
  { id: 'journey', label: 'Journey' },
  { id: 'problems', label: 'Problems' },
  { id: 'versions', label: 'Versions' },
];

/** The builder's right-hand panel: the selected step, the journey's settings, its problems and versions, as tabs. */
export function SidePanel({ tab, onTab, problemCount, children }: { tab: PanelTab; onTab: (tab: PanelTab) => void; problemCount: { errors: number; warnings: number } | null; children: ReactNode }) {
  const id = useId();
  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === tab);
    const next = event.key === 'ArrowRight' ? tabs[(index + 1) % tabs.length] : event.key === 'ArrowLeft' ? tabs[(index + tabs.length - 1) % tabs.length] : null;
    if (!next) return;
    event.preventDefault();
    onTab(next.id);
    document.getElementById(`${id}-${next.id}`)?.focus();
  };
  return (
    <aside className={styles.sidePanel} aria-label="Details">
      <div className={`tabs ${styles.panelTabs}`} role="tablist" aria-label="Details" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button key={t.id} id={`${id}-${t.id}`} type="button" role="tab" className="tabs__tab" aria-selected={tab === t.id} aria-controls={`${id}-panel`} tabIndex={tab === t.id ? 0 : -1} onClick={() => onTab(t.id)}>
            {t.label}
            {t.id === 'problems' && problemCount && problemCount.errors + problemCount.warnings > 0 ? (
              <span className={problemCount.errors ? styles.tabCountError : styles.tabCountWarning}>{problemCount.errors + problemCount.warnings}</span>
            ) : null}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${tab}`} className={styles.panelBody}>
        {children}
      </div>
    </aside>
  );
}
