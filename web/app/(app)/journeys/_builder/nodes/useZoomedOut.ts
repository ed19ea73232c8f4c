import { type ReactFlowState, useStore } from '@xyflow/react';
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';

/** Below this zoom a card's text is too small to read (13 px × 0.4 ≈ 5 px), so cards drop their details. */
export const detailZoom = 0.4;

const isZoomedOut = (zoom: number) => zoom < detailZoom;

/**
 * The detail level of a moving view: while a pan or zoom gesture runs, cards keep the level they
 * had when it started (re-rendering every card as a wheel zoom crosses `detailZoom` back and forth
 * drops frames); the level catches up when the gesture ends.
 */
export class ZoomDetail {
  private frozen: boolean | null = null;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  /** A gesture starts at `zoom`. */
  freeze(zoom: number) {
    this.frozen = isZoomedOut(zoom);
  }

  /** The gesture ended at `zoom`: cards re-render only if their level changed. */
  release(zoom: number) {
    const changed = this.frozen !== null && this.frozen !== isZoomedOut(zoom);
    this.frozen = null;
    if (!changed) return;
    this.version++;
    for (const listener of this.listeners) listener();
  }

  frozenLevel = () => this.frozen;
  snapshot = () => this.version;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const ZoomDetailContext = createContext<ZoomDetail | null>(null);

const noSubscription = () => () => {};
const noVersion = () => 0;

/**
 * Whether the canvas is zoomed out past reading: a boolean, so a node re-renders only when the zoom
 * crosses `detailZoom` (and not during a gesture, see ZoomDetail), not on every pan or zoom step.
 * Fewer elements per card keep a large journey (hundreds of steps, all on screen when fitted) smooth.
 */
export function useZoomedOut(): boolean {
  const detail = useContext(ZoomDetailContext);
  const version = useSyncExternalStore(detail?.subscribe ?? noSubscription, detail?.snapshot ?? noVersion, noVersion);
  // A new selector per released gesture: the store's state is unchanged then, and a cached selection would be kept.
  const selector = useCallback((state: ReactFlowState) => detail?.frozenLevel() ?? isZoomedOut(state.transform[2]), [detail, version]);
  return useStore(selector);
}
