'use client';

import { type InternalNode, useStoreApi, type Viewport } from '@xyflow/react';
import { type RefObject, useCallback, useContext, useMemo, useRef } from 'react';
import { formatCount } from '@/lib/format';
import { useBuilder } from '../BuilderContext';
import type { FlowNode } from '../graph';
import { isNodeType, nodeKind } from '../nodeCatalog';
import { formatShare, type NodeOverlay, OverlayContext, problemBadge, showsWaitingNow } from '../overlayStore';
import { branchTitle, isLoneNext } from '../nodes/BranchHandles';
import { summarize } from '../summary';
import { drawJourneySketch } from './drawJourneySketch';
import { type JourneySketchScene, type SketchStepInput, sketchScene } from './sketchScene';

/**
 * From this many steps, the canvas draws a moving view as a sketch on one <canvas> (bench/web,
 * 200 steps: Chromium's software paint and layerization of every card and edge at each scale
 * held wheel zooms to 30–48 fps on 2-core machines). Smaller journeys move fast enough as they are.
 */
export const sketchFromSteps = 80;

const noOverlay: NodeOverlay = { errors: [], warnings: [], stats: null };

const stepOf = (node: InternalNode<FlowNode>, segmentName: (id: string) => string | undefined, overlay: NodeOverlay): SketchStepInput | null => {
  if (!isNodeType(node.type)) return null;
  const kind = nodeKind(node.type);
  const bounds = node.internals.handleBounds;
  const target = bounds?.target?.[0];
  const sources = bounds?.source ?? [];
  // A lone "next" handle has no name on the card, only its share on a live journey (BranchHandles).
  const single = isLoneNext(sources.map((h) => h.id));
  const branchLabel = (branch: string | null | undefined) => {
    const stat = branch ? overlay.stats?.branches[branch] : undefined;
    const percent = stat ? formatShare(stat) : null;
    if (single || !branch) return percent;
    return percent ? `${branchTitle(branch)} ${percent}` : branchTitle(branch);
  };
  const stats = overlay.stats;
  return {
    id: node.id,
    type: node.type,
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    // Measured: the caller keeps the steps' elements until every step is.
    width: node.measured.width ?? 0,
    height: node.measured.height ?? 0,
    family: kind.family,
    kindTitle: kind.title,
    label: node.data.label || kind.title,
    summary: summarize(node.type, node.data.settings, segmentName),
    problem: problemBadge(overlay),
    stats: stats ? { entered: formatCount(stats.entered), waitingNow: showsWaitingNow(stats, kind.family === 'flow') ? formatCount(stats.waitingNow) : null, waiting: stats.waitingNow > 0 } : null,
    selected: Boolean(node.selected),
    sourceHandles: sources.map((h) => ({ id: h.id ?? null, x: h.x, y: h.y, width: h.width, height: h.height, label: branchLabel(h.id) })),
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
  const overlays = useContext(OverlayContext);
  const lastScene = useRef<{ nodes: unknown; edges: unknown; overlays: number; segmentName: unknown; scene: JourneySketchScene } | null>(null);
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
      const overlayVersion = overlays?.version ?? 0;
      const last = lastScene.current;
      // Summaries name segments: a catalog that loaded since makes a new scene too.
      let scene = last?.nodes === nodes && last.edges === edges && last.overlays === overlayVersion && last.segmentName === segmentName ? last.scene : null;
      if (!scene) {
        // A step not measured yet would be missing from the sketch: keep the elements then (checked
        // first and cheaply: this runs at every viewport change until the sketch is shown).
        for (const node of nodeLookup.values()) if (!node.measured.width || !node.measured.height) return false;
        const overlayOf = (id: string) => overlays?.get(id) ?? noOverlay;
        const steps = [...nodeLookup.values()].flatMap((node) => stepOf(node, segmentName, overlayOf(node.id)) ?? []);
        // A step of a type the catalog does not know would be missing too.
        if (steps.length < nodeLookup.size) return false;
        scene = sketchScene(
          steps,
          edges.map((edge) => {
            const stat = overlayOf(edge.source).stats?.branches[edge.sourceHandle ?? 'next'];
            return { source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target, selected: Boolean(edge.selected), stat: stat ? { percent: formatShare(stat), count: formatCount(stat.count) } : null };
          }),
        );
        lastScene.current = { nodes, edges, overlays: overlayVersion, segmentName, scene };
      }
      const pixelRatio = window.devicePixelRatio || 1;
      const size = { width: canvas.clientWidth, height: canvas.clientHeight, pixelRatio };
      const [width, height] = [Math.round(size.width * pixelRatio), Math.round(size.height * pixelRatio)];
      if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
      sketch.current = { scene, ctx, size, text: { fontFamily: getComputedStyle(canvas).fontFamily, detailed }, viewport, frame: null };
      draw();
      return true;
    },
    [canvasRef, draw, store, segmentName, overlays],
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
