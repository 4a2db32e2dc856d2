import { redirect, type Handle } from '@sveltejs/kit';
import { gql, requestScope, type Viewer } from '$lib/server/api';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/session';

// Pages anyone may read without signing in: the accessibility statement and privacy notice must be
// public; /favicon.ico is what browsers ask for on pages without an icon link.
const PUBLIC_PATHS = ['/sign-in', '/accessibility', '/privacy', '/favicon.ico'];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function clientAddressOf(event: Parameters<Handle>[0]['event']): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

/**
 * Security headers on every response (the CSP is SvelteKit's, in svelte.config.js): nosniff, a
 * Referrer-Policy, HSTS except on localhost, no framing, and no caching of signed-in pages.
 */
export const handle: Handle = ({ event, resolve }) =>
  requestScope.run({ clientAddress: clientAddressOf(event) }, () => handleRequest({ event, resolve }));

const handleRequest: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE) ?? null;
  event.locals.token = token;
  event.locals.viewer = null;
  if (token) {
    const data = await gql<{ viewer: Viewer | null }>('{ viewer { id email name role } }', { token });
    event.locals.viewer = data.viewer;
    if (!event.locals.viewer) {
      clearSessionCookie(event.cookies);
      event.locals.token = null;
    }
  }

  const isPublic = PUBLIC_PATHS.includes(event.url.pathname) || event.url.pathname.startsWith('/assets/');
  if (!event.locals.viewer && !isPublic) {
    const next = event.url.pathname + event.url.search;
    redirect(303, `/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`);
  }

  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-frame-options', 'DENY');
  if (!LOCAL_HOSTS.has(event.url.hostname)) {
    response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
  if (event.locals.viewer) response.headers.set('cache-control', 'no-store');
  return response;
};
