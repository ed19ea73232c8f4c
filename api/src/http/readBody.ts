import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { HttpError } from './httpError';

/**
 * Reads a request body, decompressing gzip/deflate, and stops reading as soon
 * as it passes `limitBytes` (before or after decompression) so an oversize or
 * zip-bomb body costs no more than the limit.
 */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (Number.isFinite(declared) && declared > limitBytes && encoding === 'identity') {
    request.resume();
    throw tooLarge(limitBytes);
  }
  let stream: Readable = request;
  if (encoding === 'gzip') stream = request.pipe(createGunzip());
  else if (encoding === 'deflate') stream = request.pipe(createInflate());
  else if (encoding !== 'identity') throw new HttpError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported; use gzip, deflate or none`);

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) {
        request.resume();
        stream.destroy();
        throw tooLarge(limitBytes);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'invalid_body', `The body could not be read: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limitBytes: number) => new HttpError(400, 'payload_too_large', `The body is larger than ${Math.round(limitBytes / 1024)} KB`);
