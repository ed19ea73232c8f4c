'use client';

import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import type { OverlayStore } from './overlayStore';
import { JOURNEY_LIVE_STATS_QUERY } from './queries';

export const liveStatsIntervalMs = 3000;

/**
 * Per-node counts of a published journey, polled every few seconds into the
 * overlay (only nodes whose counts changed re-render). The same poll keeps
 * the journey's status and headline counts current in Apollo's cache.
 */
export function useLiveStats(journeyId: string, published: boolean, overlay: OverlayStore) {
  const { data } = useQuery(JOURNEY_LIVE_STATS_QUERY, { variables: { id: journeyId }, skip: !published, pollInterval: liveStatsIntervalMs, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const stats = published ? (data?.journey?.nodeStats ?? null) : null;
  useEffect(() => overlay.setStats(stats), [stats, overlay]);
}
