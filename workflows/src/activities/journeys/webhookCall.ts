import { ApplicationFailure } from '@temporalio/activity';
import type { JourneyNodeOf, JsonObject } from '@tideflow/domain';
import type { JourneyEvent } from '../../journeys/journeyRunTypes';
import { whileHeartbeating } from './heartbeats';
import { channelConfigOf } from '../../channels/channelConfig';
import { HttpStatusError, sendHttpRequest } from '../../channels/httpRequest';
import { claimDelivery, completeDelivery, failDelivery } from '../../channels/deliveries';
import { InvalidRenderedUrl, renderHttpRequest } from '../../channels/httpTemplates';
import { recordPositionAndLoadUser, type RunPosition } from './runRecords';
import { userFactsOf } from './runUser';
import type { MessageDeps } from './sendMessage';
import { templateScope } from './templateScope';

export interface WebhookCallResult {
  /** Null when the call's outcome is unconfirmed (an interrupted attempt). */
  status: number | null;
  body: unknown;
  messageId: string;
  reason: string;
}

/**
 * A journey's webhook step: one call per run and step (the delivery row), retried
 * with backoff by Temporal on connection errors, timeouts and 5xx/408/429. The
 * response is returned for the journey context; a retry after success reuses it.
 */
export function createWebhookCallActivities(deps: MessageDeps) {
  return {
    callJourneyWebhook: (input: WebhookCallInput): Promise<WebhookCallResult> => whileHeartbeating(() => callJourneyWebhook(deps, input)),
  };
}

type WebhookCallInput = RunPosition & { nodeId: string; iteration: string; settings: JourneyNodeOf<'webhook'>['settings']; trigger: JourneyEvent; context: JsonObject };

async function callJourneyWebhook(deps: MessageDeps, input: WebhookCallInput): Promise<WebhookCallResult> {
  const { prisma } = deps;
  const { run } = input;
  const { user, channelSettings } = await recordPositionAndLoadUser(prisma, { ...input, currentNodeId: input.nodeId, waitingSince: null }, { channels: true });
  if (!user) throw ApplicationFailure.nonRetryable('the user no longer exists', 'RunUserMissing');
  const channels = channelConfigOf(channelSettings, deps.secrets);
  const idempotencyKey = `journey:${run.runId}:${input.iteration}`;
  let request;
  try {
    request = await renderHttpRequest(input.settings, templateScope(run, userFactsOf(user), input.trigger, input.context), { headers: channels.webhookHeaders, timeoutSeconds: input.settings.timeoutSeconds }, idempotencyKey);
  } catch (error) {
    throw ApplicationFailure.nonRetryable(`template error: ${(error as Error).message}`, error instanceof InvalidRenderedUrl ? 'InvalidUrl' : 'TemplateError');
  }
  const claim = await claimDelivery(prisma, {
    workspaceId: run.workspaceId, userId: user.id, journeyId: run.journeyId, runId: run.runId, nodeId: input.nodeId,
    channel: 'WEBHOOK', purpose: 'WEBHOOK_CALL', idempotencyKey, provider: 'http', recipient: request.url, subject: `${request.method} ${new URL(request.url).host}`, body: request.body ?? null,
  });
  if (claim.kind === 'sent') return { status: claim.responseStatus ?? 200, body: claim.response ?? null, messageId: claim.messageId, reason: `HTTP ${claim.responseStatus ?? 200} (earlier attempt)` };
  if (claim.kind === 'unconfirmed') return { status: null, body: null, messageId: claim.messageId, reason: claim.reason };
  if (claim.kind === 'settled') throw ApplicationFailure.nonRetryable(claim.reason, 'DeliveryInProgress');
  try {
    const response = await sendHttpRequest(request);
    await completeDelivery(prisma, claim.messageId, { responseStatus: response.status, response: response.body ?? null });
    return { status: response.status, body: response.body, messageId: claim.messageId, reason: `${request.method} ${new URL(request.url).host}: HTTP ${response.status}` };
  } catch (error) {
    const status = error instanceof HttpStatusError ? error.status : null;
    await failDelivery(prisma, claim.messageId, (error as Error).message, status);
    if (error instanceof HttpStatusError && !error.retryable) throw ApplicationFailure.nonRetryable(error.message, 'HttpClientError');
    throw ApplicationFailure.retryable((error as Error).message, 'WebhookFailed');
  }
}
