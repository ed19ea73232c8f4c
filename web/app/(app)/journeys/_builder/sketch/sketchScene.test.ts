import { describe, expect, it } from '@jest/globals';
import { sketchScene, type SketchStepInput } from './sketchScene';

const step = (id: string, x: number, y: number, handles: string[], trigger = false): SketchStepInput => ({
  id,
  type: trigger ? 'eventTrigger' : 'conditionSplit',
  x,
  y,
  width: 256,
  height: 120,
  family: trigger ? 'trigger' : 'flow',
  kindTitle: trigger ? 'Event' : 'Condition split',
  label: `Step ${id}`,
  summary: { text: `About ${id}`, incomplete: false },
  selected: false,
  problem: null,
  stats: null,
  // Branch handles along the bottom edge, 12 × 12, as BranchHandles lays them out.
  sourceHandles: handles.map((handle, index) => ({ id: handle, x: 40 + index * 92, y: 114, width: 12, height: 12, label: handle === 'next' ? null : handle.toUpperCase() })),
  targetHandle: trigger ? null : { x: 122, y: -6, width: 12, height: 12 },
});

describe('sketchScene', () => {
  it('joins the bottom centre of the branch handle to the top centre of the target handle', () => {
    const scene = sketchScene([step('a', 0, 0, ['yes', 'no'], true), step('b', 300, 400, [])], [{ source: 'a', sourceHandle: 'no', target: 'b', selected: true, stat: { percent: '40%', count: '1,204' } }]);
    expect(scene.connections).toHaveLength(1);
    const [connection] = scene.connections;
    // Source: x 0 + 132 + 6, y 0 + 114 + 12; target: x 300 + 122 + 6, y 400 - 6.
    expect(connection!.path.startsWith('M138 126')).toBe(true);
    expect(connection!.path.endsWith('428 394')).toBe(true);
    expect([connection!.tipX, connection!.tipY]).toEqual([428, 394]);
    expect(connection!.selected).toBe(true);
    // The count's pill sits where BranchEdge puts its label: the path's middle.
    expect(connection!.stat).toEqual({ x: 283, y: 260, percent: '40%', count: '1,204' });
  });

  it('uses the first handle for an edge without a handle id, and skips edges to steps it does not know', () => {
    const scene = sketchScene(
      [step('a', 0, 0, ['next']), step('b', 0, 300, [])],
      [
        { source: 'a', sourceHandle: null, target: 'b', selected: false, stat: null },
        { source: 'a', sourceHandle: 'next', target: 'gone', selected: false, stat: null },
      ],
    );
    expect(scene.connections).toHaveLength(1);
    expect(scene.connections[0]!.path.startsWith('M46 126')).toBe(true);
  });

  it('keeps every step with its kind in capitals, its texts, handle centres and named branches', () => {
    const scene = sketchScene([step('a', 10, 20, ['yes', 'failed']), step('b', 10, 300, ['next'], true)], []);
    expect(scene.steps[0]).toEqual({
      type: 'conditionSplit',
      x: 10,
      y: 20,
      width: 256,
      height: 120,
      family: 'flow',
      kind: 'CONDITION SPLIT',
      label: 'Step a',
      summary: { text: 'About a', incomplete: false },
      selected: false,
      problem: null,
      stats: null,
      sources: [
        { x: 56, y: 140 },
        { x: 148, y: 140 },
      ],
      target: { x: 138, y: 20 },
      // Pills sit 10 units above the card's bottom edge, as .branchLabel does; failures get their own colour.
      branchLabels: [
        { x: 56, y: 130, text: 'YES', failed: false },
        { x: 148, y: 130, text: 'FAILED', failed: true },
      ],
    });
    expect(scene.steps[1]).toMatchObject({ kind: 'EVENT', target: null, branchLabels: [] });
  });
});
