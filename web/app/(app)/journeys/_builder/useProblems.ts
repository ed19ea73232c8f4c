'use client';

import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiError } from './errors';
import type { DraftDefinition } from './graph';
import type { OverlayStore } from './overlayStore';
import { type Problem, VALIDATE_JOURNEY_QUERY } from './queries';

/**
 * Problems of the definition as drawn (`validateJourneyDefinition`), shown on
 * the canvas. Hidden until the marketer validates or publishes; from then on
 * re-checked a moment after each change, so fixed problems disappear.
 */
export function useProblems({ read, changeToken, overlay }: { read: () => DraftDefinition; changeToken: unknown; overlay: OverlayStore }) {
  const client = useApolloClient();
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [validating, setValidating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = useRef<string | null>(null);

  const validate = useCallback(async (): Promise<boolean | null> => {
    const definition = read();
    checked.current = JSON.stringify(definition);
    setValidating(true);
    try {
      const { data } = await client.query({ query: VALIDATE_JOURNEY_QUERY, variables: { definition }, fetchPolicy: 'no-cache' });
      if (!data) return null;
      setProblems(data.validateJourneyDefinition.problems);
      setError(null);
      return data.validateJourneyDefinition.valid;
    } catch (caught) {
      setError(apiError(caught).message);
      return null;
    } finally {
      setValidating(false);
    }
  }, [client, read]);

  useEffect(() => overlay.setProblems(problems ?? []), [problems, overlay]);

  const shown = problems !== null;
  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(() => {
      if (JSON.stringify(read()) !== checked.current) void validate();
    }, 900);
    return () => window.clearTimeout(timer);
  }, [changeToken, shown, read, validate]);

  return { problems, validating, error, validate, setProblems };
}
