import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeProblems, ingestionLimits, isJsonObject, type IngestMessage, type SegmentCallType, validateSegmentBatch, validateSegmentCall } from '@tideflow/domain';
import type { ApiKeyAuthenticator } from '../auth/apiKeys';
import { HttpError } from '../http/httpError';
import { sendError, sendJson } from '../http/jsonResponse';
import { readBody } from '../http/readBody';
import type { IngestionResult } from './ingestMessages';

/** Segment's Tracking API paths; `import` is Segment's historical-import alias of batch. */
export const ingestionPaths = new Set(['identify', 'track', 'page', 'screen', 'group', 'alias', 'batch', 'import']);

export interface IngestionRouteOptions {
  authenticator: ApiKeyAuthenticator;
  ingest(workspaceId: string, messages: IngestMessage[]): Promise<IngestionResult>;
  logError(error: unknown): void;
}

/** Segment's libraries send JSON, and analytics.js beacons send it as text/plain. */
const acceptedContentTypes = /^(application\/(json|[\w.+-]+\+json)|text\/plain)\s*(;|$)/i;

export const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, content-encoding',
  'access-control-max-age': '86400',
};


/** Write key from Basic auth (key as user name, empty password), or `writeKey` in the body. */
function writeKeyOf(request: IncomingMessage, body: unknown): string | null {
  const header = request.headers.authorization ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const user = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
    if (user) return user;
  }
  if (isJsonObject(body) && typeof body.writeKey === 'string' && body.writeKey) return body.writeKey;
  return null;
}

export function createIngestionRoute(options: IngestionRouteOptions) {
  return async function handleIngestion(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (request.method !== 'POST') {
        request.resume();
        throw new HttpError(405, 'method_not_allowed', `Use POST for /v1/${path}`);
      }
      const contentType = String(request.headers['content-type'] ?? '');
      if (!acceptedContentTypes.test(contentType)) {
        request.resume();
        throw new HttpError(415, 'unsupported_media_type', `Content-Type must be application/json (got "${contentType || 'none'}")`);
      }
      const isBatch = path === 'batch' || path === 'import';
      const raw = await readBody(request, isBatch ? ingestionLimits.maxBatchBytes : ingestionLimits.maxBatchBytes);
      if (!isBatch && raw.length > ingestionLimits.maxMessageBytes + 1024) {
        throw new HttpError(400, 'payload_too_large', `A single message may be at most ${ingestionLimits.maxMessageBytes / 1024} KB; send several in /v1/batch`);
      }
      // Strict: invalid bytes are refused, not silently replaced with U+FFFD (isUtf8 checks without a copy).
      if (!isUtf8(raw)) throw new HttpError(400, 'invalid_body', 'The body is not valid UTF-8; send JSON encoded as UTF-8');
      // A leading byte-order mark is dropped, as TextDecoder does.
      const text = raw.toString('utf8', raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new HttpError(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
      }

      const writeKey = writeKeyOf(request, body);
      if (!writeKey) throw new HttpError(401, 'unauthorized', 'A write key is required: HTTP Basic auth with the write key as user name, or "writeKey" in the body');
      const principal = await options.authenticator.authenticate(writeKey, 'WRITE');
      if (!principal) throw new HttpError(401, 'unauthorized', 'Unknown or revoked write key');

      const context = { receivedAt: new Date(), newMessageId: randomUUID };
      const validation = isBatch ? validateSegmentBatch(body, context) : validateSegmentCall(path as SegmentCallType, body, context);
      if (!validation.ok) {
        const count = new Set(validation.problems.map((p) => p.index ?? -1)).size;
        throw new HttpError(400, 'invalid_request', `${isBatch ? `${count} message(s) of the batch are invalid, so none was stored` : 'The message is invalid'}: ${describeProblems(validation.problems)}`, {
          problems: validation.problems,
        });
      }
      const result = await options.ingest(principal.workspaceId, validation.messages);
      sendJson(response, 200, { success: true, received: result.received, stored: result.stored, duplicates: result.duplicates, dropped: result.dropped }, corsHeaders);
    } catch (error) {
      if (error instanceof HttpError) return sendError(response, error, error.status === 405 ? { ...corsHeaders, allow: 'POST, OPTIONS' } : corsHeaders);
      options.logError(error);
      sendJson(response, 500, { error: 'internal', message: 'The messages could not be stored; retry later' }, corsHeaders);
    }
  };
}
