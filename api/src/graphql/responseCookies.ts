import type { Plugin } from 'graphql-yoga';

const cookiesOfRequest = new WeakMap<Request, string[]>();

/** Set-Cookie headers a resolver asked for, collected per request. */
export function responseCookiesOf(request: Request): string[] {
  let cookies = cookiesOfRequest.get(request);
  if (!cookies) cookiesOfRequest.set(request, (cookies = []));
  return cookies;
}

/** Writes them on the response (sign-in sets the session cookie, sign-out clears it). */
export function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of cookiesOfRequest.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };
}
