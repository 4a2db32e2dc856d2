import type { Cookies } from '@sveltejs/kit';

/** __Host-: the browser sends it only over HTTPS (or localhost), to this host, for every path. */
export const SESSION_COOKIE = '__Host-handover_session';

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    expires: expiresAt,
  });
}

export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}
