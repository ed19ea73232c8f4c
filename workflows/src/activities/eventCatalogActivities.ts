import type { PrismaClient } from '@tideflow/db';

export interface EventCatalogRecount {
  definitions: number;
  events: number;
}

/**
 * Recomputes every event definition's count and first/last seen from the
 * events actually stored: repairs catalog drift after bulk deletes or imports.
 */
export function createEventCatalogActivities(deps: { prisma: PrismaClient }) {
  return {
    async recountEventDefinitions(workspaceId: string): Promise<EventCatalogRecount> {
      const rows = await deps.prisma.$queryRawUnsafe<Array<{ definitions: number; events: number }>>(
        `WITH stats AS (
           SELECT name, count(*) AS n, min(timestamp) AS first, max(timestamp) AS last
             FROM "Event" WHERE "workspaceId" = $1::uuid GROUP BY name
         ), updated AS (
           UPDATE "EventDefinition" d
              SET count = COALESCE(s.n, 0),
                  "firstSeenAt" = COALESCE(s.first, d."firstSeenAt"),
                  "lastSeenAt" = COALESCE(s.last, d."lastSeenAt"),
                  "updatedAt" = now()
             FROM "EventDefinition" d2 LEFT JOIN stats s ON s.name = d2.name
            WHERE d.id = d2.id AND d."workspaceId" = $1::uuid
            RETURNING d.count
         )
         SELECT count(*)::int AS definitions, COALESCE(sum(count), 0)::int AS events FROM updated`,
        workspaceId,
      );
      return rows[0] ?? { definitions: 0, events: 0 };
    },
  };
}
