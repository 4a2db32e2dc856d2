/**
 * Failures outside a resolver (the session lookup in the rate limit, the
 * schema chosen per caller, the context, /ready) are masked as Yoga masks a
 * resolver's: never a stack, a file path or a driver's message. While the
 * database cannot be reached the answer is 503 with Retry-After; anything else
 * is 500. Both carry a short message and a code, as JSON, and are reported
 * through `logError`.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Seconds a client is asked to wait while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** Error codes of a database that cannot be reached (Node's socket errors, PostgreSQL's class 08 and 57P0x). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);
const UNREACHABLE_MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|driver has already been destroyed|client has encountered a connection error|PGlite is closed/i;

/** Whether an error says the database cannot be reached (looking through causes and aggregated errors). */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    originalError?: unknown;
  };
  if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnreachable(x, depth + 1))) return true;
  return isDatabaseUnreachable(e.cause, depth + 1) || isDatabaseUnreachable(e.originalError, depth + 1);
}

const UNAVAILABLE_MESSAGE = `The database is not answering: try again in ${RETRY_AFTER_SECONDS} s`;

/** The same answer as a GraphQL error, for Yoga's masking: HTTP 503 with Retry-After. */
export function unavailableError(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    },
  });
}

/** The answer to a failure outside a resolver: 503 + Retry-After while the database is away, else 500. */
export function failureResponse(error: unknown): Response {
  const unreachable = isDatabaseUnreachable(error);
  const body = {
    errors: [
      unreachable
        ? {
            message: UNAVAILABLE_MESSAGE,
            extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS },
          }
        : { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ],
  };
  return new Response(JSON.stringify(body), {
    status: unreachable ? 503 : 500,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(unreachable ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}),
    },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPlugin = Plugin<any>;

/**
 * Wraps the plugins so that a throw from any `onRequest` hook, or from Yoga's own handling after
 * them (the schema factory, the context), is answered by `failureResponse` instead of the server
 * adapter's default (a text/plain 500 holding the stack).
 */
export function maskFailuresOutsideResolvers(
  plugins: readonly AnyPlugin[],
  logError: (error: unknown) => void,
): AnyPlugin[] {
  const fail = (error: unknown) => {
    logError(error);
    return failureResponse(error);
  };
  const first: AnyPlugin = {
    onRequest(payload) {
      const requestHandler = payload.requestHandler;
      payload.setRequestHandler(async (request, serverContext) => {
        try {
          return await requestHandler(request, serverContext);
        } catch (error) {
          return fail(error);
        }
      });
    },
  };
  const wrapped = plugins.map((plugin): AnyPlugin => {
    const onRequest = plugin.onRequest;
    if (!onRequest) return plugin;
    return {
      ...plugin,
      async onRequest(payload) {
        try {
          await onRequest.call(plugin, payload);
        } catch (error) {
          payload.endResponse(fail(error));
        }
      },
    };
  });
  return [first, ...wrapped];
}
