'use client';

import { useQuery } from '@apollo/client/react';
import { ReactFlowProvider } from '@xyflow/react';
import Link from 'next/link';
import { useState } from 'react';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { useViewer } from '@/lib/viewer';
import styles from './Builder.module.css';
import { BuilderProvider, CatalogLists } from './BuilderContext';
import { BuilderWorkspace } from './BuilderWorkspace';
import { JOURNEY_BUILDER_QUERY, JOURNEY_CATALOG_QUERY } from './queries';

/** Loads the journey (and the pickers' catalog) and mounts the builder; Reload mounts it again from the server's draft. */
export function JourneyBuilder({ journeyId }: { journeyId: string }) {
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(JOURNEY_BUILDER_QUERY, { variables: { id: journeyId }, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true });
  const catalog = useQuery(JOURNEY_CATALOG_QUERY, { fetchPolicy: 'cache-and-network' });
  const [generation, setGeneration] = useState(0);

  if (error && !data) return <ErrorState title="The journey could not be loaded" error={error} retrying={loading} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <BuilderSkeleton />;
  const journey = data.journey;
  if (!journey) {
    return (
      <EmptyState title="Journey not found">
        It may have been deleted, or it belongs to another workspace. <Link href="/journeys">Back to the journeys</Link>
      </EmptyState>
    );
  }
  const readOnly = !viewer.canEdit || journey.status === 'ARCHIVED';
  const reload = async () => {
    await refetch().catch(() => undefined);
    setGeneration((g) => g + 1);
  };
  return (
    <BuilderProvider journeyId={journey.id} readOnly={readOnly} timezone={viewer.workspace.timezone} catalog={catalog.data}>
      <ReactFlowProvider key={generation}>
        <BuilderWorkspace journey={journey} onReload={() => void reload()} />
      </ReactFlowProvider>
      <CatalogLists />
    </BuilderProvider>
  );
}

function BuilderSkeleton() {
  return (
    <div className={styles.builder} aria-busy="true">
      <span className="visually-hidden">Loading the journey…</span>
      <div className={styles.header}>
        <div className={styles.headerMain}>
          <Skeleton width="6rem" height="0.9rem" />
          <Skeleton width="18rem" height="1.8rem" />
        </div>
      </div>
      <div className={styles.workspace}>
        <div className={styles.palette}>
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} width="100%" height="2.6rem" />
          ))}
        </div>
        <div className={styles.canvasColumn}>
          <div className={styles.canvas} />
        </div>
        <div className={styles.sidePanel} />
      </div>
    </div>
  );
}
