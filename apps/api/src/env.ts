/**
 * Configuration: the only module that reads process.env. Validated once at
 * start; a bad value stops the process with a message naming the variable.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIsoDate } from '@handover/domain';
import { z } from 'zod';
import { DEFAULT_SIGNIN_THROTTLE } from './modules/auth/auth.service.ts';
import { DEFAULT_MAX_STRING_LENGTH } from './security/input.ts';
import { DEFAULT_QUERY_LIMITS, DEFAULT_REQUEST_SIZE_LIMITS } from './security/limits.ts';
import { DEFAULT_RATE_LIMIT } from './security/rate-limit.ts';

const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  HANDOVER_DATA_DIR: z.string().default(resolve(repoRoot, 'data')),
  /** Load the demo programme into an empty database at start (default yes). */
  HANDOVER_SEED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Freeze "today" (a YYYY-MM-DD date) for the whole API, for demos and rehearsals. */
  HANDOVER_TODAY: z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
  /** GraphQL limits per request (defaults in security/limits.ts). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(DEFAULT_QUERY_LIMITS.maxDepth),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().nonnegative().default(DEFAULT_QUERY_LIMITS.maxAliases),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().default(DEFAULT_QUERY_LIMITS.maxTokens),
  GRAPHQL_MAX_COST: z.coerce.number().positive().default(DEFAULT_QUERY_LIMITS.maxCost),
  /** The largest request body (bytes) and the longest GraphQL document (characters), refused before parsing. */
  GRAPHQL_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_REQUEST_SIZE_LIMITS.maxBodyBytes),
  GRAPHQL_MAX_DOCUMENT_LENGTH: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_REQUEST_SIZE_LIMITS.maxDocumentLength),
  /** The longest string argument (searches, emails and names have smaller limits: security/input.ts). */
  GRAPHQL_MAX_STRING_LENGTH: z.coerce.number().int().positive().default(DEFAULT_MAX_STRING_LENGTH),
  /** Requests a minute per session token (or per address without one), and per partner token; per API instance. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMIT.perMinute),
  RATE_LIMIT_PARTNER_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_RATE_LIMIT.partnerPerMinute),
  /** Sign-in throttle: failures allowed per email and per client address within the window. */
  SIGNIN_MAX_FAILURES_PER_EMAIL: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_SIGNIN_THROTTLE.maxFailuresPerEmail),
  SIGNIN_MAX_FAILURES_PER_CLIENT: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_SIGNIN_THROTTLE.maxFailuresPerClient),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().default(DEFAULT_SIGNIN_THROTTLE.windowMinutes),
  /** Origins allowed to call the API from a browser (comma list); none when unset. */
  CORS_ORIGINS: commaList.default([]),
  /** Peers whose X-Forwarded-For is believed (comma list): by default the admin app on this machine. */
  TRUSTED_PROXIES: commaList.default(['127.0.0.1', '::1']),
});

export type Env = z.infer<typeof schema>;

/** Every variable the API reads. */
export const API_ENV_KEYS: readonly string[] = Object.keys(schema.shape);

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Where PGlite keeps its files under the data folder. */
export function pgliteDir(env: Env): string {
  return resolve(env.HANDOVER_DATA_DIR, 'pglite');
}
