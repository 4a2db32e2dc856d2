import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Browsers ask for /favicon.ico on any page without an icon link (a CSV, a plain-text refusal):
 * send them to GOV.UK Frontend's, which app.html links on every HTML page. Public (hooks.server.ts).
 */
export const GET: RequestHandler = () => redirect(308, '/assets/images/favicon.ico');
