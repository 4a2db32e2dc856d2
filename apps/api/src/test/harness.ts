/**
 * Runs the API in-process against this test file's own database (a copy of
 * the seeded demo), through `app.fetch`, exactly as HTTP clients reach it.
 */
import { DEMO_PASSWORD, type HandoverDb } from '@handover/db';
import { openTestDatabase } from '@handover/db/testing';
import type { Role } from '@handover/domain';
import { createApp, type App } from '../app.ts';
import { fixedClock, type Clock } from '../clock.ts';
import type { QueryLimits } from '../security/limits.ts';

/** The demo's snapshot day: six weeks before go-live. */
export const DEMO_TODAY = '2023-02-15';

export interface GqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  handle: HandoverDb;
  app: App;
  /** Unexpected (masked) errors the API met: a passing test leaves this empty. */
  unexpected: unknown[];
  /** Every SQL statement run since the last `statements.length = 0`. */
  statements: string[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>>;
  /** Signs in as the demo user of `role` and returns the session token. */
  login(role: Role): Promise<string>;
  /** The demo programme's global ID. */
  programmeId(): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApi(
  options: { today?: string; clock?: Clock; limits?: QueryLimits } = {},
): Promise<TestApi> {
  const statements: string[] = [];
  const unexpected: unknown[] = [];
  const handle = await openTestDatabase({
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
  const app = createApp({
    db: handle.db,
    clock: options.clock ?? fixedClock(options.today ?? DEMO_TODAY),
    logError: (error) => unexpected.push(error),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const tokens = new Map<Role, string>();

  const gql: TestApi['gql'] = async (query, variables, token) => {
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResponse<never>;
  };

  const api: TestApi = {
    handle,
    app,
    statements,
    unexpected,
    gql,
    async login(role) {
      const cached = tokens.get(role);
      if (cached) return cached;
      const res = await gql<{ login: { token?: string; message?: string } }>(
        `mutation ($email: String!, $password: String!) {
          login(email: $email, password: $password) { ... on LoginSuccess { token } ... on Error { message } }
        }`,
        { email: `${role.toLowerCase()}@handover.example`, password: DEMO_PASSWORD },
      );
      const token = res.data?.login.token;
      if (!token) throw new Error(`demo sign-in as ${role} failed: ${JSON.stringify(res)}`);
      tokens.set(role, token);
      return token;
    },
    async programmeId() {
      const res = await gql<{ programmes: { edges: { node: { id: string } }[] } }>(
        '{ programmes(first: 1) { edges { node { id } } } }',
        {},
        await api.login('VIEWER'),
      );
      return res.data!.programmes.edges[0]!.node.id;
    },
    close: () => handle.close(),
  };
  return api;
}
