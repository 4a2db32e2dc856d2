/**
 * Starts the API: opens the database (PGlite under the data folder, or
 * PostgreSQL when DATABASE_URL is set), migrates it, loads the demo into an
 * empty database, and serves GraphQL until SIGINT/SIGTERM.
 */
import { createServer, type ServerResponse } from 'node:http';
import { createDb, isEmpty, loadBuiltInTemplates, migrateToLatest, seedDemo } from '@handover/db';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadEnv, pgliteDir } from './env.ts';
import { STALE_AFTER_MS, failInterruptedImports } from './modules/hr-import/hr-import.repository.ts';
import { drainImports } from './modules/hr-import/hr-import.service.ts';

const env = loadEnv();
const handle = await createDb({ url: env.DATABASE_URL, dataDir: pgliteDir(env) });
const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${pgliteDir(env)}`;
console.log(`Handover: database ${where}`);

const applied = await migrateToLatest(handle.db);
if (applied?.length)
  console.log(
    `Handover: migrated the database (${applied.length} migration(s), up to ${applied.at(-1)!.migrationName})`,
  );
if (env.HANDOVER_SEED && (await isEmpty(handle.db))) {
  const started = Date.now();
  const result = await seedDemo(handle.db);
  const counts = Object.entries(result.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(`Handover: loaded the demo programme in ${Date.now() - started} ms (${counts})`);
}

// The built-in checklist templates: versions not stored yet are added (the same rows every time).
const templatesAdded = await loadBuiltInTemplates(handle.db);
if (templatesAdded > 0)
  console.log(`Handover: loaded ${templatesAdded} built-in checklist template version(s)`);

// An HR import left running when its API stopped: its job row is ended with what was written (its rows
// committed or not, as its audit event says). PGlite is this
// process's alone, so every job left running was this process's; on PostgreSQL other instances may be
// running jobs, so only those whose heartbeat stopped are failed, at start and every minute after.
const sweepInterruptedImports = async (options: { staleAfterMs?: number }) => {
  const interrupted = await failInterruptedImports(handle.db, new Date(), options);
  if (interrupted > 0)
    console.log(
      `Handover: ${interrupted} interrupted HR import(s) ended; each says whether its rows were written`,
    );
};
if (handle.kind === 'pglite') await sweepInterruptedImports({});
else {
  await sweepInterruptedImports({ staleAfterMs: STALE_AFTER_MS });
  setInterval(() => {
    sweepInterruptedImports({ staleAfterMs: STALE_AFTER_MS }).catch((error: unknown) =>
      console.error('Handover: could not check for interrupted HR imports', error),
    );
  }, STALE_AFTER_MS).unref();
}

if (env.HANDOVER_TODAY)
  console.log(`Handover: today is fixed at ${env.HANDOVER_TODAY} (HANDOVER_TODAY); sessions keep real time`);

const app = createApp({
  db: handle.db,
  clock: systemClock,
  today: env.HANDOVER_TODAY,
  sessionPolicy: { ttlHours: env.SESSION_TTL_HOURS, idleMinutes: env.SESSION_IDLE_MINUTES },
  graphiql: env.NODE_ENV !== 'production',
  production: env.NODE_ENV === 'production',
  limits: {
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    maxAliases: env.GRAPHQL_MAX_ALIASES,
    maxTokens: env.GRAPHQL_MAX_TOKENS,
    maxCost: env.GRAPHQL_MAX_COST,
  },
  requestSizeLimits: {
    maxBodyBytes: env.GRAPHQL_MAX_BODY_BYTES,
    maxDocumentLength: env.GRAPHQL_MAX_DOCUMENT_LENGTH,
  },
  maxStringLength: env.GRAPHQL_MAX_STRING_LENGTH,
  rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, partnerPerMinute: env.RATE_LIMIT_PARTNER_PER_MINUTE },
  signinThrottle: {
    maxFailuresPerEmail: env.SIGNIN_MAX_FAILURES_PER_EMAIL,
    maxFailuresPerClient: env.SIGNIN_MAX_FAILURES_PER_CLIENT,
    windowMinutes: env.SIGNIN_WINDOW_MINUTES,
  },
  corsOrigins: env.CORS_ORIGINS,
  trustedProxies: env.TRUSTED_PROXIES,
});
let stopping = false;
// Yoga answers every request itself, errors included; the promise it returns needs no handling here.
const server = createServer((req, res) => {
  // Once stopping, every answer says `Connection: close` and its connection is closed when it has been
  // sent, so that a busy keep-alive client cannot keep the process alive.
  if (stopping) {
    res.setHeader('connection', 'close');
    res.once('finish', () => server.closeIdleConnections());
  } else {
    answering.add(res);
    res.once('close', () => answering.delete(res));
  }
  void app(req, res);
});
/** Answers being written: told `Connection: close` too when the stop comes before their headers. */
const answering = new Set<ServerResponse>();
server.listen(env.API_PORT, env.HOST, () => {
  console.log(
    `Handover API ready at http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.API_PORT}/graphql`,
  );
});

async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`Handover: ${signal} received, finishing requests`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
  server.close();
  // A connection busy when the signal came is closed as soon as it is idle, not at its keep-alive timeout.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 50).unref();
  await new Promise((r) => server.once('close', r));
  // HR imports running here finish (or, after a grace, roll back) and record their end before the pool closes.
  await drainImports();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
