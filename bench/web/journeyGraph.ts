/**
 * The 200-node journey the canvas is measured with: an event trigger, a random
 * split into ten lanes of 10 % each, and in every lane a chain of waits, webhook
 * calls and messages ending in an end node — a large but realistic journey
 * (no problems beyond warnings), laid out in columns as a marketer would draw it.
 */

const laneCount = 10;
const laneWidth = 320;
const rowHeight = 150;
/** The chain's step types, in turn; the last node of a lane is an `end`. */
const cycle = ['wait', 'webhook', 'sendMessage'] as const;

function step(type: (typeof cycle)[number], id: string, lane: number, index: number) {
  if (type === 'wait') return { id, type, label: `Wait ${index}`, settings: { duration: { amount: 1 + (index % 6), unit: 'hours' } } };
  if (type === 'webhook') return { id, type, label: `Score lane ${lane}`, settings: { url: 'https://example.com/score', method: 'POST', fields: [{ key: 'user', value: '{{ user.userId }}' }] } };
  return { id, type, label: `Message ${index}`, settings: { channel: 'webhook', url: 'https://example.com/notify', method: 'POST', fields: [{ key: 'lane', value: String(lane) }] } };
}

/** Which branch handles lead on from a node (both outcomes of a call go to the next step). */
const handlesOf = (type: string) => (type === 'webhook' ? ['ok', 'failed'] : type === 'sendMessage' ? ['sent', 'failed'] : ['next']);

export function largeJourneyDefinition(nodeCount = 200) {
  if (nodeCount < 2 + laneCount * 2) throw new Error(`a large journey needs at least ${2 + laneCount * 2} nodes`);
  const nodes: Array<Record<string, unknown> & { id: string; type: string }> = [];
  const edges: Array<{ source: string; sourceHandle: string; target: string }> = [];
  const centre = ((laneCount - 1) * laneWidth) / 2;
  nodes.push({ id: 'trigger', type: 'eventTrigger', label: 'Trial started', position: { x: centre, y: 0 }, settings: { eventName: 'Trial Started', filters: [] } });
  const branches = Array.from({ length: laneCount }, (_, lane) => ({ key: `lane${lane}`, percent: 100 / laneCount }));
  nodes.push({ id: 'lanes', type: 'randomSplit', label: 'Ten lanes', position: { x: centre, y: rowHeight }, settings: { branches, controlPercent: 0 } });
  edges.push({ source: 'trigger', sourceHandle: 'next', target: 'lanes' });
  const rest = nodeCount - 2;
  for (let lane = 0; lane < laneCount; lane++) {
    // Spread the remaining nodes evenly over the lanes (the first lanes take the remainder).
    const length = Math.floor(rest / laneCount) + (lane < rest % laneCount ? 1 : 0);
    let previous: { id: string; type: string } | null = null;
    for (let index = 0; index < length; index++) {
      const id = `l${lane}s${index}`;
      const position = { x: lane * laneWidth, y: (index + 2) * rowHeight };
      const node = index === length - 1 ? { id, type: 'end', settings: {} } : step(cycle[index % cycle.length]!, id, lane, index);
      nodes.push({ ...node, position });
      if (previous) for (const handle of handlesOf(previous.type)) edges.push({ source: previous.id, sourceHandle: handle, target: id });
      else edges.push({ source: 'lanes', sourceHandle: `lane${lane}`, target: id });
      previous = node;
    }
  }
  return { nodes, edges, entryRules: { reEntry: { mode: 'never' } } };
}
