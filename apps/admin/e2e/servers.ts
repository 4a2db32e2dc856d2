/**
 * Vitest global setup for the end-to-end tests: starts the API (on a fresh
 * PGlite folder, or a fresh PostgreSQL database when the project runs on
 * PostgreSQL) with the demo frozen at 15 February 2023, and the admin app as
 * built for production, each on a free port; stops both afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    apiUrl: string;
  }
}

const admin = fileURLToPath(new URL('..', import.meta.url));
const api = fileURLToPath(new URL('../../api', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the process exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 90 s:\n${output()}`);
}

function start(command: string[], cwd: string, env: Record<string, string>) {
  let output = '';
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.TEST_DB_KIND ?? 'pglite';
  const dataDir = await mkdtemp(join(tmpdir(), 'handover-e2e-'));
  let database: { admin: string; name: string } | null = null;
  const apiEnv: Record<string, string> = {
    HANDOVER_DATA_DIR: dataDir,
    HANDOVER_TODAY: '2023-02-15',
    NODE_ENV: 'production',
  };
  if (kind === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('PostgreSQL end-to-end tests need TEST_DATABASE_URL');
    const name = `handover_e2e_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    database = { admin: adminUrl, name };
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    apiEnv.DATABASE_URL = url.toString();
  }

  const apiPort = await freePort();
  const adminPort = await freePort();
  const apiProcess = start(['src/main.ts'], api, { ...apiEnv, API_PORT: String(apiPort), HOST: '127.0.0.1' });
  await waitFor(`http://127.0.0.1:${apiPort}/ready`, apiProcess.child, apiProcess.output);
  const baseUrl = `http://localhost:${adminPort}`;
  const adminProcess = start(['build/index.js'], admin, {
    PORT: String(adminPort),
    HOST: '127.0.0.1',
    ORIGIN: baseUrl,
    // As the start script sets it: uploads (HR exports, evidence files) are larger than adapter-node's 512K.
    BODY_SIZE_LIMIT: '20M',
    HANDOVER_API_URL: `http://127.0.0.1:${apiPort}/graphql`,
  });
  await waitFor(`http://127.0.0.1:${adminPort}/sign-in`, adminProcess.child, adminProcess.output);

  project.provide('baseUrl', baseUrl);
  project.provide('apiUrl', `http://127.0.0.1:${apiPort}/graphql`);

  return async () => {
    for (const p of [adminProcess.child, apiProcess.child]) {
      p.kill('SIGTERM');
      await new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)));
    }
    await rm(dataDir, { recursive: true, force: true });
    if (database) {
      const client = new pg.Client({ connectionString: database.admin });
      await client.connect();
      await client.query(`drop database if exists ${database.name} with (force)`);
      await client.end();
    }
  };
}
