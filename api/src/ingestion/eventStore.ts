import type { IngestMessage } from '@tideflow/domain';
import type { Transaction } from './ingestionTransaction';
import type { SqlParams } from './sqlParams';

/**
 * The part of a batch's lookup that finds messageIds already stored (a retried
 * request): one probe of the unique index per messageId. A semi-join can look
 * cheaper to a planner whose statistics predate the workspace's events, and
 * then reads every event of the workspace for each batch.
 */
export function storedMessageIdsQuery(params: SqlParams, workspace: string, messageIds: string[]): string | null {
  if (!messageIds.length) return null;
  return `SELECT 'stored' AS source, e."messageId" AS value, NULL::text AS id, NULL::text AS "externalId"
            FROM jsonb_array_elements_text(${params.add(JSON.stringify(messageIds))}::jsonb) AS k(value)
            CROSS JOIN LATERAL (SELECT "messageId" FROM "Event" WHERE "workspaceId" = ${workspace} AND "messageId" = k.value LIMIT 1) e`;
}

export interface StoredEvent {
  id: string;
  userId: string;
  name: string;
  type: string;
  timestamp: Date;
  /** Position of its message in the messages given to `insertEvents`. */
  index: number;
}

/**
 * Inserts the events; a messageId already stored (a resent message, or one
 * stored meanwhile by a concurrent request) is skipped. Rows go in messageId
 * order, so two requests carrying the same messageIds in different orders
 * wait for each other instead of deadlocking. Returns what was stored, in
 * message order; only ids and messageIds come back from the database (the
 * rest is what was sent).
 */
export async function insertEvents(tx: Transaction, workspaceId: string, messages: IngestMessage[], userIdOfMessage: string[]): Promise<StoredEvent[]> {
  if (!messages.length) return [];
  // A batch's messages share their receivedAt and sentAt: each formatted once.
  const sharedIso = new Map<Date, string>();
  const isoOfShared = (date: Date) => sharedIso.get(date) ?? sharedIso.set(date, date.toISOString()).get(date)!;
  const rows = messages.map((message, index) => {
    const ts = message.timestamp.toISOString();
    const original = message.originalTimestamp;
    return {
      userId: userIdOfMessage[index],
      type: message.type.toUpperCase(),
      name: message.eventName,
      properties: message.properties,
      context: message.context,
      ts,
      ots: original === null ? null : original.getTime() === message.timestamp.getTime() ? ts : original.toISOString(),
      sent: message.sentAt ? isoOfShared(message.sentAt) : null,
      recv: isoOfShared(message.receivedAt),
      messageId: message.messageId,
    };
  });
  const { rows: inserted } = await tx.query<{ id: string; messageId: string }>(
    `INSERT INTO "Event" ("workspaceId", "userId", type, name, properties, context, timestamp, "originalTimestamp", "sentAt", "receivedAt", "messageId")
     SELECT $1::uuid, x."userId", x.type::"EventType", x.name, x.properties, x.context, x.ts, x.ots, x.sent, x.recv, x."messageId"
       FROM jsonb_to_recordset($2::jsonb) AS x("userId" uuid, type text, name text, properties jsonb, context jsonb, ts timestamptz, ots timestamptz, sent timestamptz, recv timestamptz, "messageId" text)
      ORDER BY x."messageId"
     ON CONFLICT ("workspaceId", "messageId") DO NOTHING
     RETURNING id::text AS id, "messageId"`,
    [workspaceId, JSON.stringify(rows)],
  );
  const indexOf = new Map(messages.map((message, index) => [message.messageId, index]));
  return inserted
    .map(({ id, messageId }) => {
      const index = indexOf.get(messageId)!;
      const row = rows[index]!;
      return { id, userId: row.userId!, name: row.name, type: row.type, timestamp: messages[index]!.timestamp, index };
    })
    .sort((a, b) => a.index - b.index);
}
