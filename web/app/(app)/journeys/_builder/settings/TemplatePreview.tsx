'use client';

import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import styles from '../Builder.module.css';
import { useBuilder } from '../BuilderContext';
import { apiError } from '../errors';
import { PREVIEW_TEMPLATE_QUERY } from '../queries';

export interface PreviewTemplate {
  key: string;
  label: string;
  source: string;
  html?: boolean;
}

const storageKey = 'tideflow.journeyPreview.userId';

/**
 * Renders the step's templates for a real user of the workspace (and trigger
 * properties the marketer types), through the API, as the journey would.
 */
export function TemplatePreview({ templates }: { templates: PreviewTemplate[] }) {
  const client = useApolloClient();
  const { journeyId } = useBuilder();
  const id = useId();
  const [userId, setUserId] = useState(() => (typeof window === 'undefined' ? '' : (window.sessionStorage.getItem(storageKey) ?? '')));
  const [properties, setProperties] = useState('{}');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Record<string, { text?: string; error?: string }>>({});
  const [formError, setFormError] = useState<{ field: 'user' | 'properties'; message: string } | null>(null);

  const run = async () => {
    setFormError(null);
    let triggerProperties: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(properties || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      triggerProperties = parsed as Record<string, unknown>;
    } catch {
      setFormError({ field: 'properties', message: 'Must be a JSON object, e.g. { "cartId": "c-1" }' });
      return;
    }
    if (!userId.trim()) {
      setFormError({ field: 'user', message: 'Enter the userId (or Tideflow id) of a user to preview for' });
      return;
    }
    window.sessionStorage.setItem(storageKey, userId.trim());
    setBusy(true);
    const entries = await Promise.all(
      templates.filter((t) => t.source.trim() !== '').map(async (template) => {
        try {
          const { data } = await client.query({ query: PREVIEW_TEMPLATE_QUERY, variables: { template: template.source, userId: userId.trim(), triggerProperties, journeyId }, fetchPolicy: 'no-cache' });
          return [template.key, { text: data?.previewJourneyTemplate ?? '' }] as const;
        } catch (error) {
          const info = apiError(error);
          if (info.field === 'userId') setFormError({ field: 'user', message: info.message });
          return [template.key, { error: info.field === 'userId' ? undefined : info.message }] as const;
        }
      }),
    );
    setResults(Object.fromEntries(entries));
    setBusy(false);
  };

  return (
    <section className={styles.preview} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className={styles.formSectionTitle}>
        Preview
      </h4>
      <div className={styles.row}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-user`}>
            As user
          </label>
          <input id={`${id}-user`} className="input" value={userId} placeholder="userId, e.g. user-123" onChange={(e) => setUserId(e.target.value)} aria-invalid={formError?.field === 'user'} />
          {formError?.field === 'user' ? (
            <span className="field__error" role="alert">
              {formError.message}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-props`}>
            Trigger properties (JSON)
          </label>
          <input id={`${id}-props`} className="input mono" value={properties} onChange={(e) => setProperties(e.target.value)} aria-invalid={formError?.field === 'properties'} />
          {formError?.field === 'properties' ? (
            <span className="field__error" role="alert">
              {formError.message}
            </span>
          ) : null}
        </div>
      </div>
      <button type="button" className="button button--small" onClick={() => void run()} disabled={busy}>
        {busy ? 'Rendering…' : 'Render preview'}
      </button>
      {templates.map((template) => {
        const result = results[template.key];
        if (!result) return null;
        return (
          <div key={template.key} className={styles.previewResult}>
            <span className={styles.previewLabel}>{template.label}</span>
            {result.error ? (
              <span className="field__error">{result.error}</span>
            ) : template.html ? (
              <iframe className={styles.previewFrame} title={`${template.label} preview`} sandbox="" srcDoc={result.text} />
            ) : (
              <pre className={styles.previewText}>{result.text || '(empty)'}</pre>
            )}
          </div>
        );
      })}
    </section>
  );
}
