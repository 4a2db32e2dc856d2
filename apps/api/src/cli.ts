/**
 * The database command line, for operators:
 *   pnpm db migrate   bring the schema to the latest migration
 *   pnpm db seed      load the demo programme into an empty database
 *   pnpm db reset --yes   drop everything, migrate, and load the demo again
 *   pnpm db status    list migrations and what the database holds
 *   pnpm db partner-token --org <organisation key> --name <name> [--days 90]
 *                     make a partner agency's API token and print it, once
 * It uses the same configuration as the API (DATABASE_URL or the data folder).
 */
import { createDb, createMigrator, isEmpty, migrateToLatest, seedDemo, type HandoverDb } from '@handover/db';
import { sql } from 'kysely';
import { loadEnv, pgliteDir } from './env.ts';
import { organisationIdByKey } from './modules/partner/partner.repository.ts';
import { MAX_TOKEN_DAYS, createApiToken } from './modules/partner/partner.service.ts';
import { addCalendarDays, londonDate } from '@handover/domain';

const USAGE = `usage: pnpm db <migrate|seed|reset --yes|status|partner-token --org <key> --name <name> [--days 90]>`;

/** The value after `--flag`, if any. */
const option = (flags: string[], flag: string): string | undefined => {
  const i = flags.indexOf(flag);
  return i >= 0 ? flags[i + 1] : undefined;
};

async function partnerToken(handle: HandoverDb, flags: string[]): Promise<number> {
  const key = option(flags, '--org');
  const name = option(flags, '--name');
  const days = Number(option(flags, '--days') ?? '90');
  if (!key || !name || !Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    console.error(`${USAGE}\n--days is a whole number from 1 to ${MAX_TOKEN_DAYS}`);
    return 2;
  }
  const organisationId = await organisationIdByKey(handle.db, key);
  if (!organisationId) {
    console.error(`no organisation has the key "${key}"`);
    return 2;
  }
  const now = new Date();
  const { token, apiToken } = await createApiToken(
    handle.db,
    { name, organisationId, expiresOn: addCalendarDays(londonDate(now), days) },
    null,
    now,
  );
  console.log(
    `made API token "${apiToken.name}" (${apiToken.token_prefix}...) for ${key}, valid to the end of ${addCalendarDays(londonDate(now), days)}`,
  );
  console.log('it is shown this once; send it as  Authorization: Bearer <token>');
  console.log(token);
  return 0;
}

async function dropEverything(handle: HandoverDb): Promise<void> {
  await sql`drop schema public cascade`.execute(handle.db);
  await sql`create schema public`.execute(handle.db);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...flags] = argv;
  if (!command || !['migrate', 'seed', 'reset', 'status', 'partner-token'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'reset' && !flags.includes('--yes')) {
    console.error('reset deletes every programme in the database; run it again with --yes to go ahead');
    return 2;
  }
  const env = loadEnv();
  const handle = await createDb({ url: env.DATABASE_URL, dataDir: pgliteDir(env), poolSize: 2 });
  console.log(
    `database: ${handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${pgliteDir(env)}`}`,
  );
  try {
    if (command === 'partner-token') return await partnerToken(handle, flags);
    if (command === 'status') {
      for (const m of await createMigrator(handle.db).getMigrations()) {
        console.log(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}`);
      }
      return 0;
    }
    if (command === 'reset') {
      await dropEverything(handle);
      console.log('dropped every table');
    }
    const applied = await migrateToLatest(handle.db);
    console.log(
      applied?.length ? `migrated: ${applied.map((m) => m.migrationName).join(', ')}` : 'schema up to date',
    );
    if (command === 'seed' || command === 'reset') {
      if (!(await isEmpty(handle.db))) {
        console.log('the database already holds a programme: the demo was not loaded');
        return 0;
      }
      const result = await seedDemo(handle.db);
      console.log(
        `loaded the demo: ${Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
      );
    }
    return 0;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
