import type { PrismaClient } from '@tideflow/db';
import type { AttributeType, SegmentCatalog, SegmentSqlContext } from '@tideflow/domain';

export interface WorkspaceSegmentCatalog {
  catalog: SegmentCatalog;
  /** The compiler's context at `now`. */
  sqlContext(now?: Date): SegmentSqlContext;
  eventGroups: ReadonlyMap<string, readonly string[]>;
}

/** What segment validation and compilation read from a workspace: traits, events, groups, other segments. */
export async function loadSegmentCatalog(prisma: PrismaClient, workspaceId: string, selfId?: string): Promise<WorkspaceSegmentCatalog> {
  const [attributes, events, groups, segments] = await Promise.all([
    prisma.attributeDefinition.findMany({ where: { workspaceId, system: false }, select: { name: true, type: true } }),
    prisma.eventDefinition.findMany({ where: { workspaceId }, select: { name: true } }),
    prisma.eventGroup.findMany({ where: { workspaceId }, select: { name: true, events: { select: { name: true } } } }),
    prisma.segment.findMany({ where: { workspaceId }, select: { id: true, name: true, references: true } }),
  ]);
  const traitTypes = new Map(attributes.map((a) => [a.name, a.type as AttributeType]));
  const eventGroups = new Map(groups.map((g) => [g.name, g.events.map((e) => e.name)]));
  const catalog: SegmentCatalog = {
    attributes: traitTypes,
    events: new Set(events.map((e) => e.name)),
    eventGroups: new Set(eventGroups.keys()),
    segments: new Map(segments.map((s) => [s.id, { name: s.name, references: s.references }])),
    ...(selfId ? { selfId } : {}),
  };
  return { catalog, eventGroups, sqlContext: (now = new Date()) => ({ workspaceId, now, traitTypes, eventGroups }) };
}
