import { ApplicationFailure } from '@temporalio/activity';
import type { PrismaClient } from '@tideflow/db';
import type { ExitCriterion, JsonObject, MessageSettings } from '@tideflow/domain';
import { isTemplateError, renderTemplate } from '@tideflow/domain/templates';
import type { JourneyEvent } from '../../journeys/journeyRunTypes';
import type { SecretBox } from '../../secrets/secretBox';
import { channelConfigOf } from '../../channels/channelConfig';
import { PermanentSendError, sendSmtp } from '../../channels/emailTransport';
import { HttpStatusError, sendHttpRequest } from '../../channels/httpRequest';
import { whileHeartbeating } from './heartbeats';
import { claimDelivery, completeDelivery, type DeliveryDraft, failDelivery } from '../../channels/deliveries';
import { exitReasonBeforeSend } from './exitCheck';
import { InvalidRenderedUrl, renderHttpRequest } from '../../channels/httpTemplates';
import { recordPositionAndLoadUser, type RunPosition } from './runRecords';
import { userFactsOf } from './runUser';
import { templateScope } from './templateScope';

export interface SendOutcome {
  outcome: 'sent' | 'failed' | 'exited';
  reason: string;
  messageId?: string;
}

export interface SendJourneyMessageInput extends RunPosition {
  nodeId: string;
  /** `<nodeId>#<visit>`: with the run id, the step's idempotency key. */
  iteration: string;
  settings: MessageSettings;
  trigger: JourneyEvent;
  context: JsonObject;
  exitCriteria: ExitCriterion[];
}

export interface MessageDeps {
  prisma: PrismaClient;
  secrets: SecretBox;
}

const formatFrom = (email: string, name: string | null) => (name ? `"${name.replace(/["\\\r\n]/g, '')}" <${email}>` : email);

/**
 * A journey's send step. Email goes through the workspace's SMTP server, or
 * to the outbox when none is configured; the webhook channel posts to a URL.
 * The delivery row (unique per run and step) makes every attempt safe.
 */
export function createSendMessageActivities(deps: MessageDeps) {
  return {
    sendJourneyMessage: (input: SendJourneyMessageInput): Promise<SendOutcome> => whileHeartbeating(() => sendJourneyMessage(deps, input)),
  };
}

async function sendJourneyMessage(deps: MessageDeps, input: SendJourneyMessageInput): Promise<SendOutcome> {
  const { prisma } = deps;
  const { run, settings } = input;
  const { user, channelSettings } = await recordPositionAndLoadUser(prisma, { ...input, currentNodeId: input.nodeId, waitingSince: null }, { channels: true });
  if (!user) return { outcome: 'failed', reason: 'the user no longer exists' };
  const facts = userFactsOf(user);
  const exit = await exitReasonBeforeSend(prisma, run.workspaceId, facts, new Date(run.enteredAt), input.exitCriteria);
  if (exit) return { outcome: 'exited', reason: exit };

  const scope = templateScope(run, facts, input.trigger, input.context);
  const idempotencyKey = `journey:${run.runId}:${input.iteration}`;
  const channels = channelConfigOf(channelSettings, deps.secrets);
  const base = { workspaceId: run.workspaceId, userId: user.id, journeyId: run.journeyId, runId: run.runId, nodeId: input.nodeId, purpose: 'MESSAGE' as const, idempotencyKey };

  let draft: DeliveryDraft;
  let deliver: () => Promise<{ providerMessageId?: string; responseStatus?: number }>;
  try {
    if (settings.channel === 'email') {
      if (!user.email) return { outcome: 'failed', reason: 'the user has no email address' };
      const [subject, html, text, fromName] = await Promise.all([
        renderTemplate(settings.subject, scope),
        renderTemplate(settings.html, scope),
        settings.text === undefined ? undefined : renderTemplate(settings.text, scope),
        settings.fromName === undefined ? undefined : renderTemplate(settings.fromName, scope),
      ]);
      const from = formatFrom(settings.fromEmail ?? channels.fromEmail, fromName ?? channels.fromName);
      const smtp = channels.smtp;
      draft = { ...base, channel: 'EMAIL', provider: smtp ? 'smtp' : 'outbox', recipient: user.email, subject: subject.replace(/[\r\n]+/g, ' '), body: html };
      const email = { from, to: user.email, subject: draft.subject!, html, ...(text !== undefined ? { text } : {}), ...(settings.replyTo ? { replyTo: settings.replyTo } : {}), idempotencyKey };
      deliver = async () => (smtp ? sendSmtp(smtp, email) : {});
    } else {
      const request = await renderHttpRequest(settings, scope, { headers: channels.webhookHeaders, timeoutSeconds: channels.webhookTimeoutSeconds }, idempotencyKey);
      draft = { ...base, channel: 'WEBHOOK', provider: 'http', recipient: request.url, subject: `${request.method} ${new URL(request.url).host}`, body: request.body ?? null };
      deliver = async () => ({ responseStatus: (await sendHttpRequest(request)).status });
    }
  } catch (error) {
    if (error instanceof InvalidRenderedUrl || isTemplateError(error)) {
      return { outcome: 'failed', reason: `template error: ${(error as Error).message}` };
    }
    throw error;
  }

  const claim = await claimDelivery(prisma, draft);
  if (claim.kind === 'sent') return { outcome: 'sent', reason: `already sent (${draft.provider})`, messageId: claim.messageId };
  if (claim.kind === 'unconfirmed') return { outcome: 'sent', reason: claim.reason, messageId: claim.messageId };
  if (claim.kind === 'settled') return { outcome: 'failed', reason: claim.reason, messageId: claim.messageId };
  try {
    const result = await deliver();
    await completeDelivery(prisma, claim.messageId, result);
    const where = draft.provider === 'outbox' ? `to the outbox (no SMTP server configured) for ${draft.recipient}` : draft.provider === 'smtp' ? `by email to ${draft.recipient}` : `to ${draft.subject}`;
    return { outcome: 'sent', reason: `sent ${where}`, messageId: claim.messageId };
  } catch (error) {
    const status = error instanceof HttpStatusError ? error.status : null;
    await failDelivery(prisma, claim.messageId, (error as Error).message, status);
    const permanent = error instanceof PermanentSendError || (error instanceof HttpStatusError && !error.retryable);
    if (permanent) return { outcome: 'failed', reason: (error as Error).message, messageId: claim.messageId };
    // Transient (connection refused, 5xx, timeout): Temporal retries; the row lets the next attempt go ahead.
    throw ApplicationFailure.retryable((error as Error).message, 'DeliveryFailed');
  }
}
