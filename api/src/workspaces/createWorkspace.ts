import type { PrismaClient } from '@tideflow/db';
import { systemAttributeDisplayNames, systemAttributeNames, systemAttributeTypes } from '@tideflow/domain';

/** A workspace with its system attributes already in the catalog. */
export async function createWorkspace(prisma: PrismaClient, input: { name: string; slug: string; timezone?: string }) {
  return prisma.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data: { name: input.name, slug: input.slug, timezone: input.timezone ?? 'UTC' } });
    await tx.attributeDefinition.createMany({
      data: systemAttributeNames.map((name) => ({ workspaceId: workspace.id, name, displayName: systemAttributeDisplayNames[name], type: systemAttributeTypes[name], system: true })),
    });
    return workspace;
  });
}
