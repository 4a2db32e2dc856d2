/** Helpers for the security tests: an app on a fresh copy of the demo database, and raw HTTP calls. */
import { DEMO_PASSWORD, type HandoverDb } from '@handover/db';
import { openTestDatabase } from '@handover/db/testing';
import { createApp, type App, type AppOptions } from '../app.ts';
import { fixedClock } from '../clock.ts';

export interface SecurityTestApp {
  app: App;
  handle: HandoverDb;
  unexpected: unknown[];
  /** POSTs a JSON body to /graphql, as from `address` (the socket peer) when given. */
  post(body: unknown, headers?: Record<string, string>, address?: string): Promise<Response>;
  signIn(role: 'ADMIN' | 'EDITOR' | 'HR' | 'VIEWER'): Promise<string>;
  close(): Promise<void>;
}

export const peer = (address: string) => ({ req: { socket: { remoteAddress: address } } });

export async function startSecurityApp(options: Partial<AppOptions> = {}): Promise<SecurityTestApp> {
  const handle = await openTestDatabase();
  const unexpected: unknown[] = [];
  const app = createApp({
    db: handle.db,
    clock: fixedClock('2023-02-15'),
    logError: (e) => unexpected.push(e),
    ...options,
  });
  const post: SecurityTestApp['post'] = async (body, headers = {}, address = '192.0.2.10') =>
    await app.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      peer(address),
    );
  return {
    app,
    handle,
    unexpected,
    post,
    async signIn(role) {
      const res = await post({
        query: `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginSuccess { token } } }`,
        variables: { e: `${role.toLowerCase()}@handover.example`, p: DEMO_PASSWORD },
      });
      const body = (await res.json()) as { data?: { login?: { token?: string } } };
      const token = body.data?.login?.token;
      if (!token) throw new Error(`sign-in as ${role} failed: ${JSON.stringify(body)}`);
      return token;
    },
    close: () => handle.close(),
  };
}
