'use client';

import { useMutation } from '@apollo/client/react';
import type { JourneyNodeType } from '@tideflow/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useViewer } from '@/lib/viewer';
import styles from './Builder.module.css';
import { useBuilder } from './BuilderContext';
import { BuilderHeader } from './BuilderHeader';
import { BuilderToolbar } from './BuilderToolbar';
import { apiError } from './errors';
import { type JourneyGraphState, needsLayout, parseDraft, toDefinition, toGraphState } from './graph';
import { JourneyCanvas } from './JourneyCanvas';
import { layoutGraph } from './layout';
import { LifecycleActions } from './LifecycleActions';
import { isTriggerType, nodeKind } from './nodeCatalog';
import { OverlayContext, OverlayStore } from './overlayStore';
import { Palette } from './Palette';
import { ProblemsList } from './ProblemsList';
import { type BuilderJourney, PUBLISH_JOURNEY_MUTATION } from './queries';
import { JourneySettingsForm } from './settings/JourneySettingsForm';
import { NodeSettingsPanel } from './settings/NodeSettingsPanel';
import { type PanelTab, SidePanel } from './SidePanel';
import { useAutosave } from './useAutosave';
import { useBuilderShortcuts } from './useBuilderShortcuts';
import { useGraphEditing } from './useGraphEditing';
import { useJourneyHistory } from './useJourneyHistory';
import { useLiveStats } from './useLiveStats';
import { useProblems } from './useProblems';
import { VersionsPanel } from './VersionsPanel';

function initialState(draft: unknown): JourneyGraphState {
  const parsed = parseDraft(draft);
  const state = toGraphState(parsed);
  // Drawn through the API without positions: arrange it once.
  return needsLayout(parsed) ? { ...state, nodes: layoutGraph(state.nodes, state.edges) } : state;
}

interface Notice {
  message: string;
  tone: 'success' | 'error';
}

/**
 * The journey builder: palette, canvas and side panel around one state
 * (nodes, edges, journey settings) with undo / redo, autosave, validation,
 * live counts and the lifecycle. Mounted once per load of the journey.
 */
export function BuilderWorkspace({ journey, onReload }: { journey: BuilderJourney; onReload: () => void }) {
  const viewer = useViewer();
  const { readOnly } = useBuilder();
  const [initial] = useState(() => initialState(journey.draft));
  const history = useJourneyHistory(() => initial);
  const [overlay] = useState(() => new OverlayStore());
  const latest = useRef(history.present);
  latest.current = history.present;
  const read = useCallback(() => toDefinition(latest.current), []);
  const [initialDefinition] = useState(() => toDefinition(initial));

  const editing = useGraphEditing(history, { readOnly, timezone: viewer.workspace.timezone });
  const autosave = useAutosave({ journeyId: journey.id, initialRevision: journey.draftRevision, initialDefinition, enabled: !readOnly, read, changeToken: history.present });
  const { problems, validating, error: validationError, validate, setProblems } = useProblems({ read, changeToken: history.present, overlay });
  const published = journey.latestVersion !== null;
  useLiveStats(journey.id, published, overlay);
  const [publishJourney] = useMutation(PUBLISH_JOURNEY_MUTATION);

  const [tab, setTab] = useState<PanelTab>('step');
  const [notice, setNotice] = useState<Notice | null>(null);
  const showNotice = useCallback((message: string, tone: Notice['tone'] = 'success') => setNotice({ message, tone }), []);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), notice.tone === 'error' ? 10_000 : 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const { nodes, edges, settings } = history.present;
  const selected = useMemo(() => {
    const chosen = nodes.filter((node) => node.selected);
    return chosen.length === 1 ? chosen[0] : undefined;
  }, [nodes]);
  const selectedId = selected?.id;
  useEffect(() => {
    if (selectedId) setTab('step');
  }, [selectedId]);

  const outgoing = useMemo(() => new Map(edges.filter((edge) => edge.source === selectedId).map((edge) => [edge.sourceHandle ?? 'next', edge.target])), [edges, selectedId]);
  // Recomputed only when a step is added, removed or renamed (not on every drag frame).
  const targetSignature = nodes.map((node) => `${node.id}\u0001${node.type}\u0001${node.data.label ?? ''}`).join('\u0002');
  const targets = useMemo(
    () =>
      targetSignature
        .split('\u0002')
        .filter(Boolean)
        .map((entry) => entry.split('\u0001') as [string, JourneyNodeType, string])
        .filter(([, type]) => !isTriggerType(type))
        .map(([id, type, label]) => ({ id, title: `${label || nodeKind(type).title} (${id})` })),
    [targetSignature],
  );
  const nodeTitle = useCallback((id: string) => {
    const node = latest.current.nodes.find((n) => n.id === id);
    return node ? node.data.label || nodeKind(node.type as JourneyNodeType).title : undefined;
  }, []);

  const problemCount = useMemo(() => (problems ? { errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length } : null), [problems]);

  const runValidation = useCallback(async () => {
    const valid = await validate();
    if (valid === false) setTab('problems');
  }, [validate]);

  const publish = useCallback(async () => {
    if (!(await autosave.save())) {
      showNotice('Not published: the draft could not be saved first.', 'error');
      return;
    }
    try {
      const result = await publishJourney({ variables: { id: journey.id } });
      const version = result.data?.publishJourney.latestVersion;
      showNotice(`Version ${version} is live. New entries use it; runs in flight finish on their version.`);
      void validate();
    } catch (error) {
      const info = apiError(error);
      if (info.code === 'JOURNEY_INVALID') {
        setProblems(info.problems);
        setTab('problems');
        const errors = info.problems.filter((p) => p.severity === 'error').length;
        showNotice(`Not published: ${errors} problem${errors === 1 ? '' : 's'} to fix, marked on the canvas.`, 'error');
      } else {
        showNotice(`Not published: ${info.message}`, 'error');
      }
    }
  }, [autosave, publishJourney, journey.id, showNotice, validate, setProblems]);

  const save = useCallback(() => void autosave.save(), [autosave]);
  useBuilderShortcuts(
    {
      undo: history.undo,
      redo: history.redo,
      copy: () => {
        const count = editing.copy();
        if (count) showNotice(`Copied ${count} step${count > 1 ? 's' : ''}: Ctrl/⌘+V pastes them.`);
      },
      paste: () => void editing.paste(),
      save,
    },
    !readOnly,
  );

  const onRename = useCallback((name: string) => void autosave.save({ name }), [autosave]);
  const onSettingsChange = editing.updateJourneySettings;

  return (
    <OverlayContext.Provider value={overlay}>
      <div className={styles.builder}>
        <BuilderHeader journey={journey} name={journey.name} readOnly={readOnly} onRename={onRename} actions={readOnly ? null : <LifecycleActions journey={journey} onPublish={publish} onNotice={showNotice} />} />
        {readOnly ? (
          <p className={`read-only-note ${styles.banner}`}>
            {journey.status === 'ARCHIVED'
              ? 'This journey is archived: it can be looked at, not changed.'
              : 'Read only: your role (viewer) lets you look at this journey, its live counts and who is at each step, but not change, publish or stop it. Ask an admin for editor access.'}
          </p>
        ) : null}
        {autosave.status.kind === 'conflict' ? (
          <div className={styles.conflict} role="alert">
            <p>
              <strong>Someone else saved this journey while you were editing.</strong> Your latest changes are not saved. Reload to see their version (your unsaved changes here are lost), or keep yours and overwrite theirs.
            </p>
            <div className={styles.conflictActions}>
              <button type="button" className="button button--small" onClick={onReload}>
                Reload their version
              </button>
              <button type="button" className="button button--ghost button--small" onClick={() => void autosave.save({ overwrite: true })}>
                Keep mine
              </button>
            </div>
          </div>
        ) : null}
        <div className={readOnly ? `${styles.workspace} ${styles.workspaceReadOnly}` : styles.workspace}>
          {readOnly ? null : <Palette onAdd={editing.addNode} hasSelection={selected !== undefined} />}
          <div className={styles.canvasColumn}>
            <BuilderToolbar
              readOnly={readOnly}
              canUndo={history.canUndo}
              canRedo={history.canRedo}
              onUndo={history.undo}
              onRedo={history.redo}
              onLayout={editing.autoLayout}
              onValidate={() => void runValidation()}
              validating={validating}
              problemCount={problemCount}
              status={autosave.status}
              onSave={save}
            />
            <JourneyCanvas
              nodes={nodes}
              edges={edges}
              readOnly={readOnly}
              onNodesChange={editing.onNodesChange}
              onEdgesChange={editing.onEdgesChange}
              onConnect={editing.onConnect}
              isValidConnection={editing.isValidConnection}
              onDragStart={editing.onDragStart}
              onDragStop={editing.onDragStop}
              onBeforeDelete={editing.onBeforeDelete}
              onDropNode={editing.addNode}
            />
            {notice ? (
              <div className={notice.tone === 'error' ? `${styles.notice} ${styles.noticeError}` : styles.notice} role="status">
                {notice.message}
                <button type="button" className={styles.noticeClose} onClick={() => setNotice(null)} aria-label="Dismiss">
                  ✕
                </button>
              </div>
            ) : null}
          </div>
          <SidePanel tab={tab} onTab={setTab} problemCount={problemCount}>
            {tab === 'step' ? (
              selected ? (
                <NodeSettingsPanel
                  node={selected}
                  problems={problems}
                  outgoing={outgoing}
                  targets={targets}
                  published={published}
                  onSettings={editing.updateSettings}
                  onLabel={editing.updateLabel}
                  onConnect={editing.connectBranch}
                  onDelete={editing.deleteNode}
                />
              ) : (
                <div className={styles.panelEmpty}>
                  <p className={styles.panelEmptyTitle}>No step selected</p>
                  <p>{readOnly ? 'Select a step on the canvas to see its settings and who is there now.' : 'Select a step on the canvas to edit it, or add one from the palette.'}</p>
                  <p className="field__hint">Shift-click steps, or Shift-drag a box, to select several; Ctrl/⌘+C and Ctrl/⌘+V copy them.</p>
                </div>
              )
            ) : null}
            {tab === 'journey' ? <JourneySettingsForm settings={settings} problems={problems} readOnly={readOnly} onChange={onSettingsChange} /> : null}
            {tab === 'problems' ? <ProblemsList problems={problems} validating={validating} error={validationError} nodeTitle={nodeTitle} onSelectNode={editing.selectNode} onValidate={() => void runValidation()} /> : null}
            {tab === 'versions' ? <VersionsPanel journey={journey} timezone={viewer.workspace.timezone} /> : null}
          </SidePanel>
        </div>
      </div>
    </OverlayContext.Provider>
  );
}
