import { createContext, useContext, useSyncExternalStore } from 'react';

/** Below this zoom a card's text is too small to read (13 px × 0.4 ≈ 5 px), so cards drop their details. */
export const detailZoom = 0.4;

const isZoomedOut = (zoom: number) => zoom < detailZoom;

/**
 * Whether the canvas is zoomed out past reading, for every card at once: the canvas feeds it the
 * zoom (one subscription to React Flow's store instead of one per card, each run at every pan or
 * zoom step), and cards hear of it only when the level changes. While a pan or zoom gesture runs,
 * the level stays as it was when it started (re-rendering every card as a wheel zoom crosses
 * `detailZoom` back and forth drops frames) and catches up when the gesture ends.
 */
export class ZoomDetail {
  private zoom: number;
  private zoomedOut: boolean;
  private frozen = false;
  private readonly listeners = new Set<() => void>();

  constructor(zoom: number) {
    this.zoom = zoom;
    this.zoomedOut = isZoomedOut(zoom);
  }

  /** The view's zoom now (called at every viewport change). */
  observe(zoom: number) {
    this.zoom = zoom;
    if (!this.frozen) this.settle();
  }

  /** A gesture starts: the level holds until `release`. */
  freeze() {
    this.frozen = true;
  }

  /** The gesture ended at `zoom`: cards re-render only if their level changed. */
  release(zoom: number) {
    this.frozen = false;
    this.observe(zoom);
  }

  private settle() {
    const zoomedOut = isZoomedOut(this.zoom);
    if (zoomedOut === this.zoomedOut) return;
    this.zoomedOut = zoomedOut;
    for (const listener of this.listeners) listener();
  }

  isZoomedOut = () => this.zoomedOut;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const ZoomDetailContext = createContext<ZoomDetail | null>(null);

const noSubscription = () => () => {};
const detailed = () => false;

/**
 * Whether the canvas is zoomed out past reading (see ZoomDetail): a node re-renders only when the
 * level changes, not on every pan or zoom step. Fewer elements per card keep a large journey
 * (hundreds of steps, all on screen when fitted) smooth.
 */
export function useZoomedOut(): boolean {
  const detail = useContext(ZoomDetailContext);
  return useSyncExternalStore(detail?.subscribe ?? noSubscription, detail?.isZoomedOut ?? detailed, detailed);
}
