'use client';

import { type InternalNode, useStoreApi, type Viewport } from '@xyflow/react';
import { type RefObject, useCallback, useMemo, useRef } from 'react';
import { useBuilder } from '../BuilderContext';
import type { FlowNode } from '../graph';
import { isNodeType, nodeKind } from '../nodeCatalog';
import { branchTitle } from '../nodes/BranchHandles';
import { summarize } from '../summary';
import { drawJourneySketch, type JourneySketchScene, type SketchStepInput, sketchScene } from './journeySketch';

/**
 * From this many steps, the canvas draws a moving view as a sketch on one <canvas> (bench/web,
 * 200 steps: Chromium's software paint and layerization of every card and edge at each scale
 * held wheel zooms to 30–48 fps on 2-core machines). Smaller journeys move fast enough as they are.
 */
export const sketchFromSteps = 80;

const stepOf = (node: InternalNode<FlowNode>, segmentName: (id: string) => string | undefined): SketchStepInput | null => {
  if (!isNodeType(node.type) || !node.measured.width || !node.measured.height) return null;
  const kind = nodeKind(node.type);
  const bounds = node.internals.handleBounds;
  const target = bounds?.target?.[0];
  const sources = bounds?.source ?? [];
  // A lone "next" handle has no name on the card.
  const named = !(sources.length === 1 && sources[0]!.id === 'next');
  return {
    id: node.id,
    type: node.type,
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width,
    height: node.measured.height,
    family: kind.family,
    kindTitle: kind.title,
    label: node.data.label || kind.title,
    summary: summarize(node.type, node.data.settings, segmentName),
    selected: Boolean(node.selected),
    sourceHandles: sources.map((h) => ({ id: h.id ?? null, x: h.x, y: h.y, width: h.width, height: h.height, label: named && h.id ? branchTitle(h.id) : null })),
    targetHandle: target ? { x: target.x, y: target.y, width: target.width, height: target.height } : null,
  };
};

/**
 * The sketch of a moving view. `show` at each viewport change of a gesture, with the cards' detail
 * level (`detailed`: summaries and branch names, frozen for the gesture as ZoomDetail does): the
 * first call builds the scene from React Flow's measured nodes (reused while nodes and edges are
 * unchanged) and draws at once, so no frame shows neither; later ones draw at the next animation
 * frame. `hide` when it ends. `show` returns whether the sketch is shown: the caller hides the
 * steps' own elements meanwhile.
 */
export function useMovingViewSketch(canvasRef: RefObject<HTMLCanvasElement | null>) {
  const store = useStoreApi<FlowNode>();
  const { segmentName } = useBuilder();
  const lastScene = useRef<{ nodes: unknown; edges: unknown; scene: JourneySketchScene } | null>(null);
  const sketch = useRef<{
    scene: JourneySketchScene;
    ctx: CanvasRenderingContext2D;
    size: { width: number; height: number; pixelRatio: number };
    text: { fontFamily: string; detailed: boolean };
    viewport: Viewport;
    frame: number | null;
  } | null>(null);

  const draw = useCallback(() => {
    const current = sketch.current;
    if (!current) return;
    current.frame = null;
    drawJourneySketch(current.ctx, current.scene, current.viewport, current.size, current.text);
  }, []);

  const show = useCallback(
    (viewport: Viewport, detailed: boolean): boolean => {
      const current = sketch.current;
      if (current) {
        current.viewport = viewport;
        current.frame ??= requestAnimationFrame(draw);
        return true;
      }
      const canvas = canvasRef.current;
      const { nodeLookup, nodes, edges } = store.getState();
      if (!canvas || nodeLookup.size < sketchFromSteps) return false;
      const ctx = canvas.getContext('2d');
      if (!ctx) return false;
      let scene = lastScene.current?.nodes === nodes && lastScene.current.edges === edges ? lastScene.current.scene : null;
      if (!scene) {
        const steps = [...nodeLookup.values()].flatMap((node) => stepOf(node, segmentName) ?? []);
        // A step not measured yet would be missing from the sketch: keep the elements then.
        if (steps.length < nodeLookup.size) return false;
        scene = sketchScene(
          steps,
          edges.map((edge) => ({ source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target, selected: Boolean(edge.selected) })),
        );
        lastScene.current = { nodes, edges, scene };
      }
      const pixelRatio = window.devicePixelRatio || 1;
      const size = { width: canvas.clientWidth, height: canvas.clientHeight, pixelRatio };
      const [width, height] = [Math.round(size.width * pixelRatio), Math.round(size.height * pixelRatio)];
      if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
      sketch.current = { scene, ctx, size, text: { fontFamily: getComputedStyle(canvas).fontFamily, detailed }, viewport, frame: null };
      draw();
      return true;
    },
    [canvasRef, draw, store, segmentName],
  );

  const hide = useCallback(() => {
    const current = sketch.current;
    if (!current) return;
    if (current.frame !== null) cancelAnimationFrame(current.frame);
    current.ctx.setTransform(1, 0, 0, 1, 0, 0);
    current.ctx.clearRect(0, 0, current.ctx.canvas.width, current.ctx.canvas.height);
    sketch.current = null;
  }, []);

  return useMemo(() => ({ show, hide }), [show, hide]);
}
