/**
 * The GraphQL server as a fetch handler: Yoga over the Pothos schema, with
 * a request-scoped context, masked unexpected errors, health (/health) and
 * readiness (/ready, which asks the database) endpoints.
 */
import { randomUUID } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Database } from '@handover/db';
import { GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { sql, type Kysely } from 'kysely';
import { systemClock, today, type Clock } from './clock.ts';
import type { Context, Viewer } from './context.ts';
import { useAuditFlush } from './modules/audit/audit.plugin.ts';
import { AuditCollector } from './modules/audit/audit.service.ts';
import { authenticate, type SessionPolicy } from './modules/auth/auth.service.ts';
import { partnerSchema, schema } from './schema/index.ts';

export interface AppOptions {
  db: Kysely<Database>;
  /** Real time: sessions and timestamps. */
  clock?: Clock;
  /** Fix the programme calendar's "today" (YYYY-MM-DD) for demos; sessions keep real time. */
  today?: string;
  sessionPolicy?: SessionPolicy;
  /** Serve GraphiQL at /graphql (development only). */
  graphiql?: boolean;
  /** Where unexpected errors are reported (they are masked in responses). */
  logError?: (error: unknown) => void;
}

export type App = YogaServerInstance<Record<string, never>, Context>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A GraphQLError, or one from a second copy of graphql (it carries `extensions` all the same). */
const isGraphQLError = (e: unknown): e is GraphQLError =>
  e instanceof Error && (e instanceof GraphQLError || 'extensions' in e);

/** What GraphiQL opens with: how to sign in, and a first look at the programmes. */
const GRAPHIQL_START = `# Handover API. Run SignIn (a demo account from the README), then add the token
# under Headers as {"Authorization": "Bearer <token>"} and run Programmes.

mutation SignIn {
  login(email: "viewer@handover.example", password: "handover-demo") {
    ... on LoginSuccess { token expiresAt user { name role } }
    ... on Error { message }
  }
}

query Programmes {
  programmes(first: 10) {
    edges {
      node {
        id
        name
        transferDate
        daysToTransfer
        readiness { shareComplete overdue blocked dayOneCriticalOpen }
      }
    }
  }
}
`;

export function createApp(options: AppOptions): App {
  const { db, clock = systemClock, sessionPolicy = { ttlHours: 12, idleMinutes: 60 } } = options;
  const logError = options.logError ?? ((error) => console.error('unexpected error', error));
  const requestIds = new WeakMap<Request, string>();
  // Authenticated once per request: the schema choice and the context both ask.
  const viewers = new WeakMap<Request, Promise<Viewer | null>>();
  const viewerOf = (request: Request): Promise<Viewer | null> => {
    let viewer = viewers.get(request);
    if (!viewer) {
      viewer = authenticate(db, request.headers.get('authorization'), clock.now(), sessionPolicy);
      viewers.set(request, viewer);
    }
    return viewer;
  };

  /** The caller's x-request-id when it is sane, else a new one: fixed when the request arrives. */
  const requestIdOf = (request: Request): string => {
    let id = requestIds.get(request);
    if (!id) {
      const given = request.headers.get('x-request-id');
      id = given && REQUEST_ID.test(given) ? given : randomUUID();
      requestIds.set(request, id);
    }
    return id;
  };

  const requestIdPlugin: Plugin = {
    onRequest({ request }) {
      requestIdOf(request);
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set('x-request-id', id);
    },
  };

  return createYoga<Record<string, never>, Context>({
    // Partners' API tokens get the partner schema, which has no personal type or field at all.
    schema: async ({ request }) => ((await viewerOf(request))?.kind === 'partner' ? partnerSchema : schema),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql ? { title: 'Handover API', defaultQuery: GRAPHIQL_START } : false,
    // GraphiQL from the package, not a CDN: staff networks often block CDNs, and this one may have no internet.
    renderGraphiQL,
    healthCheckEndpoint: '/health',
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => console.warn(...args),
      error: (error: unknown) => logError(error),
    },
    maskedErrors: {
      maskError: (error, message) => {
        if (isGraphQLError(error)) {
          const original = error.originalError;
          // Errors raised as GraphQLErrors (authorisation, validation, not found) are meant for the caller.
          if (!original || isGraphQLError(original)) return error;
          // Yoga reports the original through `logging.error` below.
          return new GraphQLError(message, {
            nodes: error.nodes,
            path: error.path,
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          });
        }
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    context: async ({ request }) => {
      const requestId = requestIdOf(request);
      const viewer = await viewerOf(request);
      const audit = new AuditCollector();
      if (request.headers.get('authorization') && !viewer) {
        audit.add({ kind: 'REFUSED', reason: 'UNAUTHENTICATED: invalid or expired bearer token' });
      }
      return { db, clock, today: options.today ?? today(clock), viewer, requestId, sessionPolicy, audit };
    },
    plugins: [
      requestIdPlugin,
      useAuditFlush({ db, viewerOf, requestIdOf, logError }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await sql`select 1`.execute(db);
        },
      }),
    ],
  });
}
