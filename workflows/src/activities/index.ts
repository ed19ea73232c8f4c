import type { PrismaClient, SqlDriver } from '@tideflow/db';
import type { SecretBox } from '../secrets/secretBox';
import { createEventCatalogActivities } from './eventCatalogActivities';
import { createJourneyActivities } from './journeys';
import { createSegmentSweepActivities } from './segmentSweepActivities';

export interface ActivityDependencies {
  prisma: PrismaClient;
  /** The driver under Prisma (multi-statement writes such as segment membership). */
  sql: SqlDriver;
  /** Opens channel secrets (SMTP password, webhook headers). */
  secrets: SecretBox;
}

/** Every activity, built from its dependencies (so tests can pass their own). */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createEventCatalogActivities(deps),
    ...createJourneyActivities(deps),
    ...createSegmentSweepActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { EventCatalogRecount } from './eventCatalogActivities';
export type { JourneyActivities } from './journeys';
