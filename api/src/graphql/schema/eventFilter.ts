import type { Prisma } from '@tideflow/db';
import { z } from 'zod';
import { builder } from '../builder';
import { inputError } from '../errors';
import { isUuid, StorableDate } from './ids';
import { storableText } from './text';

const Text = z.string().superRefine(storableText);

export const EventFilter = builder.inputType('EventFilter', {
  fields: (t) => ({
    name: t.string({ validate: Text, description: 'Exact event name.' }),
    names: t.stringList({ validate: z.array(Text), description: 'Any of these event names.' }),
    userId: t.string({ validate: Text, description: "A user's Tideflow id or userId." }),
    from: t.field({ type: 'DateTime', validate: StorableDate, description: 'Events at or after this time.' }),
    to: t.field({ type: 'DateTime', validate: StorableDate, description: 'Events before this time.' }),
  }),
});

type EventFilterInput = typeof EventFilter.$inferInput;

/** `workspaceId` is omitted for a user's own timeline (already scoped by the relation). */
export function eventWhere(workspaceId: string | undefined, filter: EventFilterInput | null | undefined, field: string): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = workspaceId ? [{ workspaceId }] : [];
  if (filter?.name != null) and.push({ name: filter.name });
  if (filter?.names != null) and.push({ name: { in: filter.names } });
  if (filter?.from && filter?.to && filter.from > filter.to) throw inputError(`${field}.to`, 'must not be before from');
  if (filter?.from) and.push({ timestamp: { gte: filter.from } });
  if (filter?.to) and.push({ timestamp: { lt: filter.to } });
  if (filter?.userId != null) {
    const userId = filter.userId.trim();
    if (!userId) throw inputError(`${field}.userId`, 'must not be empty');
    and.push({
      user: {
        OR: [
          ...(isUuid(userId) ? [{ id: userId }] : []),
          { externalId: userId },
          { identities: { some: { kind: 'ALIAS' as const, value: userId } } },
        ],
      },
    });
  }
  return { AND: and };
}
