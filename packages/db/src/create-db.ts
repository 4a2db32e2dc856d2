import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type KyselyPlugin, type LogConfig } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { valueParsers } from './types.ts';

export type DbKind = 'pglite' | 'postgres';

export interface CreateDbOptions {
  /** A PostgreSQL connection string. When set, PostgreSQL is used; otherwise PGlite. */
  url?: string | undefined;
  /** PGlite's data folder; `memory` (or leaving it out) keeps the database in memory. */
  dataDir?: string | undefined;
  /** A PGlite data folder dump (from `dumpDataDir`) to start from: tests clone a seeded database this way. */
  loadDataDir?: Blob | File | undefined;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number;
  plugins?: KyselyPlugin[];
  log?: LogConfig;
}

export interface HandoverDb {
  db: Kysely<Database>;
  kind: DbKind;
  /** The PGlite instance, for dumps in tests; undefined on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * Opens the database: PostgreSQL when a URL is given, PGlite otherwise
 * (file-backed under `dataDir`, or in memory). Values come back the same
 * way from both (see types.ts).
 */
export async function createDb(options: CreateDbOptions = {}): Promise<HandoverDb> {
  const { plugins = [], log } = options;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
          valueParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server (a PostgreSQL restart) must not crash the process:
    // the pool drops it and the next query opens a new connection.
    pool.on('error', () => {});
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins,
      ...(log ? { log } : {}),
    });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  const dataDir = options.dataDir && options.dataDir !== 'memory' ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: valueParsers,
  });
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite }),
    plugins,
    ...(log ? { log } : {}),
  });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
