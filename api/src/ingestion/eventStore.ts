import type { IngestMessage } from '@tideflow/domain';
import type { Transaction } from './ingestionTransaction';

/** messageIds of the batch that are already stored (a retried request). */
export async function findStoredMessageIds(tx: Transaction, workspaceId: string, messageIds: string[]): Promise<Set<string>> {
  if (!messageIds.length) return new Set();
  const { rows } = await tx.query<{ messageId: string }>(
    `SELECT "messageId" FROM "Event" WHERE "workspaceId" = $1::uuid AND "messageId" IN (SELECT jsonb_array_elements_text($2::jsonb))`, [
      workspaceId,
      JSON.stringify(messageIds)
    ]);
  return new Set(rows.map((row) => row.messageId));
}

export interface StoredEvent {
  name: string;
  type: string;
  timestamp: Date;
}

/**
 * Inserts the events; a messageId stored meanwhile by a concurrent request is
 * skipped. Rows go in messageId order, so two requests carrying the same
 * messageIds in different orders wait for each other instead of deadlocking.
 */
export async function insertEvents(tx: Transaction, workspaceId: string, messages: IngestMessage[], userIdOfMessage: string[]): Promise<StoredEvent[]> {
  if (!messages.length) return [];
  const rows = messages.map((message, index) => ({
    userId: userIdOfMessage[index],
    type: message.type.toUpperCase(),
    name: message.eventName,
    properties: message.properties,
    context: message.context,
    ts: message.timestamp.toISOString(),
    ots: message.originalTimestamp?.toISOString() ?? null,
    sent: message.sentAt?.toISOString() ?? null,
    recv: message.receivedAt.toISOString(),
    messageId: message.messageId,
  }));
  const { rows: stored } = await tx.query<{ name: string; type: string; timestamp: Date }>(
    `INSERT INTO "Event" ("workspaceId", "userId", type, name, properties, context, timestamp, "originalTimestamp", "sentAt", "receivedAt", "messageId")
     SELECT $1::uuid, x."userId", x.type::"EventType", x.name, x.properties, x.context, x.ts, x.ots, x.sent, x.recv, x."messageId"
       FROM jsonb_to_recordset($2::jsonb) AS x("userId" uuid, type text, name text, properties jsonb, context jsonb, ts timestamptz, ots timestamptz, sent timestamptz, recv timestamptz, "messageId" text)
      ORDER BY x."messageId"
     ON CONFLICT ("workspaceId", "messageId") DO NOTHING
     RETURNING name, type::text AS type, timestamp`, [
      workspaceId,
      JSON.stringify(rows)
    ]);
  return stored.map((row) => ({ ...row, timestamp: new Date(row.timestamp) }));
}
