export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON when the response is JSON, else the text (truncated). */
  body: unknown;
}

const maxResponseBytes = 256 * 1024;

export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** One HTTP call with a timeout; non-2xx answers throw HttpStatusError (4xx other than 408/429 are not retryable). */
export async function sendHttpRequest(request: HttpRequest): Promise<HttpResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.method === 'GET' || request.method === 'DELETE' ? undefined : request.body,
    signal: AbortSignal.timeout(request.timeoutMs),
    redirect: 'follow',
  });
  const text = (await response.text()).slice(0, maxResponseBytes);
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new HttpStatusError(response.status, retryable, `HTTP ${response.status} from ${new URL(request.url).host}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, body };
}
