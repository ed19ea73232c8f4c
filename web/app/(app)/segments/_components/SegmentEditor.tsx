'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { type SegmentProblem, validateSegment } from '@tideflow/domain';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { Field } from '@/components/Field';
import { ErrorState, Skeleton } from '@/components/states';
import { useViewer } from '@/lib/viewer';
import { buildCatalog } from '../_lib/catalog';
import { cleanDefinition, countConditions, draftOf, draftReducer, emptyDraft } from '../_lib/definition';
import { mutationFailure } from '../_lib/mutationErrors';
import { definitionProblemsOf, ProblemIndex } from '../_lib/problems';
import { BUILDER_CATALOG_QUERY, CREATE_SEGMENT_MUTATION, SEGMENTS_QUERY, type SegmentDetailData, UPDATE_SEGMENT_MUTATION } from '../_queries';
import { SegmentBuilder } from './builder/SegmentBuilder';
import { EstimatePanel, useSegmentPreview } from './EstimatePanel';
import s from './Segments.module.css';

type Kind = 'LIVE' | 'STATIC';
type Source = 'definition' | 'upload';

/**
 * Creates a segment, or edits an existing one: its details, and its
 * definition in the builder with a live size estimate. Viewers see it all
 * read-only.
 */
export function SegmentEditor({ segment, initialKind = 'LIVE', initialSource = 'definition' }: { segment?: SegmentDetailData; initialKind?: Kind; initialSource?: Source }) {
  const viewer = useViewer();
  const router = useRouter();
  const readOnly = !viewer.canEdit;
  const catalogQuery = useQuery(BUILDER_CATALOG_QUERY, { fetchPolicy: 'cache-and-network' });
  const catalog = useMemo(() => (catalogQuery.data ? buildCatalog(catalogQuery.data, segment?.id) : null), [catalogQuery.data, segment?.id]);

  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [isTest, setIsTest] = useState(segment?.isTest ?? false);
  const [kind, setKind] = useState<Kind>(segment?.kind ?? initialKind);
  const [source, setSource] = useState<Source>(segment ? (segment.definition ? 'definition' : 'upload') : initialSource);
  const [draft, dispatch] = useReducer(draftReducer, segment?.definition, (definition) => (definition ? draftOf(definition) : emptyDraft()));
  const [baseline, setBaseline] = useState(() => ({ name: segment?.name ?? '', description: segment?.description ?? '', isTest: segment?.isTest ?? false, definition: JSON.stringify(cleanDefinition(draftOf(segment?.definition))) }));

  const [fieldErrors, setFieldErrors] = useState<{ name?: string; description?: string; form?: string }>({});
  const [saveProblems, setSaveProblems] = useState<{ json: string; problems: SegmentProblem[] } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [createSegment, creating] = useMutation(CREATE_SEGMENT_MUTATION, { refetchQueries: [SEGMENTS_QUERY, BUILDER_CATALOG_QUERY] });
  const [updateSegment, updating] = useMutation(UPDATE_SEGMENT_MUTATION, { refetchQueries: [SEGMENTS_QUERY, BUILDER_CATALOG_QUERY] });

  const usesDefinition = kind === 'LIVE' || source === 'definition';
  const clean = useMemo(() => cleanDefinition(draft), [draft]);
  const cleanJson = useMemo(() => JSON.stringify(clean), [clean]);
  const validation = useMemo(() => (catalog ? validateSegment(clean, catalog.validation) : null), [clean, catalog]);
  const preview = useSegmentPreview(usesDefinition && validation?.ok ? cleanJson : null, segment?.id);

  const problems = useMemo(() => {
    const list: SegmentProblem[] = [...(validation?.problems ?? [])];
    // The API's own check (its catalog may be newer than the page's).
    if (validation?.ok && preview.result && !preview.result.valid) list.push(...preview.result.problems);
    if (saveProblems && saveProblems.json === cleanJson) list.push(...saveProblems.problems);
    return new ProblemIndex(list);
  }, [validation, preview.result, saveProblems, cleanJson]);

  const definitionChanged = usesDefinition && cleanJson !== baseline.definition;
  const dirty = name !== baseline.name || description !== baseline.description || isTest !== baseline.isTest || definitionChanged;
  useEffect(() => {
    if (dirty) setSaved(null);
  }, [dirty]);

  if (catalogQuery.error && !catalogQuery.data) {
    return <ErrorState title="The attributes and events for the builder could not be loaded" error={catalogQuery.error} retrying={catalogQuery.loading} onRetry={() => void catalogQuery.refetch().catch(() => undefined)} />;
  }
  if (!catalog || !validation) {
    return (
      <div className={s.editorLayout} aria-busy="true">
        <span className="visually-hidden">Loading the segment builder…</span>
        <div className="panel">
          <div className="skeleton-rows">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} width="100%" height="2rem" />
            ))}
          </div>
        </div>
      </div>
    );
  }

  const save = async () => {
    setFieldErrors({});
    setSaved(null);
    if (!name.trim()) return setFieldErrors({ name: 'must not be empty' });
    if (usesDefinition && !validation.ok) return setFieldErrors({ form: `Fix the ${validation.problems.length === 1 ? 'problem' : `${validation.problems.length} problems`} marked in the definition before saving.` });
    try {
      if (!segment) {
        const { data } = await createSegment({
          variables: { input: { name: name.trim(), description: description.trim() || null, kind, isTest, definition: usesDefinition ? clean : null } },
        });
        if (data) router.push(`/segments/${data.createSegment.id}${!usesDefinition ? '?tab=upload' : ''}`);
        return;
      }
      const { data } = await updateSegment({
        variables: { input: { id: segment.id, name: name.trim(), description: description.trim(), isTest, ...(definitionChanged ? { definition: clean } : {}) } },
      });
      setBaseline({ name: name.trim(), description: description.trim(), isTest, definition: usesDefinition ? cleanJson : baseline.definition });
      setName(name.trim());
      setDescription(description.trim());
      setSaved(data ? `Saved · ${data.updateSegment.size.toLocaleString('en-US')} ${data.updateSegment.size === 1 ? 'member' : 'members'}` : 'Saved');
    } catch (error) {
      const failure = mutationFailure(error);
      const errors: typeof fieldErrors = {};
      for (const p of failure.problems) {
        if (p.field === 'input.name') errors.name = p.message;
        else if (p.field === 'input.description') errors.description = p.message;
      }
      const definitionProblems = definitionProblemsOf(failure.problems);
      if (definitionProblems.length) setSaveProblems({ json: cleanJson, problems: definitionProblems });
      if (!errors.name && !errors.description) errors.form = definitionProblems.length ? `The definition has ${definitionProblems.length === 1 ? 'a problem' : `${definitionProblems.length} problems`}: see the marked conditions.` : failure.message;
      setFieldErrors(errors);
    }
  };

  const busy = creating.loading || updating.loading;
  const conditions = countConditions(draft.root);
  return (
    <div className={s.editorLayout}>
      <div className={s.editorMain}>
        <section className="panel" aria-labelledby="details-title">
          <div className="panel__header">
            <h2 id="details-title" className="panel__title">
              Details
            </h2>
          </div>
          <fieldset className={s.details} disabled={readOnly}>
            <legend className="visually-hidden">Details</legend>
            <Field label="Name" error={fieldErrors.name}>
              {(props) => <input {...props} className="input" value={name} maxLength={255} onChange={(event) => setName(event.target.value)} placeholder="Repeat buyers" />}
            </Field>
            <Field label="Description" error={fieldErrors.description} hint="Optional: who this is for, and why.">
              {(props) => <input {...props} className="input" value={description} maxLength={2000} onChange={(event) => setDescription(event.target.value)} />}
            </Field>
            {!segment ? (
              <div className={s.choiceRow} role="radiogroup" aria-label="Kind">
                <span className="field__label">Kind</span>
                <label className={s.choice}>
                  <input type="radio" name="kind" checked={kind === 'LIVE'} onChange={() => setKind('LIVE')} />
                  <span>
                    <strong>Live</strong> <span className="muted">follows users as they act</span>
                  </span>
                </label>
                <label className={s.choice}>
                  <input type="radio" name="kind" checked={kind === 'STATIC'} onChange={() => setKind('STATIC')} />
                  <span>
                    <strong>Static</strong> <span className="muted">a snapshot or an upload; never updates itself</span>
                  </span>
                </label>
              </div>
            ) : null}
            {!segment && kind === 'STATIC' ? (
              <div className={s.choiceRow} role="radiogroup" aria-label="Members from">
                <span className="field__label">Members from</span>
                <label className={s.choice}>
                  <input type="radio" name="source" checked={source === 'definition'} onChange={() => setSource('definition')} />
                  <span>a snapshot of the definition below, taken now</span>
                </label>
                <label className={s.choice}>
                  <input type="radio" name="source" checked={source === 'upload'} onChange={() => setSource('upload')} />
                  <span>a CSV upload (choose the file next)</span>
                </label>
              </div>
            ) : null}
            <label className={s.checkbox}>
              <input type="checkbox" checked={isTest} onChange={(event) => setIsTest(event.target.checked)} />
              <span>
                <strong>Test audience</strong> <span className="muted">offered as recipients of test sends</span>
              </span>
            </label>
          </fieldset>
        </section>

        {usesDefinition ? (
          <section className="panel" aria-labelledby="definition-title">
            <div className="panel__header">
              <h2 id="definition-title" className="panel__title">
                Definition
              </h2>
              <p className="panel__meta">
                {conditions} {conditions === 1 ? 'condition' : 'conditions'}
                {problems.size ? ` · ${problems.size} ${problems.size === 1 ? 'problem' : 'problems'}` : ''}
              </p>
            </div>
            <div className={s.builderWrap}>
              <SegmentBuilder draft={draft} dispatch={dispatch} catalog={catalog} problems={problems} readOnly={readOnly} />
            </div>
          </section>
        ) : (
          <section className="panel">
            <div className={s.panelBody}>
              <p className="muted">{segment ? 'This static segment holds the users of its CSV uploads: add or replace them under Upload CSV.' : 'Create the segment, then upload a CSV of userIds, emails or phone numbers.'}</p>
            </div>
          </section>
        )}
      </div>

      <aside className={s.editorSide} aria-label="Size and saving">
        {!readOnly ? (
          <div className={`panel ${s.saveBox}`}>
            <button type="button" className="button button--primary" onClick={() => void save()} disabled={busy || (Boolean(segment) && !dirty)}>
              {busy ? 'Saving…' : segment ? 'Save changes' : 'Create segment'}
            </button>
            <p className={s.saveStatus} role="status">
              {saved ?? (segment ? (dirty ? 'Unsaved changes' : 'No changes') : '')}
            </p>
            {fieldErrors.form ? (
              <p className="field__error" role="alert">
                {fieldErrors.form}
              </p>
            ) : null}
            {segment && definitionChanged ? (
              <p className={s.saveHint}>{segment.kind === 'LIVE' ? 'Saving rebuilds membership from the new definition.' : 'Saving takes a new snapshot of the definition.'}</p>
            ) : null}
          </div>
        ) : null}
        {usesDefinition ? <EstimatePanel preview={preview} problemCount={problems.size} timeZone={viewer.workspace.timezone} /> : null}
      </aside>
    </div>
  );
}
