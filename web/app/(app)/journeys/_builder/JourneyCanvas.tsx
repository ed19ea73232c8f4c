'use client';

import type { JourneyNodeType } from '@tideflow/domain';
import { Background, BackgroundVariant, type Connection, ConnectionLineType, Controls, type Edge, MarkerType, MiniMap, type OnBeforeDelete, type OnEdgesChange, type OnNodesChange, ReactFlow, useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type DragEvent, memo, useCallback, useEffect, useRef, useState } from 'react';
import styles from './Builder.module.css';
import { edgeTypes, RemoveConnectionContext } from './edges/BranchEdge';
import type { FlowEdge, FlowNode } from './graph';
import { familyPalette, isNodeType, nodeKind } from './nodeCatalog';
import { nodeTypes } from './nodes/nodeTypes';
import { ZoomDetail, ZoomDetailContext } from './nodes/useZoomedOut';
import { paletteMime } from './Palette';
import { canvasDots } from './sketch/sketchDots';
import { useMovingViewSketch } from './sketch/useMovingViewSketch';

const minimapColour = (node: { type?: string }) => (isNodeType(node.type) ? familyPalette[nodeKind(node.type).family].colour : '#94a3b8');
const defaultEdgeOptions = { type: 'branch', markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' } };
const fitViewOptions = { padding: 0.2, maxZoom: 1 };
const deleteKeys = ['Delete', 'Backspace'];
// Shift-click adds to the selection too (React Flow's default is Ctrl/⌘ only), as the side panel says.
const multiSelectionKeys = ['Shift', 'Meta', 'Control'];

export interface JourneyCanvasProps {
  nodes: FlowNode[];
  edges: FlowEdge[];
  readOnly: boolean;
  onNodesChange: OnNodesChange<FlowNode>;
  onEdgesChange: OnEdgesChange<FlowEdge>;
  onConnect: (connection: Connection) => void;
  isValidConnection: (connection: Connection | Edge) => boolean;
  /** A drag of steps (one, or a box selection) starts / stops: one undo step for the whole drag. */
  onDragStart: () => void;
  onDragStop: () => void;
  onBeforeDelete: OnBeforeDelete<FlowNode, FlowEdge>;
  onDropNode: (type: JourneyNodeType, position: { x: number; y: number }) => void;
}

/** The React Flow canvas: custom nodes and edges, drop target for the palette, minimap and controls. */
export const JourneyCanvas = memo(function JourneyCanvas({ nodes, edges, readOnly, onNodesChange, onEdgesChange, onConnect, isValidConnection, onDragStart, onDragStop, onBeforeDelete, onDropNode }: JourneyCanvasProps) {
  const { screenToFlowPosition, deleteElements } = useReactFlow();
  const removeConnection = useCallback((id: string) => void deleteElements({ edges: [{ id }] }), [deleteElements]);
  // Fit a loaded journey once; an empty canvas keeps its viewport (fitting on the first drop would move that step away from the pointer).
  const [fitOnLoad] = useState(() => nodes.length > 0);
  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (readOnly || !event.dataTransfer.types.includes(paletteMime)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [readOnly],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(paletteMime);
      if (readOnly || !isNodeType(type)) return;
      event.preventDefault();
      // The drop point is where the card's top centre goes.
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      onDropNode(type, { x: point.x - 128, y: point.y - 24 });
    },
    [readOnly, screenToFlowPosition, onDropNode],
  );

  // Every step stays mounted (a journey has at most 500): culling off-screen steps (React Flow's
  // onlyRenderVisibleElements) mounted and unmounted cards and edges at every pan and zoom step,
  // which cost more per frame than drawing them (bench/web, 200 steps: wheel zoom 34–38 → 44–48 fps).
  // While the view moves, steps are painted without shadows and not hit-tested; a drag pan also moves them
  // as one composited layer (a zoom would re-raster that layer at every scale, so not then). Set on the
  // element, not in state, so a move re-renders nothing; cards keep their detail level until it ends (ZoomDetail).
  // A large journey is drawn as a sketch on one <canvas> while a pan or zoom of the user's moves it
  // (useMovingViewSketch); not for moves the canvas makes itself (fit view, zoom buttons, the auto-pan
  // while dragging a step, whose position the sketch would not follow).
  const canvasRef = useRef<HTMLDivElement>(null);
  const sketchRef = useRef<HTMLCanvasElement>(null);
  const sketch = useMovingViewSketch(sketchRef);
  const store = useStoreApi<FlowNode, FlowEdge>();
  const [zoomDetail] = useState(() => new ZoomDetail(store.getState().transform[2]));
  useEffect(() => {
    zoomDetail.observe(store.getState().transform[2]);
    return store.subscribe((state) => zoomDetail.observe(state.transform[2]));
  }, [store, zoomDetail]);
  const onMoveStart = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      zoomDetail.freeze();
      const canvas = canvasRef.current;
      canvas?.setAttribute('data-moving', event?.type.startsWith('mouse') || event?.type.startsWith('pointer') ? 'pan' : 'zoom');
      if (event) canvas?.setAttribute('data-gesture', '');
    },
    [zoomDetail],
  );
  // The pointer layer and the sketch (Builder.module.css) only once the view has actually moved: a press
  // that starts a pan may end as a click on a step, and the layer would take its release.
  const onMove = useCallback(
    (_event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      const canvas = canvasRef.current;
      if (!canvas?.hasAttribute('data-moving')) return;
      if (!canvas.hasAttribute('data-moved')) canvas.setAttribute('data-moved', '');
      if (canvas.hasAttribute('data-gesture') && sketch.show(viewport, !zoomDetail.isZoomedOut()) && !canvas.hasAttribute('data-sketch')) canvas.setAttribute('data-sketch', '');
    },
    [sketch, zoomDetail],
  );
  const onMoveEnd = useCallback(
    (_event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      for (const name of ['data-moving', 'data-moved', 'data-gesture', 'data-sketch']) canvasRef.current?.removeAttribute(name);
      sketch.hide();
      zoomDetail.release(viewport.zoom);
    },
    [sketch, zoomDetail],
  );

  return (
    <div ref={canvasRef} className={styles.canvas} data-read-only={readOnly || undefined}>
      <ZoomDetailContext.Provider value={zoomDetail}>
        <RemoveConnectionContext.Provider value={removeConnection}>
          <ReactFlow<FlowNode, FlowEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            onNodeDragStart={onDragStart}
            onNodeDragStop={onDragStop}
            onSelectionDragStart={onDragStart}
            onSelectionDragStop={onDragStop}
            onBeforeDelete={onBeforeDelete}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onMoveStart={onMoveStart}
            onMove={onMove}
            onMoveEnd={onMoveEnd}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            edgesReconnectable={false}
            deleteKeyCode={readOnly ? null : deleteKeys}
            multiSelectionKeyCode={multiSelectionKeys}
            connectionLineType={ConnectionLineType.SmoothStep}
            minZoom={0.1}
            maxZoom={1.75}
            fitView={fitOnLoad}
            fitViewOptions={fitViewOptions}
            snapToGrid
            snapGrid={[8, 8]}
            attributionPosition="bottom-center"
            aria-label="Journey canvas"
          >
            <canvas ref={sketchRef} className={styles.sketch} aria-hidden="true" />
            <Background variant={BackgroundVariant.Dots} gap={canvasDots.gap} size={canvasDots.size} color={canvasDots.colour} />
            <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} nodeBorderRadius={6} maskColor="rgb(241 244 248 / 0.7)" ariaLabel="Mini map of the journey" />
            <Controls showInteractive={false} fitViewOptions={fitViewOptions} aria-label="Zoom and fit" />
          </ReactFlow>
        </RemoveConnectionContext.Provider>
      </ZoomDetailContext.Provider>
      {nodes.length === 0 ? (
        <div className={styles.emptyCanvas}>
          <p className={styles.emptyCanvasTitle}>{readOnly ? 'This journey has no steps yet' : 'Start with a trigger'}</p>
          {readOnly ? null : <p>Drag “Event” (or another trigger) from the palette onto the canvas, then add the steps users go through.</p>}
        </div>
      ) : null}
    </div>
  );
});
