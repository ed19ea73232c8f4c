import type { JourneyNodeType } from '@tideflow/domain';
import type { Viewport } from '@xyflow/react';
import { familyPalette } from '../nodeCatalog';
import { nodeIconPaths } from '../nodes/nodeIconPaths';
import type { JourneySketchScene, SketchStep } from './sketchScene';
import { drawDots } from './sketchDots';

/**
 * Draws a journey's sketch (sketchScene) on one <canvas> while the view moves (useMovingViewSketch):
 * a frame is one transform and a few dozen colour-batched fills and strokes, plus text for the steps
 * on screen, instead of Chromium re-painting and re-layerizing hundreds of positioned elements at
 * every scale. Shapes are built once per scene and kept while it lasts.
 */

/** The card's layout in Builder.module.css (.node, .nodeHeader, .nodeIcon, .nodeBody, .nodeStats, .branchLabel), in flow units. */
const card = { radius: 12, top: 3, tileX: 13, tileY: 13, tile: 28, tileRadius: 8, iconInset: 5, iconScale: 0.9, kindX: 49, kindY: 27, textX: 13, labelY: 59, summaryY: 81, padRight: 12 };
/** The stats row sits right above the 30 units kept for branch names: its rule, then its text. */
const statsRow = { ruleAbove: 56, textAbove: 41, gap: 14 };
const pill = { height: 18, padX: 8, radius: 9 };
const handleRadius = 5;
const colours = {
  border: '#d5dbe3',
  lightBorder: '#e3e6eb',
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
  danger: '#b42318',
  dangerSoft: '#fdecea',
  dangerGlow: 'rgb(180 35 24 / 0.18)',
  warning: '#e9a23b',
  warningSoft: '#fef4e6',
  warningText: '#b54708',
};
/** Text and icons smaller than this many screen pixels are not drawn (zoomed out, the cards drop details too). */
const legiblePx = 3;

/** Paths batched by colour: one fill or stroke call per colour in use. */
class ByColour {
  readonly paths = new Map<string, Path2D>();
  of(colour: string): Path2D {
    let path = this.paths.get(colour);
    if (!path) this.paths.set(colour, (path = new Path2D()));
    return path;
  }
  fill(ctx: CanvasRenderingContext2D) {
    for (const [colour, path] of this.paths) {
      ctx.fillStyle = colour;
      ctx.fill(path);
    }
  }
  stroke(ctx: CanvasRenderingContext2D) {
    for (const [colour, path] of this.paths) {
      ctx.strokeStyle = colour;
      ctx.stroke(path);
    }
  }
}

/** The scene's shapes in drawing order, each layer batched by colour. */
interface ScenePaths {
  edges: ByColour;
  arrows: Path2D;
  glows: ByColour;
  rings: ByColour;
  outlines: ByColour;
  bands: ByColour;
  surfaces: Path2D;
  tiles: ByColour;
  handles: Path2D;
  handleRings: ByColour;
  icons: ByColour;
  statsRules: Path2D;
  /** Pills whose size depends on text metrics: built at the first frame that draws text. */
  pills: { branches: ByColour; badges: ByColour; edgeStats: Path2D; badgeWidths: Map<SketchStep, number> } | null;
}

const pathsOfScene = new WeakMap<JourneySketchScene, ScenePaths>();
const iconPaths = new Map<JourneyNodeType, Path2D>();
const iconPath = (type: JourneyNodeType) => iconPaths.get(type) ?? iconPaths.set(type, new Path2D(nodeIconPaths[type])).get(type)!;

function scenePaths(scene: JourneySketchScene): ScenePaths {
  const cached = pathsOfScene.get(scene);
  if (cached) return cached;
  const paths: ScenePaths = {
    edges: new ByColour(),
    arrows: new Path2D(),
    glows: new ByColour(),
    rings: new ByColour(),
    outlines: new ByColour(),
    bands: new ByColour(),
    surfaces: new Path2D(),
    tiles: new ByColour(),
    handles: new Path2D(),
    handleRings: new ByColour(),
    icons: new ByColour(),
    statsRules: new Path2D(),
    pills: null,
  };
  for (const connection of scene.connections) {
    paths.edges.of(connection.selected ? colours.accent : colours.edge).addPath(new Path2D(connection.path));
    paths.arrows.moveTo(connection.tipX - 5, connection.tipY - 8);
    paths.arrows.lineTo(connection.tipX + 5, connection.tipY - 8);
    paths.arrows.lineTo(connection.tipX, connection.tipY);
    paths.arrows.closePath();
  }
  const circle = (path: Path2D, at: { x: number; y: number }) => {
    path.moveTo(at.x + handleRadius, at.y);
    path.arc(at.x, at.y, handleRadius, 0, 2 * Math.PI);
  };
  for (const s of scene.steps) {
    const family = familyPalette[s.family];
    const error = s.problem?.severity === 'error';
    const border = error ? colours.danger : s.problem ? colours.warning : colours.border;
    if (error) paths.glows.of(colours.dangerGlow).roundRect(s.x - 1.5, s.y - 1.5, s.width + 3, s.height + 3, card.radius + 1.5);
    if (s.selected) paths.rings.of(error ? colours.danger : colours.accent).roundRect(s.x - 1, s.y - 1, s.width + 2, s.height + 2, card.radius + 1);
    paths.outlines.of(border).roundRect(s.x, s.y, s.width, s.height, card.radius);
    // A problem's colour replaces the family's on the top edge too (.nodeError, .nodeWarning set every side).
    paths.bands.of(s.problem ? border : family.colour).roundRect(s.x, s.y, s.width, card.radius + card.top, [card.radius, card.radius, 0, 0]);
    paths.surfaces.roundRect(s.x + 1, s.y + card.top, s.width - 2, s.height - card.top - 1, [card.radius - 2, card.radius - 2, card.radius - 1, card.radius - 1]);
    paths.tiles.of(family.soft).roundRect(s.x + card.tileX, s.y + card.tileY, card.tile, card.tile, card.tileRadius);
    const iconAt = new DOMMatrix().translateSelf(s.x + card.tileX + card.iconInset, s.y + card.tileY + card.iconInset).scaleSelf(card.iconScale);
    paths.icons.of(family.colour).addPath(iconPath(s.type), iconAt);
    for (const source of s.sources) {
      circle(paths.handles, source);
      circle(paths.handleRings.of(family.colour), source);
    }
    if (s.target) {
      circle(paths.handles, s.target);
      circle(paths.handleRings.of(colours.edge), s.target);
    }
    if (s.stats) {
      const ruleY = s.y + s.height - statsRow.ruleAbove;
      paths.statsRules.moveTo(s.x + card.textX - 1, ruleY);
      paths.statsRules.lineTo(s.x + s.width - card.padRight - 1, ruleY);
    }
  }
  pathsOfScene.set(scene, paths);
  return paths;
}

/** Cuts `value` to `maxWidth` with an ellipsis, as the cards' CSS does (fillText's own maxWidth squeezes the glyphs instead). */
function fitted(ctx: CanvasRenderingContext2D, value: string, maxWidth: number): string {
  if (ctx.measureText(value).width <= maxWidth) return value;
  let [low, high] = [0, value.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (ctx.measureText(`${value.slice(0, middle)}…`).width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${value.slice(0, low).trimEnd()}…`;
}

interface StepTexts {
  kind: string;
  label: string;
  summary: string | null;
}

/** Each step's texts as they fit its card: measured once per scene, at its first frame with text. */
const textsOfScene = new WeakMap<JourneySketchScene, Map<SketchStep, StepTexts>>();

function stepTexts(ctx: CanvasRenderingContext2D, scene: JourneySketchScene, font: ReturnType<typeof fonts>, badgeWidths: Map<SketchStep, number>) {
  const cached = textsOfScene.get(scene);
  if (cached) return cached;
  const texts = new Map<SketchStep, StepTexts>();
  const width = (s: SketchStep) => s.width - card.textX - card.padRight;
  for (const s of scene.steps) {
    ctx.font = font.kind;
    ctx.letterSpacing = kindLetterSpacing;
    // Room left by the problem badge, if any (8 units apart, as the header's gap).
    const badge = badgeWidths.get(s);
    const kind = fitted(ctx, s.kind, width(s) - card.kindX + card.textX - (badge ? badge + 8 : 0));
    ctx.letterSpacing = '0px';
    ctx.font = font.label;
    const label = fitted(ctx, s.label, width(s));
    ctx.font = s.summary?.incomplete ? font.incomplete : font.summary;
    texts.set(s, { kind, label, summary: s.summary ? fitted(ctx, s.summary.text, width(s)) : null });
  }
  textsOfScene.set(scene, texts);
  return texts;
}

const kindLetterSpacing = '0.66px';

const fonts = (family: string) => ({
  kind: `700 11px ${family}`,
  label: `650 14px ${family}`,
  summary: `12.5px ${family}`,
  incomplete: `italic 12.5px ${family}`,
  stats: `12px ${family}`,
  statsNumber: `700 12px ${family}`,
  branch: `600 11px ${family}`,
  badge: `700 11px ${family}`,
  edgeStat: `700 11.5px ${family}`,
  edgeStatCount: `500 11.5px ${family}`,
});

/** An edge stat's two runs of text ("45% " in bold, then the count). Leaves the count's font set. */
function edgeStatWidths(ctx: CanvasRenderingContext2D, stat: { percent: string; count: string }, font: ReturnType<typeof fonts>) {
  ctx.font = font.edgeStat;
  const percent = ctx.measureText(`${stat.percent} `).width;
  ctx.font = font.edgeStatCount;
  const count = ctx.measureText(stat.count).width;
  return { percent, count, total: percent + count };
}

/** Pill geometry for branch names, problem badges and edge stats, sized with the context's text metrics. */
function pillPaths(ctx: CanvasRenderingContext2D, scene: JourneySketchScene, paths: ScenePaths, font: ReturnType<typeof fonts>) {
  if (paths.pills) return paths.pills;
  const pills = { branches: new ByColour(), badges: new ByColour(), edgeStats: new Path2D(), badgeWidths: new Map<SketchStep, number>() };
  ctx.font = font.branch;
  for (const s of scene.steps)
    for (const label of s.branchLabels) {
      const width = ctx.measureText(label.text).width + 2 * pill.padX;
      pills.branches.of(label.failed ? colours.failedPill : colours.pill).roundRect(label.x - width / 2, label.y - pill.height, width, pill.height, pill.radius);
    }
  ctx.font = font.badge;
  for (const s of scene.steps) {
    if (!s.problem) continue;
    const width = ctx.measureText(s.problem.text).width + 2 * pill.padX;
    pills.badgeWidths.set(s, width);
    pills.badges.of(s.problem.severity === 'error' ? colours.dangerSoft : colours.warningSoft).roundRect(s.x + s.width - card.padRight - 1 - width, s.y + card.kindY - pill.height / 2, width, pill.height, pill.radius);
  }
  for (const connection of scene.connections) {
    if (!connection.stat) continue;
    const width = edgeStatWidths(ctx, connection.stat, font).total + 2 * pill.padX + 2;
    pills.edgeStats.roundRect(connection.stat.x - width / 2, connection.stat.y - pill.height / 2 - 1, width, pill.height + 2, pill.radius + 1);
  }
  return (paths.pills = pills);
}

/**
 * Draws the scene for `viewport` on a context sized `width` × `height` CSS pixels at `pixelRatio`:
 * a few dozen fills and strokes of colour-batched paths, then text for the steps on screen where a
 * reader could make it out; `detailed` (not zoomed out past reading) adds what the cards add then:
 * summaries, counts and branch names.
 */
export function drawJourneySketch(
  ctx: CanvasRenderingContext2D,
  scene: JourneySketchScene,
  viewport: Viewport,
  size: { width: number; height: number; pixelRatio: number },
  text: { fontFamily: string; detailed: boolean },
): void {
  const { zoom } = viewport;
  const paths = scenePaths(scene);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, size.width * size.pixelRatio, size.height * size.pixelRatio);
  drawDots(ctx, viewport, size);
  ctx.setTransform(zoom * size.pixelRatio, 0, 0, zoom * size.pixelRatio, viewport.x * size.pixelRatio, viewport.y * size.pixelRatio);

  ctx.lineWidth = 1.6;
  paths.edges.stroke(ctx);
  ctx.fillStyle = colours.arrow;
  ctx.fill(paths.arrows);
  ctx.lineWidth = 3;
  paths.glows.stroke(ctx);
  ctx.lineWidth = 2;
  paths.rings.stroke(ctx);
  // The border, the top band over it, the surface, then the icon tile and the handles.
  paths.outlines.fill(ctx);
  paths.bands.fill(ctx);
  ctx.fillStyle = colours.surface;
  ctx.fill(paths.surfaces);
  paths.tiles.fill(ctx);
  ctx.fillStyle = colours.surface;
  ctx.fill(paths.handles);
  paths.handleRings.stroke(ctx);
  if (14 * zoom < legiblePx) return;

  ctx.lineWidth = 1.6 / card.iconScale;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  paths.icons.stroke(ctx);
  ctx.lineCap = 'butt';

  // Text only for the steps on screen: fillText is the costly call.
  const font = fonts(text.fontFamily);
  const left = -viewport.x / zoom;
  const top = -viewport.y / zoom;
  const right = left + size.width / zoom;
  const bottom = top + size.height / zoom;
  const visible = scene.steps.filter((s) => s.x < right && s.x + s.width > left && s.y < bottom && s.y + s.height > top);
  const pills = pillPaths(ctx, scene, paths, font);
  const texts = stepTexts(ctx, scene, font, pills.badgeWidths);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.font = font.kind;
  ctx.letterSpacing = kindLetterSpacing;
  for (const s of visible) {
    ctx.fillStyle = familyPalette[s.family].colour;
    ctx.fillText(texts.get(s)!.kind, s.x + card.kindX, s.y + card.kindY);
  }
  ctx.letterSpacing = '0px';
  ctx.font = font.label;
  ctx.fillStyle = colours.text;
  for (const s of visible) ctx.fillText(texts.get(s)!.label, s.x + card.textX, s.y + card.labelY);
  pills.badges.fill(ctx);
  ctx.font = font.badge;
  ctx.textAlign = 'right';
  for (const s of visible) {
    if (!s.problem) continue;
    ctx.fillStyle = s.problem.severity === 'error' ? colours.danger : colours.warningText;
    ctx.fillText(s.problem.text, s.x + s.width - card.padRight - 1 - pill.padX, s.y + card.kindY);
  }
  // Counts on connections are shown at every zoom, as BranchEdge's pills are.
  ctx.fillStyle = colours.surface;
  ctx.fill(pills.edgeStats);
  ctx.strokeStyle = colours.lightBorder;
  ctx.lineWidth = 1;
  ctx.stroke(pills.edgeStats);
  ctx.textAlign = 'left';
  for (const connection of scene.connections) {
    const stat = connection.stat;
    if (!stat || stat.x < left - 100 || stat.x > right + 100 || stat.y < top - 20 || stat.y > bottom + 20) continue;
    const widths = edgeStatWidths(ctx, stat, font);
    const start = stat.x - widths.total / 2;
    ctx.fillStyle = colours.muted;
    ctx.fillText(stat.count, start + widths.percent, stat.y);
    ctx.font = font.edgeStat;
    ctx.fillStyle = colours.text;
    ctx.fillText(`${stat.percent} `, start, stat.y);
  }
  if (!text.detailed) return;

  for (const [style, incomplete] of [[font.summary, false], [font.incomplete, true]] as const) {
    ctx.font = style;
    ctx.fillStyle = incomplete ? colours.incomplete : colours.muted;
    for (const s of visible) if (s.summary && Boolean(s.summary.incomplete) === incomplete) ctx.fillText(texts.get(s)!.summary!, s.x + card.textX, s.y + card.summaryY);
  }

  ctx.setLineDash([3, 3]);
  ctx.strokeStyle = colours.lightBorder;
  ctx.stroke(paths.statsRules);
  ctx.setLineDash([]);
  for (const s of visible) {
    if (!s.stats) continue;
    const y = s.y + s.height - statsRow.textAbove;
    let x = s.x + card.textX;
    const part = (number: string, words: string, numberColour: string) => {
      ctx.font = font.statsNumber;
      ctx.fillStyle = numberColour;
      ctx.fillText(number, x, y);
      x += ctx.measureText(number).width;
      ctx.font = font.stats;
      ctx.fillStyle = colours.muted;
      ctx.fillText(words, x, y);
      x += ctx.measureText(words).width + statsRow.gap;
    };
    part(s.stats.entered, ' entered', colours.text);
    if (s.stats.waitingNow !== null) part(s.stats.waitingNow, ' here now', s.stats.waiting ? familyPalette[s.family].colour : colours.text);
  }

  pills.branches.fill(ctx);
  ctx.font = font.branch;
  ctx.textAlign = 'center';
  for (const s of visible)
    for (const label of s.branchLabels) {
      ctx.fillStyle = label.failed ? colours.failedText : colours.muted;
      ctx.fillText(label.text, label.x, label.y - pill.height / 2);
    }
}
