/**
 * The database command line, for operators:
 *   pnpm db migrate   bring the schema to the latest migration
 *   pnpm db seed      load the demo programme into an empty database
 *   pnpm db reset --yes   drop everything, migrate, and load the demo again
 *   pnpm db status    list migrations and what the database holds
 *   pnpm db partner-token --org <organisation key> --name <name> [--days 90]
 *                     make a partner agency's API token and print it, once
 *   pnpm db import-hr <file> [--dry-run] [--programme <id>]
 *                     import the council's HR export (CSV or .xlsx): every row is checked, then
 *                     applied in one transaction; exit code 1 when the file is refused
 *   pnpm db import-hr --template [file]   write the import's template CSV (to stdout without a file)
 *   pnpm db hr-sample <file> [--rows 1500] [--no-changes]
 *                     write a realistic council export drawn from the database, with a few changes
 * It uses the same configuration as the API (DATABASE_URL or the data folder).
 */
import { createDb, createMigrator, isEmpty, migrateToLatest, seedDemo, type HandoverDb } from '@handover/db';
import { sql } from 'kysely';
import { loadEnv, pgliteDir } from './env.ts';
import { organisationIdByKey } from './modules/partner/partner.repository.ts';
import { MAX_TOKEN_DAYS, createApiToken } from './modules/partner/partner.service.ts';
import { addCalendarDays, londonDate } from '@handover/domain';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from './schema/errors.ts';
import { templateCsv } from './modules/hr-import/columns.ts';
import { createImportJob, runImport } from './modules/hr-import/hr-import.service.ts';
import { sampleExport } from './modules/hr-import/sample.ts';

const USAGE = `usage: pnpm db <migrate|seed|reset --yes|status|partner-token --org <key> --name <name> [--days 90]
  |import-hr <file> [--dry-run] [--programme <id>]|import-hr --template [file]|hr-sample <file> [--rows 1500] [--no-changes]>`;

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

/** The programme named by --programme (its UUID or global ID), or the only one there is. */
async function programmeFor(handle: HandoverDb, flags: string[]): Promise<string | null> {
  const given = option(flags, '--programme');
  const rows = await handle.db.selectFrom('programme').select(['id', 'name']).orderBy('created_at').execute();
  if (given) {
    let id = given;
    try {
      const decoded = decodeGlobalID(given);
      if (decoded.typename === 'Programme') id = decoded.id;
    } catch {
      // a plain UUID
    }
    const found = rows.find((r) => r.id === id);
    if (!found) console.error(`no programme has the id "${given}"`);
    return found?.id ?? null;
  }
  if (rows.length !== 1) {
    console.error(
      rows.length === 0
        ? 'the database holds no programme: run pnpm db seed first'
        : `the database holds ${rows.length} programmes: name one with --programme <id> (${rows.map((r) => `${r.id} ${r.name}`).join('; ')})`,
    );
    return null;
  }
  return rows[0]!.id;
}

const positional = (flags: string[]): string | undefined => {
  const valued = new Set(['--programme', '--rows']);
  return flags.find((f, i) => !f.startsWith('--') && !valued.has(flags[i - 1] ?? ''));
};

async function importHr(handle: HandoverDb, flags: string[]): Promise<number> {
  const file = positional(flags);
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const programmeId = await programmeFor(handle, flags);
  if (!programmeId) return 2;
  const bytes = new Uint8Array(await readFile(file));
  const dryRun = flags.includes('--dry-run');
  let job;
  try {
    job = await createImportJob(
      handle.db,
      { programmeId, fileName: basename(file), bytes, dryRun },
      null,
      new Date(),
    );
  } catch (error) {
    if (error instanceof ValidationError) {
      console.error(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
  console.log(
    `importing ${basename(file)} (${bytes.byteLength.toLocaleString('en-GB')} bytes)${dryRun ? ' as a dry run' : ''}`,
  );
  let last = '';
  const result = await runImport(
    {
      db: handle.db,
      viewer: null,
      requestId: null,
      now: () => new Date(),
      actor: { userId: null, email: null, role: 'CLI' },
      operation: 'import-hr',
      onProgress: (p) => {
        const line = `${p.status === 'CHECKING' ? 'checking' : 'applying'}: ${p.rowsDone.toLocaleString('en-GB')} of ${p.rowsTotal === null ? '?' : p.rowsTotal.toLocaleString('en-GB')} rows`;
        if (line !== last && (p.rowsDone % 2000 === 0 || p.rowsDone === p.rowsTotal)) console.log(line);
        last = line;
      },
      logError: (e) => console.error(e),
    },
    job,
    bytes,
  );
  console.log(`${result.status}: ${result.message ?? ''}`);
  const counts = result.counts;
  if (counts) {
    for (const k of [
      'postsInserted',
      'postsUpdated',
      'postsUnchanged',
      'employeesInserted',
      'employeesUpdated',
      'employeesUnchanged',
      'employeesNotInFile',
    ]) {
      console.log(`  ${k}: ${counts[k] ?? 0}`);
    }
  }
  const errors = result.errors as { row: number; column: string; value: string; message: string }[];
  if (errors.length > 0) {
    console.log('row\tcolumn\tvalue\tproblem');
    for (const e of errors) console.log(`${e.row}\t${e.column}\t${e.value}\t${e.message}`);
    if (result.error_count > errors.length) console.log(`... and ${result.error_count - errors.length} more`);
  }
  return result.status === 'SUCCEEDED' ? 0 : 1;
}

async function hrSample(handle: HandoverDb, flags: string[]): Promise<number> {
  const file = positional(flags);
  const rows = Number(option(flags, '--rows') ?? '1500');
  if (!file || !Number.isInteger(rows) || rows < 1) {
    console.error(`${USAGE}\n--rows is a whole number of at least 1`);
    return 2;
  }
  const programmeId = await programmeFor(handle, flags);
  if (!programmeId) return 2;
  const sample = await sampleExport(handle.db, programmeId, {
    rows,
    changes: !flags.includes('--no-changes'),
  });
  await writeFile(file, sample.csv);
  console.log(
    `wrote ${file}: ${sample.rows} rows, with ${sample.salaryRises} pay rises and ${sample.newStarters} new starters in vacant posts`,
  );
  return 0;
}

async function dropEverything(handle: HandoverDb): Promise<void> {
  await sql`drop schema public cascade`.execute(handle.db);
  await sql`create schema public`.execute(handle.db);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...flags] = argv;
  if (command === 'import-hr' && flags.includes('--template')) {
    const file = positional(flags);
    if (file) {
      await writeFile(file, templateCsv());
      console.log(`wrote the HR import template to ${file}`);
    } else process.stdout.write(templateCsv());
    return 0;
  }
  if (
    !command ||
    !['migrate', 'seed', 'reset', 'status', 'partner-token', 'import-hr', 'hr-sample'].includes(command)
  ) {
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
    if (command === 'import-hr' || command === 'hr-sample') {
      await migrateToLatest(handle.db);
      return command === 'import-hr' ? await importHr(handle, flags) : await hrSample(handle, flags);
    }
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
