import type { PrismaClient } from '@tideflow/db';
import { compare, describeComparison, type ExitCriterion, type JsonObject, matchesPropertyFilters, type UserFacts, userAttribute } from '@tideflow/domain';

/** Attribute exit criteria against the user as stored now. */
export function attributeExitReason(user: UserFacts, criteria: readonly ExitCriterion[]): string | null {
  for (const criterion of criteria) {
    if (criterion.kind === 'attribute' && compare(userAttribute(user, criterion.attribute), criterion.operator, criterion.value)) {
      return `exit criterion: ${describeComparison(criterion.attribute, criterion.operator, criterion.value)}`;
    }
  }
  return null;
}

/**
 * Checked again right before a send: an exit event stored since entry ends the
 * run even if its signal has not arrived, so a user who already converted is
 * never messaged.
 */
export async function exitReasonBeforeSend(prisma: PrismaClient, workspaceId: string, user: UserFacts, enteredAt: Date, criteria: readonly ExitCriterion[]): Promise<string | null> {
  const byAttribute = attributeExitReason(user, criteria);
  if (byAttribute) return byAttribute;
  const eventCriteria = criteria.filter((c): c is Extract<ExitCriterion, { kind: 'event' }> => c.kind === 'event');
  if (!eventCriteria.length) return null;
  const events = await prisma.event.findMany({
    where: { workspaceId, userId: user.id, name: { in: [...new Set(eventCriteria.map((c) => c.eventName))] }, timestamp: { gte: enteredAt } },
    select: { name: true, properties: true },
    orderBy: { timestamp: 'asc' },
    take: 1000,
  });
  for (const event of events) {
    if (eventCriteria.some((c) => c.eventName === event.name && matchesPropertyFilters(event.properties as JsonObject, c.filters))) return `exit criterion: ${event.name}`;
  }
  return null;
}
