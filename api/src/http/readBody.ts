import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
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
  if (encoding !== 'identity' && encoding !== 'gzip' && encoding !== 'deflate') {
    throw new HttpError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported; use gzip, deflate or none`);
  }
  const decompressor: Transform | null = encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : null;
  const stream: Readable = decompressor ? request.pipe(decompressor) : request;

  // Events rather than `for await`: leaving that loop early destroys the stream, and destroying
  // an unfinished request destroys its socket, so the client would never see the 400.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let received = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      if (decompressor) {
        request.unpipe(decompressor);
        decompressor.destroy();
      }
      // Drain the rest unread, so the client gets the answer and the connection stays usable.
      request.resume();
      reject(error instanceof HttpError ? error : new HttpError(400, 'invalid_body', `The body could not be read: ${(error as Error).message}`));
    };
    if (decompressor) {
      // The compressed bytes count too: a stream of empty deflate blocks inflates to almost nothing.
      request.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limitBytes) fail(tooLarge(limitBytes));
      });
      request.on('error', fail);
    }
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limitBytes) return fail(tooLarge(limitBytes));
      chunks.push(chunk);
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
  });
}

const tooLarge = (limitBytes: number) => new HttpError(400, 'payload_too_large', `The body is larger than ${Math.round(limitBytes / 1024)} KB`);
