import type { PrismaClient } from '@tideflow/db';
import { createEventCatalogActivities } from './eventCatalogActivities';

export interface ActivityDependencies {
  prisma: PrismaClient;
}

/** Every activity, built from its dependencies (so tests can pass their own). */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEventCatalogActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { EventCatalogRecount } from './eventCatalogActivities';
