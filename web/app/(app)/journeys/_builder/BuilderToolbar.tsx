'use client';

import { memo } from 'react';
import styles from './Builder.module.css';
import type { SaveStatus } from './useAutosave';

const time = (date: Date) => date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });

function SaveState({ status }: { status: SaveStatus }) {
  switch (status.kind) {
    case 'idle':
      return <span className={styles.saveState}>All changes saved</span>;
    case 'saving':
      return <span className={styles.saveState}>Saving…</span>;
    case 'saved':
      return <span className={styles.saveState}>Saved {time(status.at)}</span>;
    case 'conflict':
      return <span className={`${styles.saveState} ${styles.saveStateError}`}>Not saved: someone else saved</span>;
    case 'error':
      return (
        <span className={`${styles.saveState} ${styles.saveStateError}`} title={status.message}>
          Not saved: {status.message}
        </span>
      );
  }
}

/** Undo / redo, auto-layout, checking, and the draft's save state with an explicit Save. */
export const BuilderToolbar = memo(function BuilderToolbar({
  readOnly,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onLayout,
  onValidate,
  validating,
  problemCount,
  status,
  onSave,
}: {
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onValidate: () => void;
  validating: boolean;
  problemCount: { errors: number; warnings: number } | null;
  status: SaveStatus;
  onSave: () => void;
}) {
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Canvas">
      {readOnly ? null : (
        <>
          <button type="button" className={styles.toolButton} onClick={onUndo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl/⌘+Z)">
            ↶ Undo
          </button>
          <button type="button" className={styles.toolButton} onClick={onRedo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" title="Redo (Shift+Ctrl/⌘+Z)">
            ↷ Redo
          </button>
          <span className={styles.toolSeparator} aria-hidden="true" />
          <button type="button" className={styles.toolButton} onClick={onLayout} title="Arrange the steps top to bottom">
            Tidy up
          </button>
        </>
      )}
      <button type="button" className={styles.toolButton} onClick={onValidate} disabled={validating} title="Check for problems that would stop publishing">
        {validating ? 'Checking…' : 'Check'}
        {problemCount ? (
          <span className={problemCount.errors ? styles.tabCountError : problemCount.warnings ? styles.tabCountWarning : styles.tabCountOk}>
            {problemCount.errors ? `${problemCount.errors} error${problemCount.errors > 1 ? 's' : ''}` : problemCount.warnings ? `${problemCount.warnings} warning${problemCount.warnings > 1 ? 's' : ''}` : '✓'}
          </span>
        ) : null}
      </button>
      <span className={styles.toolSpacer} />
      {readOnly ? null : (
        <>
          <span aria-live="polite">
            <SaveState status={status} />
          </span>
          <button type="button" className={`${styles.toolButton} ${styles.toolButtonStrong}`} onClick={onSave} disabled={status.kind === 'saving'} aria-keyshortcuts="Control+S Meta+S" title="Save the draft (Ctrl/⌘+S)">
            Save
          </button>
        </>
      )}
    </div>
  );
});
