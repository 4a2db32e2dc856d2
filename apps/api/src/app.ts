/**
 * The GraphQL server as a fetch handler: Yoga over the Pothos schema, with
 * a request-scoped context, masked unexpected errors, health (/health) and
 * readiness (/ready, which asks the database) endpoints, and the protections
 * of src/security: a rate limit per caller, trusted documents for partners in
 * production, query limits, no introspection in production, no batching,
 * CSRF and CORS rules and security headers.
 */
import { randomUUID } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Database } from '@handover/db';
import { GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { sql, type Kysely } from 'kysely';
import { ruleInstant, systemClock, today, type Clock } from './clock.ts';
import type { Context, Viewer } from './context.ts';
import { useAuditFlush } from './modules/audit/audit.plugin.ts';
import { AuditCollector } from './modules/audit/audit.service.ts';
import {
  authenticate,
  DEFAULT_SIGNIN_THROTTLE,
  type SessionPolicy,
  type SigninThrottlePolicy,
} from './modules/auth/auth.service.ts';
import { partnerSchema, schema } from './schema/index.ts';
import { clientAddress, type NodeServerContext } from './security/client-address.ts';
import { corsOptions, inlineScriptHashes, useCsrfProtection, useSecurityHeaders } from './security/http.ts';
import {
  failureResponse,
  isDatabaseUnreachable,
  maskFailuresOutsideResolvers,
  unavailableError,
} from './security/failures.ts';
import { DEFAULT_MAX_STRING_LENGTH, useStringInputRule } from './security/input.ts';
import {
  DEFAULT_QUERY_LIMITS,
  DEFAULT_REQUEST_SIZE_LIMITS,
  queryLimitPlugins,
  useRequestSizeLimits,
  type QueryLimits,
  type RequestSizeLimits,
} from './security/limits.ts';
import { useRateLimit, type RateLimitOptions } from './security/rate-limit.ts';
import {
  loadTrustedDocuments,
  useTrustedDocuments,
  type IsPartnerRequest,
  type TrustedDocument,
} from './security/trusted-documents.ts';

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
  /**
   * Production rules: no introspection (and no field suggestions), and partners
   * may run only the trusted documents. Off by default (development, tests).
   */
  production?: boolean;
  /** Whether a request comes from a partner (decided before the context exists). Default: never. */
  isPartnerRequest?: IsPartnerRequest;
  /** The published partner documents; by default read from apps/api/partner-queries. */
  trustedDocuments?: readonly TrustedDocument[];
  limits?: QueryLimits;
  /** The largest body and the longest document, refused before parsing. */
  requestSizeLimits?: RequestSizeLimits;
  /** The longest string argument (smaller for searches, emails and names: security/input.ts). */
  maxStringLength?: number;
  /**
   * Requests a minute per caller, counted on `clock`. main.ts always sets it (from env.ts); left
   * out, as in-process tests and benchmarks do on a stopped clock, nothing is rate-limited.
   */
  rateLimit?: RateLimitOptions;
  signinThrottle?: SigninThrottlePolicy;
  /** Browser origins allowed by CORS; none by default. */
  corsOrigins?: readonly string[];
  /** Peers whose X-Forwarded-For is believed. */
  trustedProxies?: readonly string[];
}

export type App = YogaServerInstance<NodeServerContext, Context>;

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

  const production = options.production ?? false;
  // Asked by the rate limit and by the trusted documents: decided once per request. A partner is a
  // request whose bearer token is a partner's API token (tests may say otherwise).
  const partnerOf: IsPartnerRequest =
    options.isPartnerRequest ?? (async (request) => (await viewerOf(request))?.kind === 'partner');
  const partnerDecisions = new WeakMap<Request, Promise<boolean>>();
  const isPartnerRequest: IsPartnerRequest = (request) => {
    let decision = partnerDecisions.get(request);
    if (!decision) {
      decision = Promise.resolve(partnerOf(request));
      partnerDecisions.set(request, decision);
    }
    return decision;
  };
  const trustedProxies = options.trustedProxies ?? ['127.0.0.1', '::1'];
  const addressOf = (request: Request, serverContext: unknown): string =>
    clientAddress(request, serverContext as NodeServerContext | undefined, trustedProxies);
  let graphiqlHashes: string[] = [];

  const requestIdPlugin: Plugin = {
    onRequest({ request }) {
      requestIdOf(request);
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set('x-request-id', id);
    },
  };

  return createYoga<NodeServerContext, Context>({
    // Partners' API tokens get the partner schema, which has no personal type or field at all.
    schema: async ({ request }) => ((await viewerOf(request))?.kind === 'partner' ? partnerSchema : schema),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // One operation per request: an array body is refused (OWASP: batching defeats rate limits).
    batching: false,
    cors: corsOptions(options.corsOrigins ?? []),
    // `documentId` names a trusted document (GraphQL over HTTP's trusted documents proposal).
    extraParamNames: ['documentId'],
    graphiql: options.graphiql ? { title: 'Handover API', defaultQuery: GRAPHIQL_START } : false,
    // GraphiQL from the package, not a CDN: staff networks often block CDNs, and this one may have no internet.
    // Its inline scripts are allowed by the hashes of the page as rendered.
    renderGraphiQL: (graphiqlOptions) => {
      const html = renderGraphiQL(graphiqlOptions);
      graphiqlHashes = inlineScriptHashes(html);
      return html;
    },
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
          // Outside a resolver (no path: the schema factory, the context) a database that cannot be
          // reached answers 503 with Retry-After, as failures before Yoga do (security/failures.ts).
          if (!error.path && isDatabaseUnreachable(original)) return unavailableError();
          // Yoga reports the original through `logging.error` below.
          return new GraphQLError(message, {
            nodes: error.nodes,
            path: error.path,
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          });
        }
        if (isDatabaseUnreachable(error)) return unavailableError();
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    context: async ({ request, ...serverContext }) => {
      const requestId = requestIdOf(request);
      const viewer = await viewerOf(request);
      const audit = new AuditCollector();
      if (request.headers.get('authorization') && !viewer) {
        audit.add({ kind: 'REFUSED', reason: 'UNAUTHENTICATED: invalid or expired bearer token' });
      }
      const day = options.today ?? today(clock);
      return {
        db,
        clock,
        today: day,
        instant: ruleInstant(clock, day),
        viewer,
        requestId,
        sessionPolicy,
        audit,
        signinThrottle: options.signinThrottle ?? DEFAULT_SIGNIN_THROTTLE,
        clientAddress: addressOf(request, serverContext),
      };
    },
    // A throw outside a resolver (the session lookup, the schema factory) is masked too, never a stack.
    plugins: maskFailuresOutsideResolvers(
      [
        requestIdPlugin,
        useRequestSizeLimits(options.requestSizeLimits ?? DEFAULT_REQUEST_SIZE_LIMITS, '/graphql'),
        useAuditFlush({ db, viewerOf, requestIdOf, logError }),
        useSecurityHeaders({ endpoint: '/graphql', graphiqlScriptHashes: () => graphiqlHashes }),
        ...(options.rateLimit
          ? [
              useRateLimit({
                limits: options.rateLimit,
                clock,
                endpoint: '/graphql',
                isPartnerRequest,
                isAuthenticated: async (request) => (await viewerOf(request)) !== null,
                clientAddress: addressOf,
              }),
            ]
          : []),
        useCsrfProtection(),
        useTrustedDocuments({
          // The published partner queries, checked against the schema partners are served.
          documents: options.trustedDocuments ?? loadTrustedDocuments(partnerSchema),
          enforce: production,
          isPartnerRequest,
        }),
        ...queryLimitPlugins(options.limits ?? DEFAULT_QUERY_LIMITS, { introspection: !production }),
        useStringInputRule({ maxStringLength: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH }),
        useReadinessCheck({
          endpoint: '/ready',
          check: async () => {
            try {
              await sql`select 1`.execute(db);
              return true;
            } catch (error) {
              logError(error);
              return failureResponse(error);
            }
          },
        }),
      ],
      logError,
    ),
  });
}
