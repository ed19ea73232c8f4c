'use client';

import { useEffect, useRef } from 'react';

const editable = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export interface Shortcuts {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  save(): void;
}

/**
 * Ctrl/⌘+Z undo, Shift+Ctrl/⌘+Z (or Ctrl+Y) redo, Ctrl/⌘+C / V copy and paste
 * steps, Ctrl/⌘+S save. Not while typing in a field (its own undo and
 * clipboard apply there). Delete / Backspace are React Flow's.
 */
export function useBuilderShortcuts(shortcuts: Shortcuts, enabled: boolean) {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || editable(event.target)) return;
      // A dialog open over the builder keeps its keys.
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      const run = (action: keyof Shortcuts) => {
        event.preventDefault();
        latest.current[action]();
      };
      if (key === 'z' && event.shiftKey) run('redo');
      else if (key === 'z') run('undo');
      else if (key === 'y') run('redo');
      else if (key === 'c' && !window.getSelection()?.toString()) run('copy');
      else if (key === 'v') run('paste');
      else if (key === 's') run('save');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
