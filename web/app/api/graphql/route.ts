import { findSecretKey } from './secretKey';

/**
 * GraphQL proxy: the browser's Apollo Client posts to /api/graphql; this
 * handler forwards the request to the Tideflow API with the workspace secret
 * key, which therefore never reaches the browser.
 *
 * Temporary: sign-in sessions replace the shared secret key in a later issue
 * (the handler will then forward the signed-in user's credentials instead).
 */

const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

function apiUrl(): string {
  return `${(process.env.TIDEFLOW_API_URL ?? 'http://localhost:4000').replace(/\/+$/, '')}/graphql`;
}

/**
 * A GraphQL error response made by the proxy itself. The graphql-response+json
 * media type lets Apollo Client read `errors` from a non-2xx response, so the
 * UI shows this message rather than a bare status code.
 */
function graphQLError(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': GRAPHQL_RESPONSE_TYPE, 'cache-control': 'no-store' },
  });
}

/** The errno-style code behind a failed fetch (ECONNREFUSED, ENOTFOUND, …), if any. */
function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export async function POST(request: Request): Promise<Response> {
  const secret = findSecretKey();
  if (!secret.ok) return graphQLError(401, 'UNAUTHENTICATED', secret.reason);

  const url = apiUrl();
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': request.headers.get('content-type') ?? 'application/json',
        accept: request.headers.get('accept') ?? 'application/graphql-response+json, application/json',
        authorization: `Bearer ${secret.key}`,
      },
      body: await request.text(),
      signal: request.signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    const code = causeCode(error);
    console.error(`[graphql proxy] ${url} is unreachable${code ? ` (${code})` : ''}:`, error);
    return graphQLError(
      502,
      'API_UNAVAILABLE',
      `The Tideflow API at ${url} is not reachable${code ? ` (${code})` : ''}. Is it running? Start everything with "npm run up".`,
    );
  }

  // Stream the answer back as it is; only the content type is relevant to the browser.
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    },
  });
}
