import { redirect, type Handle } from '@sveltejs/kit';
import { gql, type Viewer } from '$lib/server/api';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/session';

const PUBLIC_PATHS = ['/sign-in'];

export const handle: Handle = async ({ event, resolve }) => {
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
  if (event.locals.viewer) response.headers.set('cache-control', 'no-store');
  return response;
};
