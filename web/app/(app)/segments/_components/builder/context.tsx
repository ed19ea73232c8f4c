'use client';

import { createContext, useContext } from 'react';
import type { BuilderCatalog } from '../../_lib/catalog';
import type { DraftAction } from '../../_lib/definition';
import type { ProblemIndex } from '../../_lib/problems';

export interface BuilderContextValue {
  catalog: BuilderCatalog;
  problems: ProblemIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
}

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilder() outside the segment builder');
  return value;
}
