'use client';

import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiError } from './errors';
import type { DraftDefinition } from './graph';
import { SAVE_JOURNEY_DRAFT_MUTATION } from './queries';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

export const autosaveDelayMs = 1200;

/**
 * Saves the draft a moment after the last change (and on demand), passing the
 * revision it started from: when a colleague saved meanwhile, the API answers
 * CONFLICT and saving stops until the marketer reloads or overwrites.
 */
export function useAutosave({ journeyId, initialRevision, initialDefinition, enabled, read, changeToken }: { journeyId: string; initialRevision: number; initialDefinition: DraftDefinition; enabled: boolean; read: () => DraftDefinition; changeToken: unknown }) {
  const [saveDraft] = useMutation(SAVE_JOURNEY_DRAFT_MUTATION);
  const revision = useRef(initialRevision);
  const savedJson = useRef(JSON.stringify(initialDefinition));
  const inFlight = useRef<Promise<boolean> | null>(null);
  const conflicted = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  const save = useCallback(
    async ({ overwrite = false, name }: { overwrite?: boolean; name?: string } = {}): Promise<boolean> => {
      window.clearTimeout(timer.current);
      while (inFlight.current) await inFlight.current;
      if (conflicted.current && !overwrite) return false;
      const definition = read();
      const json = JSON.stringify(definition);
      if (json === savedJson.current && name === undefined && !overwrite) return true;
      setStatus({ kind: 'saving' });
      const work = (async () => {
        try {
          const result = await saveDraft({ variables: { input: { id: journeyId, draft: definition, ...(name !== undefined ? { name } : {}), ...(overwrite ? {} : { expectedRevision: revision.current }) } } });
          if (result.data) revision.current = result.data.updateJourneyDraft.draftRevision;
          savedJson.current = json;
          conflicted.current = false;
          setStatus({ kind: 'saved', at: new Date() });
          return true;
        } catch (error) {
          const info = apiError(error);
          if (info.code === 'CONFLICT' && info.field === 'input.expectedRevision') {
            conflicted.current = true;
            setStatus({ kind: 'conflict', message: info.message });
          } else {
            setStatus({ kind: 'error', message: info.message });
          }
          return false;
        }
      })();
      inFlight.current = work;
      try {
        return await work;
      } finally {
        inFlight.current = null;
      }
    },
    [journeyId, read, saveDraft],
  );

  useEffect(() => {
    if (!enabled) return;
    timer.current = window.setTimeout(() => void save(), autosaveDelayMs);
    return () => window.clearTimeout(timer.current);
  }, [changeToken, enabled, save]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!enabled) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(read()) !== savedJson.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [enabled, read]);

  return { status, save };
}
