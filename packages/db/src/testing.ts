/**
 * Test databases. A vitest global setup migrates and seeds one database per
 * run (a PGlite dump file, and a PostgreSQL template database when a server
 * is given); each test file then opens its own copy in milliseconds.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type CreateDbOptions, type DbKind, type HandoverDb } from './create-db.ts';
import { migrateToLatest } from './migrator.ts';
import { seedDemo } from './seed/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
    testDbKind: DbKind;
  }
}

export interface TestDatabases {
  /** A PGlite data-folder dump of the migrated, seeded database. */
  pgliteDump: string;
  /** A PostgreSQL database, migrated and seeded, to copy with CREATE DATABASE ... TEMPLATE. */
  postgresTemplate: string | null;
  postgresUrl: string | null;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Prepares the seeded database that the test files of one kind copy from. */
export async function prepareTestDatabases(
  kind: DbKind,
  postgresUrl: string | undefined,
): Promise<{
  databases: TestDatabases;
  teardown: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'handover-test-'));
  const pgliteDump = join(dir, 'seeded.tar');
  if (kind === 'pglite') {
    const seeded = await createDb();
    await migrateToLatest(seeded.db);
    await seedDemo(seeded.db);
    const dump = await seeded.pglite!.dumpDataDir('none');
    await seeded.close();
    await writeFile(pgliteDump, Buffer.from(await dump.arrayBuffer()));
  }

  let postgresTemplate: string | null = null;
  if (kind === 'postgres') {
    if (!postgresUrl) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
    postgresTemplate = `handover_tpl_${randomBytes(4).toString('hex')}`;
    const name = postgresTemplate;
    await admin(postgresUrl, (c) => c.query(`create database ${quoteIdent(name)}`));
    const tpl = await createDb({ url: withDatabase(postgresUrl, name), poolSize: 2 });
    await migrateToLatest(tpl.db);
    await seedDemo(tpl.db);
    await tpl.close();
  }

  return {
    databases: { pgliteDump, postgresTemplate, postgresUrl: postgresUrl ?? null },
    teardown: async () => {
      await rm(dir, { recursive: true, force: true });
      if (postgresUrl && postgresTemplate) {
        const name = postgresTemplate;
        await admin(postgresUrl, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
      }
    },
  };
}

export interface OpenTestDbOptions extends Pick<CreateDbOptions, 'plugins' | 'log'> {
  /** Start from the seeded demo (default) or from an empty, unmigrated database. */
  seeded?: boolean;
}

/**
 * Opens a fresh database of `kind` for one test file. Seeded copies come
 * from the run's prepared databases; empty ones are new and unmigrated.
 * `close()` also drops a PostgreSQL copy.
 */
export async function openTestDb(
  kind: DbKind,
  databases: TestDatabases,
  options: OpenTestDbOptions = {},
): Promise<HandoverDb> {
  const { seeded = true, plugins, log } = options;
  const extra = { ...(plugins ? { plugins } : {}), ...(log ? { log } : {}) };
  if (kind === 'pglite') {
    if (!seeded) return createDb(extra);
    const bytes = await readFile(databases.pgliteDump);
    return createDb({ ...extra, loadDataDir: new Blob([bytes]) });
  }
  const url = databases.postgresUrl;
  if (!url) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = `handover_t_${randomBytes(6).toString('hex')}`;
  const template = seeded ? databases.postgresTemplate! : 'template0';
  await admin(url, (c) => c.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`));
  const handle = await createDb({ ...extra, url: withDatabase(url, name), poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin(url, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    },
  };
}

/** Opens this test file's database, of the kind its vitest project runs against. */
export async function openTestDatabase(options: OpenTestDbOptions = {}): Promise<HandoverDb> {
  const { inject } = await import('vitest');
  return openTestDb(inject('testDbKind'), inject('testDatabases'), options);
}
