/**
 * GraphQL proxy: the browser's Apollo Client posts to /api/graphql (same
 * origin, so the session cookie stays first-party and httpOnly); this handler
 * forwards the request to the Tideflow API with the browser's cookie, and the
 * API's Set-Cookie (sign-in, sign-out) back. Multipart uploads stream through.
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

const forwardedRequestHeaders = ['content-type', 'accept', 'cookie', 'graphql-require-preflight', 'user-agent'];

export async function POST(request: Request): Promise<Response> {
  const url = apiUrl();
  const headers = new Headers();
  for (const name of forwardedRequestHeaders) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // The API marks the session cookie Secure when the app itself was reached over https.
  const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
  headers.set('x-forwarded-proto', proto);
  let upstream: Response;
  try {
    upstream = await fetch(url, { method: 'POST', headers, body: request.body, signal: request.signal, cache: 'no-store', duplex: 'half' } as RequestInit);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    const code = causeCode(error);
    console.error(`[graphql proxy] ${url} is unreachable${code ? ` (${code})` : ''}:`, error);
    return graphQLError(502, 'API_UNAVAILABLE', `The Tideflow API at ${url} is not reachable${code ? ` (${code})` : ''}. Is it running? Start everything with "npm run up".`);
  }

  const responseHeaders = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' });
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
