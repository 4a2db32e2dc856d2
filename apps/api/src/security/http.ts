/**
 * HTTP hardening of the API's responses: a Content-Security-Policy (GraphQL
 * answers are data: nothing may load; GraphiQL, served in development only,
 * may run its own inline scripts, allowed by their hashes), HSTS unless the
 * request is to localhost, nosniff, a Referrer-Policy, and no caching of any
 * GraphQL answer (they carry session tokens and signed-in data).
 * CORS is closed unless origins are configured; CSRF is refused by requiring
 * a header or a content type that a plain HTML form cannot send.
 */
import { createHash } from 'node:crypto';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { CORSOptions, Plugin } from 'graphql-yoga';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'none'";

/** The header a client sends with GET queries (POSTs of JSON are preflighted by browsers and need none). */
export const CSRF_HEADER = 'x-handover-csrf';

/** The CSP-hashes of the inline scripts of a page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
}

/** GraphiQL's policy: its bundled inline scripts by hash, its workers from blob: URLs, its styles inline. */
export function graphiqlCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`,
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function useSecurityHeaders(options: {
  endpoint: string;
  /** The inline-script hashes of the GraphiQL page, once it has been rendered. */
  graphiqlScriptHashes: () => readonly string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
}): Plugin<any> {
  return {
    onResponse({ request, response }) {
      const url = new URL(request.url);
      const h = response.headers;
      const html = (h.get('content-type') ?? '').startsWith('text/html');
      h.set('content-security-policy', html ? graphiqlCsp(options.graphiqlScriptHashes()) : API_CSP);
      h.set('x-content-type-options', 'nosniff');
      h.set('referrer-policy', 'no-referrer');
      h.set('x-frame-options', 'DENY');
      if (!LOCAL_HOSTS.has(url.hostname))
        h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
      if (url.pathname === options.endpoint) h.set('cache-control', 'no-store');
    },
  };
}

/** Yoga's CORS setting: none at all unless origins are listed. */
export function corsOptions(origins: readonly string[]): CORSOptions | false {
  if (origins.length === 0) return false;
  return {
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', CSRF_HEADER],
    credentials: false,
    maxAge: 600,
  };
}

/**
 * CSRF: a request whose content type a form could send (urlencoded, multipart,
 * text/plain) or a GET must carry the CSRF header; a JSON POST is preflighted
 * by browsers and passes. Mutations over GET are refused by Yoga itself (405).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const useCsrfProtection = (): Plugin<any> => useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
