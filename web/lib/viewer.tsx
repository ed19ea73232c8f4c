'use client';

import { createContext, type ReactNode, useContext } from 'react';

export interface Viewer {
  role: 'ADMIN' | 'EDITOR' | 'VIEWER';
  canEdit: boolean;
  isAdmin: boolean;
  name: string;
  email: string;
  workspace: { id: string; name: string; slug: string; timezone: string };
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/** The signed-in member. The API enforces roles; the UI uses this to hide what it would refuse. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() outside the app shell');
  return viewer;
}
