import type { MessageChannel, MessagePurpose, PrismaClient } from '@tideflow/db';
import { sqlDriverOf } from '@tideflow/db';

export interface DeliveryDraft {
  workspaceId: string;
  userId: string | null;
  journeyId: string | null;
  runId: string | null;
  nodeId: string | null;
  channel: MessageChannel;
  purpose: MessagePurpose;
  idempotencyKey: string;
  provider: string;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  test?: boolean;
}

export type DeliveryClaim =
  /** This attempt owns the delivery: call the provider, then `complete` or `fail`. */
  | { kind: 'claimed'; messageId: string; attempt: number }
  /** Already sent by an earlier attempt: do not call the provider again. */
  | { kind: 'sent'; messageId: string; responseStatus: number | null; response: unknown; providerMessageId: string | null }
  /** An earlier attempt stopped mid-call: it may have been delivered, so it is never resent. */
  | { kind: 'unconfirmed'; messageId: string; reason: string }
  /** Another attempt is handling it. */
  | { kind: 'settled'; messageId: string; reason: string };

/**
 * Exactly-once delivery: the row with the step's idempotency key is committed
 * *before* the provider is called. A retry finds it: sent → nothing to do;
 * failed (retryable) → this attempt may try again; still SENDING → an earlier
 * attempt died mid-call: it may well have been delivered, and resending could
 * duplicate it, so it is recorded as UNCONFIRMED and not resent.
 */
export async function claimDelivery(prisma: PrismaClient, draft: DeliveryDraft): Promise<DeliveryClaim> {
  // Every send and webhook step starts here: one statement on the driver, not Prisma's query compiler.
  const { rows } = await sqlDriverOf(prisma).query<{ id: string }>(
    `INSERT INTO "Message" ("workspaceId", "userId", "journeyId", "runId", "nodeId", channel, purpose, "idempotencyKey", provider, recipient, subject, body, test, status)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6::"MessageChannel", $7::"MessagePurpose", $8, $9, $10, $11, $12, $13::boolean, 'SENDING')
     ON CONFLICT ("workspaceId", "idempotencyKey") DO NOTHING RETURNING id`,
    [draft.workspaceId, draft.userId, draft.journeyId, draft.runId, draft.nodeId, draft.channel, draft.purpose, draft.idempotencyKey, draft.provider, draft.recipient, draft.subject, draft.body, draft.test ?? false],
  );
  if (rows[0]) return { kind: 'claimed', messageId: rows[0].id, attempt: 1 };
  const existing = await prisma.message.findUniqueOrThrow({ where: { workspaceId_idempotencyKey: { workspaceId: draft.workspaceId, idempotencyKey: draft.idempotencyKey } } });
  if (existing.status === 'SENT') return { kind: 'sent', messageId: existing.id, responseStatus: existing.responseStatus, response: existing.response, providerMessageId: existing.providerMessageId };
  const unconfirmed = 'unconfirmed: an attempt stopped while calling the provider (worker restart); not resent to avoid a duplicate';
  if (existing.status === 'SENDING' || existing.status === 'UNCONFIRMED') {
    await prisma.message.updateMany({ where: { id: existing.id, status: 'SENDING' }, data: { status: 'UNCONFIRMED', error: unconfirmed } });
    return { kind: 'unconfirmed', messageId: existing.id, reason: unconfirmed };
  }
  // FAILED: only a retryable failure gets here again (permanent ones end the activity).
  const claimed = await prisma.message.updateMany({ where: { id: existing.id, status: 'FAILED' }, data: { status: 'SENDING', attempts: { increment: 1 }, error: null } });
  if (!claimed.count) return { kind: 'settled', messageId: existing.id, reason: 'another attempt is handling this delivery' };
  return { kind: 'claimed', messageId: existing.id, attempt: existing.attempts + 1 };
}

export async function completeDelivery(prisma: PrismaClient, messageId: string, result: { providerMessageId?: string | null; responseStatus?: number | null; response?: unknown }): Promise<void> {
  // A response of null is stored as no response (SQL NULL); undefined leaves the column as it is.
  const response = result.response === undefined ? '' : `, response = $5::jsonb`;
  const params: unknown[] = [messageId, new Date().toISOString(), result.providerMessageId ?? null, result.responseStatus ?? null];
  if (result.response !== undefined) params.push(result.response === null ? null : JSON.stringify(result.response));
  const { rowCount } = await sqlDriverOf(prisma).query(
    `UPDATE "Message" SET status = 'SENT', "sentAt" = $2::timestamptz, "providerMessageId" = $3, "responseStatus" = $4::int${response} WHERE id = $1::uuid`,
    params,
  );
  if (!rowCount) throw new Error(`No message ${messageId} to complete`);
}

export async function failDelivery(prisma: PrismaClient, messageId: string, error: string, responseStatus: number | null = null): Promise<void> {
  await prisma.message.update({ where: { id: messageId }, data: { status: 'FAILED', error: error.slice(0, 2000), responseStatus } });
}
