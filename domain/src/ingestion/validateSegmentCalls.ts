import type { z } from 'zod';
import { isJsonObject, type JsonObject } from '../json/json';
import { correctedTimestamp } from './clockSkew';
import type { FieldProblem } from './fieldProblem';
import { ingestionLimits } from './ingestionLimits';
import { type IngestMessage, systemEventNames } from './ingestMessage';
import { inspectMessage } from './messageInspection';
import { parseIsoDateTime, type SegmentCall, SegmentCallType, segmentCallSchemas } from './segmentCall';
import { parseWellFormedCall } from './wellFormedCall';

export interface ValidationContext {
  receivedAt: Date;
  /** Used when a message carries no messageId (it then cannot be deduplicated). */
  newMessageId: () => string;
}

export type ValidationResult = { ok: true; messages: IngestMessage[] } | { ok: false; problems: FieldProblem[] };

const inspectionLimits = { maxDepth: ingestionLimits.maxJsonDepth, maxKeyLength: ingestionLimits.maxKeyLength };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function zodProblems(error: z.ZodError, index?: number): FieldProblem[] {
  return error.issues.map((issue) => ({ index, field: issue.path.join('.'), message: issue.message }));
}

/** Validates one call (the body of /v1/track etc., or one batch item) and normalises it. */
function validateOne(raw: unknown, type: SegmentCallType, ctx: ValidationContext, index?: number, batchSentAt?: Date): { message?: IngestMessage; problems: FieldProblem[] } {
  if (!isJsonObject(raw)) return { problems: [{ index, field: '', message: 'must be a JSON object' }] };
  // One iterative walk of every field, no deeper than the limit: nesting, key length, text Postgres
  // cannot store, and the serialised size (measured without serialising, which deep nesting would crash).
  const inspection = inspectMessage(raw, inspectionLimits);
  const shapeProblems = inspection.problems.map(({ field, path, message }): FieldProblem => ({ index, field: path ? `${field}.${path}` : field, message }));
  if (!shapeProblems.length) {
    const size = inspection.byteLength;
    if (size > ingestionLimits.maxMessageBytes) {
      return { problems: [{ index, field: '', message: `is ${kb(size)}; a message may be at most ${kb(ingestionLimits.maxMessageBytes)}` }] };
    }
  }
  let call = shapeProblems.length ? null : parseWellFormedCall(type, raw);
  if (!call) {
    const parsed = segmentCallSchemas[type].safeParse(raw);
    if (!parsed.success || shapeProblems.length) return { problems: [...shapeProblems, ...(parsed.success ? [] : zodProblems(parsed.error, index))] };
    call = { ...parsed.data, type } as SegmentCall;
  }

  const problems: FieldProblem[] = [];
  const sentAt = call.sentAt ?? batchSentAt ?? null;
  const clientTimestamp = call.timestamp ?? call.originalTimestamp ?? null;
  const timestamp = correctedTimestamp({ timestamp: clientTimestamp, sentAt, receivedAt: ctx.receivedAt });
  const timestampField = call.timestamp ? 'timestamp' : call.originalTimestamp ? 'originalTimestamp' : 'sentAt';
  if (timestamp < ingestionLimits.earliestTimestamp) {
    problems.push({ index, field: timestampField, message: `puts the event at ${timestamp.toISOString()}, before ${ingestionLimits.earliestTimestamp.toISOString()}; send the real time of the event` });
  } else if (timestamp.getTime() > ctx.receivedAt.getTime() + ingestionLimits.maxFutureSkewMs) {
    problems.push({ index, field: timestampField, message: `puts the event at ${timestamp.toISOString()}, more than 24 hours in the future` });
  }
  if (problems.length) return { problems };

  const properties: JsonObject =
    call.type === 'track' ? (call.properties ?? {})
    : call.type === 'page' || call.type === 'screen' ? { ...(call.name ? { name: call.name } : {}), ...(call.category ? { category: call.category } : {}), ...(call.properties ?? {}) }
    : call.type === 'group' ? { groupId: call.groupId!, ...(call.traits ?? {}) }
    : call.type === 'alias' ? { previousId: call.previousId! }
    : {};

  return {
    problems: [],
    message: {
      type: call.type,
      messageId: call.messageId ?? ctx.newMessageId(),
      userId: call.userId ?? null,
      anonymousId: call.anonymousId ?? null,
      previousId: call.type === 'alias' ? call.previousId! : null,
      groupId: call.type === 'group' ? call.groupId! : null,
      eventName: call.type === 'track' ? call.event : systemEventNames[call.type],
      properties,
      traits: call.type === 'identify' ? (call.traits ?? {}) : null,
      context: call.context ?? {},
      timestamp,
      originalTimestamp: clientTimestamp,
      sentAt,
      receivedAt: ctx.receivedAt,
    },
  };
}

/** The body of `POST /v1/{type}`. */
export function validateSegmentCall(type: SegmentCallType, body: unknown, ctx: ValidationContext): ValidationResult {
  const { message, problems } = validateOne(body, type, ctx);
  return message ? { ok: true, messages: [message] } : { ok: false, problems };
}

/**
 * The body of `POST /v1/batch`: `{batch: [...], context?, integrations?, sentAt?}`.
 * All or nothing: every bad item is reported and, if there is one, nothing is accepted.
 * A messageId repeated inside the batch is kept once.
 */
export function validateSegmentBatch(body: unknown, ctx: ValidationContext): ValidationResult {
  if (!isJsonObject(body)) return { ok: false, problems: [{ field: '', message: 'the body must be a JSON object with a "batch" array' }] };
  const batch = body.batch;
  if (!Array.isArray(batch)) return { ok: false, problems: [{ field: 'batch', message: batch === undefined ? 'is required: an array of messages' : 'must be an array of messages' }] };

  const batchProblems: FieldProblem[] = [];
  const batchContext = body.context ?? undefined;
  const batchIntegrations = body.integrations ?? undefined;
  if (batchContext !== undefined && batchContext !== null && !isJsonObject(batchContext)) batchProblems.push({ field: 'context', message: 'must be a JSON object' });
  if (batchIntegrations !== undefined && batchIntegrations !== null && !isJsonObject(batchIntegrations)) batchProblems.push({ field: 'integrations', message: 'must be a JSON object' });
  let batchSentAt: Date | undefined;
  if (body.sentAt !== undefined && body.sentAt !== null) {
    const parsed = typeof body.sentAt === 'string' ? parseIsoDateTime(body.sentAt) : null;
    if (!parsed) batchProblems.push({ field: 'sentAt', message: 'must be an ISO-8601 date-time such as 2026-01-31T12:00:00.000Z' });
    batchSentAt = parsed ?? undefined;
  }
  if (batchProblems.length) return { ok: false, problems: batchProblems };

  const messages: IngestMessage[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const hasBatchDefaults = isJsonObject(batchContext) || isJsonObject(batchIntegrations);
  batch.forEach((item, index) => {
    if (!isJsonObject(item)) {
      problems.push({ index, field: '', message: 'must be a JSON object' });
      return;
    }
    const type = SegmentCallType.safeParse(item.type);
    if (!type.success) {
      problems.push({ index, field: 'type', message: item.type === undefined ? 'is required: one of identify, track, page, screen, group, alias' : type.error.issues[0]!.message });
      return;
    }
    // Without batch-level context or integrations the item is read as it is (no copy).
    const merged = !hasBatchDefaults
      ? item
      : {
          ...item,
          context: isJsonObject(batchContext) && (item.context === undefined || isJsonObject(item.context)) ? { ...batchContext, ...(item.context ?? {}) } : item.context,
          integrations: isJsonObject(batchIntegrations) && (item.integrations === undefined || isJsonObject(item.integrations)) ? { ...batchIntegrations, ...(item.integrations ?? {}) } : item.integrations,
        };
    const result = validateOne(merged, type.data, ctx, index, batchSentAt);
    problems.push(...result.problems);
    if (result.message && !seen.has(result.message.messageId)) {
      seen.add(result.message.messageId);
      messages.push(result.message);
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, messages };
}
