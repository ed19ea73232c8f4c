import { type NextRequest, NextResponse } from 'next/server';

/**
 * Sends visitors without a session cookie to the sign-in page before any page
 * renders. Only the cookie's presence is checked here: the API decides whether
 * a session is valid (an expired one ends at sign-in through the app shell).
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('tideflow_session')) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (next !== '/') signIn.searchParams.set('next', next);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/((?!sign-in|api/|_next/|icon.svg|favicon.ico).*)'],
};
