import { useCallback, useMemo, useState } from 'react';

/**
 * Undo / redo over snapshots of the builder's state (immutable values, so a
 * snapshot is a reference). Edits are recorded; moves while dragging,
 * selection and measurements are not (`record: false`), and a drag records
 * once, when it starts (`checkpoint`). Keystrokes in one field within a second
 * of each other are one step (`coalesce` with the field's key).
 */

export interface HistoryState<T> {
  past: T[];
  present: T;
  future: T[];
  coalesceKey: string | null;
  coalesceUntil: number;
}

export interface UpdateOptions {
  /** false: change the present without an undo step (selection, dragging, measuring). */
  record?: boolean;
  /** Edits with the same key in quick succession are one undo step (typing in a field). */
  coalesce?: string;
}

export const historyLimit = 200;
const coalesceMs = 1000;

export const initialHistory = <T>(present: T): HistoryState<T> => ({ past: [], present, future: [], coalesceKey: null, coalesceUntil: 0 });

export function applyUpdate<T>(history: HistoryState<T>, next: T, options: UpdateOptions = {}, now = Date.now()): HistoryState<T> {
  if (next === history.present) return history;
  if (options.record === false) return { ...history, present: next };
  if (options.coalesce && history.coalesceKey === options.coalesce && now < history.coalesceUntil) return { ...history, present: next, coalesceUntil: now + coalesceMs };
  return { past: [...history.past.slice(-(historyLimit - 1)), history.present], present: next, future: [], coalesceKey: options.coalesce ?? null, coalesceUntil: now + coalesceMs };
}

export const checkpointHistory = <T>(history: HistoryState<T>): HistoryState<T> => ({ past: [...history.past.slice(-(historyLimit - 1)), history.present], present: history.present, future: [], coalesceKey: null, coalesceUntil: 0 });

export function undoHistory<T>(history: HistoryState<T>): HistoryState<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], coalesceKey: null, coalesceUntil: 0 };
}

export function redoHistory<T>(history: HistoryState<T>): HistoryState<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, coalesceKey: null, coalesceUntil: 0 };
}

export interface JourneyHistory<T> {
  present: T;
  canUndo: boolean;
  canRedo: boolean;
  update(updater: (present: T) => T, options?: UpdateOptions): void;
  checkpoint(): void;
  undo(): void;
  redo(): void;
  /** Starts over from `value` (a reload): nothing to undo. */
  reset(value: T): void;
}

export function useJourneyHistory<T>(initial: () => T): JourneyHistory<T> {
  const [history, setHistory] = useState(() => initialHistory(initial()));
  const update = useCallback((updater: (present: T) => T, options?: UpdateOptions) => setHistory((h) => applyUpdate(h, updater(h.present), options)), []);
  const checkpoint = useCallback(() => setHistory(checkpointHistory), []);
  const undo = useCallback(() => setHistory(undoHistory), []);
  const redo = useCallback(() => setHistory(redoHistory), []);
  const reset = useCallback((value: T) => setHistory(initialHistory(value)), []);
  const canUndo = history.past.length > 0;
  const canRedo = history.future.length > 0;
  return useMemo(() => ({ present: history.present, canUndo, canRedo, update, checkpoint, undo, redo, reset }), [history.present, canUndo, canRedo, update, checkpoint, undo, redo, reset]);
}
