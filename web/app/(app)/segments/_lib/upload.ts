import { print } from 'graphql';
import { GRAPHQL_ENDPOINT } from '@/lib/apollo';
import type { SegmentUploadIdType } from '@/lib/gql/graphql';
import { UPLOAD_SEGMENT_CSV_MUTATION } from '../_queries';
import type { MutationFailure } from './mutationErrors';

export class UploadFailure extends Error implements MutationFailure {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly problems: Array<{ field: string; message: string }>,
  ) {
    super(message);
  }
}

/**
 * Sends a CSV to `uploadSegmentCsv` as a multipart request (the GraphQL
 * multipart request spec: `operations`, `map`, then the file), which Apollo
 * Client does not do by itself. XMLHttpRequest, for the sending progress.
 * `graphql-require-preflight` tells the API this is no cross-site form post.
 */
export function uploadSegmentCsv(input: { segmentId: string; file: File; idType: SegmentUploadIdType; replace: boolean }, onProgress: (fraction: number) => void): Promise<{ id: string }> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({ query: print(UPLOAD_SEGMENT_CSV_MUTATION), operationName: 'UploadSegmentCsv', variables: { input: { segmentId: input.segmentId, file: null, idType: input.idType, replace: input.replace } } }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', input.file, input.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', GRAPHQL_ENDPOINT);
    request.setRequestHeader('graphql-require-preflight', '1');
    request.setRequestHeader('accept', 'application/graphql-response+json, application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new UploadFailure('The file could not be sent: the connection failed', undefined, []));
    request.onload = () => {
      let body: { data?: { uploadSegmentCsv?: { id: string } } | null; errors?: Array<{ message: string; extensions?: { code?: string; field?: string; problems?: Array<{ field: string; message: string }> } }> };
      try {
        body = JSON.parse(request.responseText);
      } catch {
        return reject(new UploadFailure(`The upload failed (HTTP ${request.status})`, `HTTP ${request.status}`, []));
      }
      const [error] = body.errors ?? [];
      if (error) {
        const problems = error.extensions?.problems ?? (error.extensions?.field ? [{ field: error.extensions.field, message: error.message }] : []);
        return reject(new UploadFailure(error.message, error.extensions?.code, problems));
      }
      const upload = body.data?.uploadSegmentCsv;
      if (!upload) return reject(new UploadFailure(`The upload failed (HTTP ${request.status})`, `HTTP ${request.status}`, []));
      resolve(upload);
    };
    request.send(form);
  });
}

/** Lines in a file (read in chunks, not held whole): an estimate of its rows until the API has counted them. */
export async function countLines(file: File): Promise<number> {
  const reader = file.stream().getReader();
  let lines = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    if (value.length) last = value[value.length - 1]!;
  }
  return last === 10 ? lines : lines + 1;
}
