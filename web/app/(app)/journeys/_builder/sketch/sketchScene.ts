import type { JourneyNodeType } from '@tideflow/domain';
import { getSmoothStepPath, Position } from '@xyflow/react';
import type { NodeFamily } from '../nodeCatalog';

/**
 * What the canvas sketch draws (see useMovingViewSketch, drawJourneySketch): the steps' cards as
 * JourneyNodeCard lays them out and the connections as BranchEdge draws them, in flow coordinates.
 * Pure geometry from React Flow's measured nodes and handles.
 */


interface HandleBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a step's card shows, as JourneyNodeCard draws it; position and size absolute, in flow units. */
interface SketchCard {
  type: JourneyNodeType;
  x: number;
  y: number;
  width: number;
  height: number;
  family: NodeFamily;
  label: string;
  /** The one-line summary the card shows (null: none). */
  summary: { text: string; incomplete?: boolean } | null;
  selected: boolean;
  /** What validation found, as the card's border and badge show it. */
  problem: { severity: 'error' | 'warning'; text: string } | null;
  /** A live journey's counts, formatted ("1,204"); `waitingNow` null when the card leaves it out. */
  stats: { entered: string; waitingNow: string | null; waiting: boolean } | null;
}

/** A measured step as React Flow knows it: its card, and handle boxes relative to the step. */
export interface SketchStepInput extends SketchCard {
  id: string;
  kindTitle: string;
  /** Branch handles; `label` is the name shown above it (null: none, as for a lone "next"). */
  sourceHandles: ReadonlyArray<HandleBox & { id: string | null; label: string | null }>;
  targetHandle: HandleBox | null;
}

export interface SketchConnectionInput {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
  selected: boolean;
  /** A live journey's share of runs on the connection ("45%", "1,204"), as BranchEdge's pill. */
  stat: { percent: string; count: string } | null;
}

export interface SketchStep extends SketchCard {
  /** The kind as the header shows it (capitals). */
  kind: string;
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
  /** The pill's centre and text (null: no pill). */
  stat: { x: number; y: number; percent: string; count: string } | null;
}

export interface JourneySketchScene {
  steps: SketchStep[];
  connections: SketchConnection[];
}

const centreOf = (box: HandleBox, x: number, y: number) => ({ x: x + box.x + box.width / 2, y: y + box.y + box.height / 2 });
const failureBranches = new Set(['failed', 'timeout']);
/** A branch name's pill sits this far above the card's bottom edge (.branchLabel). */
const branchLabelLift = 10;

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
    const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition: Position.Bottom, targetPosition: Position.Top, borderRadius: 14, offset: 22 });
    drawn.push({ path, tipX: targetX, tipY: targetY, selected: connection.selected, stat: connection.stat ? { x: labelX, y: labelY, ...connection.stat } : null });
  }
  return {
    steps: steps.map(({ id: _id, kindTitle, sourceHandles, targetHandle, ...card }) => ({
      ...card,
      kind: kindTitle.toUpperCase(),
      sources: sourceHandles.map((handle) => centreOf(handle, card.x, card.y)),
      target: targetHandle ? centreOf(targetHandle, card.x, card.y) : null,
      branchLabels: sourceHandles.flatMap((handle) =>
        handle.label === null ? [] : [{ x: centreOf(handle, card.x, card.y).x, y: card.y + card.height - branchLabelLift, text: handle.label, failed: failureBranches.has(handle.id ?? '') }],
      ),
    })),
    connections: drawn,
  };
}
