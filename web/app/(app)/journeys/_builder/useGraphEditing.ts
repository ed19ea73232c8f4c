'use client';

import type { JourneyNodeType } from '@tideflow/domain';
import { applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type NodeChange, type OnBeforeDelete, useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { type Clipboard, connect, connectionProblem, copySelection, createNode, type FlowEdge, type FlowNode, type JourneyGraphState, type JourneySettings, type NodeSettings, nodeHeightEstimate, nodeWidth, pasteClipboard, placementNear, reconcileBranchEdges } from './graph';
import { layoutGraph } from './layout';
import type { JourneyHistory } from './useJourneyHistory';

/** Copied steps, shared by every journey open in this tab. */
let clipboard: Clipboard | null = null;

/**
 * Every change the builder makes to the graph, as stable callbacks (the canvas
 * and panels are memoized on them). Edits are undo steps; selection, drags in
 * progress and measurements are not.
 */
export function useGraphEditing(history: JourneyHistory<JourneyGraphState>, { readOnly, timezone }: { readOnly: boolean; timezone: string }) {
  const { update, checkpoint } = history;
  const latest = useRef(history.present);
  latest.current = history.present;
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const store = useStoreApi<FlowNode, FlowEdge>();
  const pastes = useRef(0);

  // A drag records one undo step when it starts; its frames do not. Arrow keys move selected steps
  // without a drag: those moves are recorded (consecutive presses are one step).
  const dragging = useRef(false);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const keyboardMove = !dragging.current && changes.some((change) => change.type === 'position' && change.position && !change.dragging);
      update((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }), keyboardMove ? { coalesce: 'keyboard-move' } : { record: false });
    },
    [update],
  );
  const onDragStart = useCallback(() => {
    dragging.current = true;
    checkpoint();
  }, [checkpoint]);
  const onDragStop = useCallback(() => {
    dragging.current = false;
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => update((s) => ({ ...s, edges: applyEdgeChanges(changes, s.edges) }), { record: false }), [update]);
  const onConnect = useCallback((connection: Connection) => update((s) => connect(s, connection)), [update]);
  const isValidConnection = useCallback((connection: Connection | Edge) => connectionProblem(latest.current, connection) === null, []);
  // Deleting (keys, the edge button, the panel) is one undo step: recorded before React Flow removes anything.
  const onBeforeDelete = useCallback<OnBeforeDelete<FlowNode, FlowEdge>>(async () => {
    if (readOnly) return false;
    checkpoint();
    return true;
  }, [readOnly, checkpoint]);

  /** The centre of what the canvas shows, in flow coordinates. */
  const viewCentre = useCallback((): XYPosition => {
    const { width, height, transform } = store.getState();
    const [x, y, zoom] = transform;
    return { x: (width / 2 - x) / zoom - nodeWidth(1) / 2, y: (height / 2 - y) / zoom - nodeHeightEstimate / 2 };
  }, [store]);

  const reveal = useCallback(
    (position: XYPosition, width = nodeWidth(1)) => {
      const { width: paneWidth, height: paneHeight, transform } = store.getState();
      const [x, y, zoom] = transform;
      const screen = { x: position.x * zoom + x, y: position.y * zoom + y };
      const visible = screen.x > 0 && screen.y > 0 && screen.x + width * zoom < paneWidth && screen.y + nodeHeightEstimate * zoom < paneHeight;
      if (!visible) void flow.setCenter(position.x + width / 2, position.y + nodeHeightEstimate / 2, { zoom: Math.max(zoom, 0.75), duration: 250 });
    },
    [store, flow],
  );

  /** Adds a step: at `position` (a drop), else under the selected step and connected to its first free branch. */
  const addNode = useCallback(
    (type: JourneyNodeType, position?: XYPosition) => {
      const state = latest.current;
      const selected = state.nodes.filter((node) => node.selected);
      const placement = position ? { position } : placementNear(selected.length === 1 ? selected[0] : undefined, state.edges, viewCentre());
      const node = { ...createNode(type, placement.position, new Set(state.nodes.map((n) => n.id)), timezone), selected: true };
      update((s) => {
        const next = { ...s, nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) };
        return 'connectFrom' in placement && placement.connectFrom ? connect(next, { ...placement.connectFrom, target: node.id }) : next;
      });
      reveal(node.position);
      return node.id;
    },
    [update, viewCentre, timezone, reveal],
  );

  const updateSettings = useCallback(
    (nodeId: string, settings: NodeSettings, path: string) =>
      update(
        (s) => {
          const node = s.nodes.find((n) => n.id === nodeId);
          if (!node) return s;
          const edges = reconcileBranchEdges(nodeId, node.type as JourneyNodeType, node.data.settings, settings, s.edges);
          return { ...s, nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, settings } } : n)), edges };
        },
        { coalesce: `${nodeId}:${path}` },
      ),
    [update],
  );

  const updateLabel = useCallback(
    (nodeId: string, label: string) => update((s) => ({ ...s, nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, label } } : n)) }), { coalesce: `${nodeId}:label` }),
    [update],
  );

  const updateJourneySettings = useCallback((settings: JourneySettings, path: string) => update((s) => ({ ...s, settings }), { coalesce: `journey:${path}` }), [update]);

  /** Points a branch at another step (or nowhere): the keyboard's way of connecting. */
  const connectBranch = useCallback(
    (nodeId: string, branch: string, target: string | null) =>
      update((s) => {
        const edges = s.edges.filter((e) => !(e.source === nodeId && (e.sourceHandle ?? 'next') === branch));
        const next = { ...s, edges };
        return target ? connect(next, { source: nodeId, sourceHandle: branch, target }) : next;
      }),
    [update],
  );

  const deleteNode = useCallback((nodeId: string) => void flow.deleteElements({ nodes: [{ id: nodeId }] }), [flow]);

  const selectNode = useCallback(
    (nodeId: string) => {
      const node = latest.current.nodes.find((n) => n.id === nodeId);
      if (!node) return;
      update((s) => ({ ...s, nodes: s.nodes.map((n) => (n.id === nodeId ? (n.selected ? n : { ...n, selected: true }) : n.selected ? { ...n, selected: false } : n)), edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) }), { record: false });
      const width = node.measured?.width ?? nodeWidth(1);
      void flow.setCenter(node.position.x + width / 2, node.position.y + (node.measured?.height ?? nodeHeightEstimate) / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
    },
    [update, flow],
  );

  const autoLayout = useCallback(() => {
    update((s) => ({ ...s, nodes: layoutGraph(s.nodes, s.edges) }));
    window.requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
  }, [update, flow]);

  const copy = useCallback(() => {
    const copied = copySelection(latest.current.nodes, latest.current.edges);
    if (copied) {
      clipboard = copied;
      pastes.current = 0;
    }
    return copied?.nodes.length ?? 0;
  }, []);

  const paste = useCallback(() => {
    if (!clipboard || readOnly) return 0;
    const copied = clipboard;
    const step = 48 * ++pastes.current;
    update((s) => pasteClipboard(s, copied, { x: step, y: step }));
    return copied.nodes.length;
  }, [update, readOnly]);

  return useMemo(
    () => ({ onNodesChange, onEdgesChange, onConnect, isValidConnection, onBeforeDelete, onDragStart, onDragStop, addNode, updateSettings, updateLabel, updateJourneySettings, connectBranch, deleteNode, selectNode, autoLayout, copy, paste }),
    [onNodesChange, onEdgesChange, onConnect, isValidConnection, onBeforeDelete, onDragStart, onDragStop, addNode, updateSettings, updateLabel, updateJourneySettings, connectBranch, deleteNode, selectNode, autoLayout, copy, paste],
  );
}

export type GraphEditing = ReturnType<typeof useGraphEditing>;
