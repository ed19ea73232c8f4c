import { type ReactFlowState, useStore } from '@xyflow/react';

/** Below this zoom a card's text is too small to read (13 px × 0.4 ≈ 5 px), so cards drop their details. */
export const detailZoom = 0.4;

const zoomedOut = (state: ReactFlowState) => state.transform[2] < detailZoom;

/**
 * Whether the canvas is zoomed out past reading: a boolean, so a node re-renders only when the zoom
 * crosses `detailZoom`, not on every pan or zoom step. Fewer elements per card keep a large journey
 * (hundreds of steps, all on screen when fitted) smooth to pan and zoom.
 */
export const useZoomedOut = (): boolean => useStore(zoomedOut);
