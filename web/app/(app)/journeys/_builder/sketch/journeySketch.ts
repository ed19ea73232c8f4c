import type { JourneyNodeType } from '@tideflow/domain';
import { getSmoothStepPath, Position } from '@xyflow/react';
import type { NodeFamily } from '../nodeCatalog';
import { nodeIconPaths } from '../nodes/nodeIconPaths';

/**
 * A large journey drawn on one <canvas> while the view moves (see useMovingViewSketch): the
 * steps' cards as JourneyNodeCard lays them out (outline, family colour, icon, kind, label,
 * summary, branch handles and their names) and the connections as BranchEdge draws them, in
 * flow coordinates — a frame is one transform and a few batched paths instead of Chromium
 * re-painting and re-layerizing hundreds of positioned elements at every scale.
 * Geometry is pure (from React Flow's measured nodes and handles); drawing takes any 2D context.
 */

export const familyPalette: Record<NodeFamily, { colour: string; soft: string }> = {
  trigger: { colour: '#0e9f6e', soft: '#e3f5ec' },
  flow: { colour: '#7c3aed', soft: '#f1eafe' },
  action: { colour: '#0f6cbd', soft: '#e6f0fa' },
  end: { colour: '#64748b', soft: '#eef1f5' },
};

interface HandleBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A measured step as React Flow knows it: position absolute, size, handle boxes relative to the step. */
export interface SketchStepInput {
  id: string;
  type: JourneyNodeType;
  x: number;
  y: number;
  width: number;
  height: number;
  family: NodeFamily;
  kindTitle: string;
  label: string;
  /** The one-line summary the card shows (null: none). */
  summary: { text: string; incomplete?: boolean } | null;
  selected: boolean;
  /** Branch handles; `label` is the name shown above it (null: none, as for a lone "next"). */
  sourceHandles: ReadonlyArray<HandleBox & { id: string | null; label: string | null }>;
  targetHandle: HandleBox | null;
}

export interface SketchConnectionInput {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
  selected: boolean;
}

export interface SketchStep {
  type: JourneyNodeType;
  x: number;
  y: number;
  width: number;
  height: number;
  family: NodeFamily;
  kind: string;
  label: string;
  summary: { text: string; incomplete?: boolean } | null;
  selected: boolean;
  /** Handle centres, absolute. */
  sources: Array<{ x: number; y: number }>;
  target: { x: number; y: number } | null;
  /** Branch names, centred at `x`, their pill's bottom at `y`. */
  branchLabels: Array<{ x: number; y: number; text: string; failed: boolean }>;
}

export interface SketchConnection {
  /** SVG path data, as BranchEdge draws it. */
  path: string;
  /** Where the arrowhead points (the target handle). */
  tipX: number;
  tipY: number;
  selected: boolean;
}

export interface JourneySketchScene {
  steps: SketchStep[];
  connections: SketchConnection[];
}

const centreOf = (box: HandleBox, x: number, y: number) => ({ x: x + box.x + box.width / 2, y: y + box.y + box.height / 2 });
const failureBranches = new Set(['failed', 'timeout']);

/** The connection's ends, as React Flow places them: bottom centre of the branch handle, top centre of the target handle. */
export function sketchScene(steps: readonly SketchStepInput[], connections: readonly SketchConnectionInput[]): JourneySketchScene {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const drawn: SketchConnection[] = [];
  for (const connection of connections) {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    const handle = source?.sourceHandles.find((h) => h.id === (connection.sourceHandle ?? null)) ?? source?.sourceHandles[0];
    if (!source || !target || !handle) continue;
    const sourceX = source.x + handle.x + handle.width / 2;
    const sourceY = source.y + handle.y + handle.height;
    const into = target.targetHandle ?? { x: target.width / 2, y: 0, width: 0, height: 0 };
    const targetX = target.x + into.x + into.width / 2;
    const targetY = target.y + into.y;
    const [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition: Position.Bottom, targetPosition: Position.Top, borderRadius: 14, offset: 22 });
    drawn.push({ path, tipX: targetX, tipY: targetY, selected: connection.selected });
  }
  return {
    steps: steps.map((step) => ({
      type: step.type,
      x: step.x,
      y: step.y,
      width: step.width,
      height: step.height,
      family: step.family,
      kind: step.kindTitle.toUpperCase(),
      label: step.label,
      summary: step.summary,
      selected: step.selected,
      sources: step.sourceHandles.map((handle) => centreOf(handle, step.x, step.y)),
      target: step.targetHandle ? centreOf(step.targetHandle, step.x, step.y) : null,
      branchLabels: step.sourceHandles.flatMap((handle) =>
        handle.label === null ? [] : [{ x: centreOf(handle, step.x, step.y).x, y: step.y + step.height - branchLabelLift, text: handle.label, failed: failureBranches.has(handle.id ?? '') }],
      ),
    })),
    connections: drawn,
  };
}

export interface SketchViewport {
  x: number;
  y: number;
  zoom: number;
}

/** The card's layout in Builder.module.css (.node, .nodeHeader, .nodeIcon, .nodeBody, .branchLabel), in flow units. */
const card = { radius: 12, top: 3, tileX: 13, tileY: 13, tile: 28, tileRadius: 8, iconInset: 5, iconScale: 0.9, kindX: 49, kindY: 27, textX: 13, labelY: 59, summaryY: 81, padRight: 12 };
const branchLabelLift = 10;
const pill = { height: 18, padX: 8, radius: 9 };
const handleRadius = 5;
const colours = {
  border: '#d5dbe3',
  surface: '#ffffff',
  text: '#1b2430',
  muted: '#5e6a7a',
  incomplete: '#b54708',
  edge: '#98a2b3',
  arrow: '#94a3b8',
  accent: '#0f6cbd',
  pill: '#f2f4f7',
  failedPill: '#fdf2f1',
  failedText: '#a1392f',
};
/** Text and icons smaller than this many screen pixels are not drawn (zoomed out, the cards drop details too). */
const legiblePx = 3;

interface ScenePaths {
  edges: Path2D;
  selectedEdges: Path2D;
  arrows: Path2D;
  rings: Path2D;
  outlines: Path2D;
  surfaces: Path2D;
  handles: Path2D;
  targetHandles: Path2D;
  byFamily: Array<[NodeFamily, { band: Path2D; tile: Path2D; icon: Path2D; sourceHandles: Path2D }]>;
  pills: { plain: Path2D; failed: Path2D } | null;
}

/** A scene's shapes, batched per colour: built at the first frame of a gesture, then only re-filled. */
const pathsOfScene = new WeakMap<JourneySketchScene, ScenePaths>();
const iconPaths = new Map<JourneyNodeType, Path2D>();
const iconPath = (type: JourneyNodeType) => iconPaths.get(type) ?? iconPaths.set(type, new Path2D(nodeIconPaths[type])).get(type)!;

function scenePaths(scene: JourneySketchScene): ScenePaths {
  const cached = pathsOfScene.get(scene);
  if (cached) return cached;
  const paths: ScenePaths = {
    edges: new Path2D(),
    selectedEdges: new Path2D(),
    arrows: new Path2D(),
    rings: new Path2D(),
    outlines: new Path2D(),
    surfaces: new Path2D(),
    handles: new Path2D(),
    targetHandles: new Path2D(),
    byFamily: [],
    pills: null,
  };
  for (const connection of scene.connections) {
    (connection.selected ? paths.selectedEdges : paths.edges).addPath(new Path2D(connection.path));
    paths.arrows.moveTo(connection.tipX - 5, connection.tipY - 8);
    paths.arrows.lineTo(connection.tipX + 5, connection.tipY - 8);
    paths.arrows.lineTo(connection.tipX, connection.tipY);
    paths.arrows.closePath();
  }
  const families = new Map<NodeFamily, { band: Path2D; tile: Path2D; icon: Path2D; sourceHandles: Path2D }>();
  const circle = (path: Path2D, at: { x: number; y: number }) => {
    path.moveTo(at.x + handleRadius, at.y);
    path.arc(at.x, at.y, handleRadius, 0, 2 * Math.PI);
  };
  for (const s of scene.steps) {
    let family = families.get(s.family);
    if (!family) families.set(s.family, (family = { band: new Path2D(), tile: new Path2D(), icon: new Path2D(), sourceHandles: new Path2D() }));
    paths.outlines.roundRect(s.x, s.y, s.width, s.height, card.radius);
    paths.surfaces.roundRect(s.x + 1, s.y + card.top, s.width - 2, s.height - card.top - 1, [card.radius - 2, card.radius - 2, card.radius - 1, card.radius - 1]);
    family.band.roundRect(s.x, s.y, s.width, card.radius + card.top, [card.radius, card.radius, 0, 0]);
    family.tile.roundRect(s.x + card.tileX, s.y + card.tileY, card.tile, card.tile, card.tileRadius);
    const iconAt = new DOMMatrix().translateSelf(s.x + card.tileX + card.iconInset, s.y + card.tileY + card.iconInset).scaleSelf(card.iconScale);
    family.icon.addPath(iconPath(s.type), iconAt);
    for (const source of s.sources) {
      circle(paths.handles, source);
      circle(family.sourceHandles, source);
    }
    if (s.target) {
      circle(paths.handles, s.target);
      circle(paths.targetHandles, s.target);
    }
    if (s.selected) paths.rings.roundRect(s.x - 2, s.y - 2, s.width + 4, s.height + 4, card.radius + 2);
  }
  paths.byFamily = [...families];
  pathsOfScene.set(scene, paths);
  return paths;
}

/** Texts cut to a width with an ellipsis, as the cards' CSS does (fillText's own maxWidth squeezes the glyphs instead). */
const fittedTexts = new WeakMap<JourneySketchScene, Map<string, string>>();

function fitted(ctx: CanvasRenderingContext2D, scene: JourneySketchScene, value: string, maxWidth: number): string {
  let cache = fittedTexts.get(scene);
  if (!cache) fittedTexts.set(scene, (cache = new Map()));
  const key = `${ctx.font}|${maxWidth}|${value}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let result = value;
  if (ctx.measureText(value).width > maxWidth) {
    let [low, high] = [0, value.length];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (ctx.measureText(`${value.slice(0, middle)}…`).width <= maxWidth) low = middle;
      else high = middle - 1;
    }
    result = `${value.slice(0, low).trimEnd()}…`;
  }
  cache.set(key, result);
  return result;
}

/** Branch name pills, sized with the context's text metrics (so built at the first detailed frame). */
function pillPaths(ctx: CanvasRenderingContext2D, scene: JourneySketchScene, paths: ScenePaths) {
  if (paths.pills) return paths.pills;
  const pills = { plain: new Path2D(), failed: new Path2D() };
  for (const s of scene.steps)
    for (const label of s.branchLabels) {
      const width = ctx.measureText(label.text).width + 2 * pill.padX;
      (label.failed ? pills.failed : pills.plain).roundRect(label.x - width / 2, label.y - pill.height, width, pill.height, pill.radius);
    }
  return (paths.pills = pills);
}

/**
 * Draws the scene for `viewport` on a context sized `width` × `height` CSS pixels at `pixelRatio`:
 * a few dozen fills and strokes of batched paths, then text for the steps on screen where a reader
 * could make it out; `detailed` (not zoomed out past reading) adds summaries and branch names, as the cards do.
 */
export function drawJourneySketch(
  ctx: CanvasRenderingContext2D,
  scene: JourneySketchScene,
  viewport: SketchViewport,
  size: { width: number; height: number; pixelRatio: number },
  text: { fontFamily: string; detailed: boolean },
): void {
  const { zoom } = viewport;
  const paths = scenePaths(scene);
  ctx.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.setTransform(zoom * size.pixelRatio, 0, 0, zoom * size.pixelRatio, viewport.x * size.pixelRatio, viewport.y * size.pixelRatio);

  ctx.lineWidth = 1.6;
  ctx.strokeStyle = colours.edge;
  ctx.stroke(paths.edges);
  ctx.strokeStyle = colours.accent;
  ctx.stroke(paths.selectedEdges);
  ctx.fillStyle = colours.arrow;
  ctx.fill(paths.arrows);
  ctx.lineWidth = 2;
  ctx.strokeStyle = colours.accent;
  ctx.stroke(paths.rings);
  // The border, the family's top band over it, the surface, then the icon tile.
  ctx.fillStyle = colours.border;
  ctx.fill(paths.outlines);
  for (const [family, { band }] of paths.byFamily) {
    ctx.fillStyle = familyPalette[family].colour;
    ctx.fill(band);
  }
  ctx.fillStyle = colours.surface;
  ctx.fill(paths.surfaces);
  for (const [family, { tile }] of paths.byFamily) {
    ctx.fillStyle = familyPalette[family].soft;
    ctx.fill(tile);
  }
  ctx.fillStyle = colours.surface;
  ctx.fill(paths.handles);
  ctx.strokeStyle = colours.edge;
  ctx.stroke(paths.targetHandles);
  for (const [family, { sourceHandles }] of paths.byFamily) {
    ctx.strokeStyle = familyPalette[family].colour;
    ctx.stroke(sourceHandles);
  }
  if (14 * zoom < legiblePx) return;

  ctx.lineWidth = 1.6 / card.iconScale;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const [family, { icon }] of paths.byFamily) {
    ctx.strokeStyle = familyPalette[family].colour;
    ctx.stroke(icon);
  }

  // Text only for the steps on screen: fillText is the costly call.
  const left = -viewport.x / zoom;
  const top = -viewport.y / zoom;
  const right = left + size.width / zoom;
  const bottom = top + size.height / zoom;
  const visible = scene.steps.filter((s) => s.x < right && s.x + s.width > left && s.y < bottom && s.y + s.height > top);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.font = `700 11px ${text.fontFamily}`;
  ctx.letterSpacing = '0.66px';
  for (const s of visible) {
    ctx.fillStyle = familyPalette[s.family].colour;
    ctx.fillText(fitted(ctx, scene, s.kind, s.width - card.kindX - card.padRight), s.x + card.kindX, s.y + card.kindY);
  }
  ctx.letterSpacing = '0px';
  ctx.font = `650 14px ${text.fontFamily}`;
  ctx.fillStyle = colours.text;
  const textWidth = (s: SketchStep) => s.width - card.textX - card.padRight;
  for (const s of visible) ctx.fillText(fitted(ctx, scene, s.label, textWidth(s)), s.x + card.textX, s.y + card.labelY);
  if (!text.detailed) return;

  const summaryFont = `12.5px ${text.fontFamily}`;
  ctx.font = summaryFont;
  ctx.fillStyle = colours.muted;
  for (const s of visible) if (s.summary && !s.summary.incomplete) ctx.fillText(fitted(ctx, scene, s.summary.text, textWidth(s)), s.x + card.textX, s.y + card.summaryY);
  ctx.font = `italic ${summaryFont}`;
  ctx.fillStyle = colours.incomplete;
  for (const s of visible) if (s.summary?.incomplete) ctx.fillText(fitted(ctx, scene, s.summary.text, textWidth(s)), s.x + card.textX, s.y + card.summaryY);

  ctx.font = `600 11px ${text.fontFamily}`;
  const pills = pillPaths(ctx, scene, paths);
  ctx.fillStyle = colours.pill;
  ctx.fill(pills.plain);
  ctx.fillStyle = colours.failedPill;
  ctx.fill(pills.failed);
  ctx.textAlign = 'center';
  for (const s of visible)
    for (const label of s.branchLabels) {
      ctx.fillStyle = label.failed ? colours.failedText : colours.muted;
      ctx.fillText(label.text, label.x, label.y - pill.height / 2);
    }
}
