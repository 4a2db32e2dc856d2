/**
 * An HR import and the API stopping: a stopping API waits for running imports (or rolls them back
 * after its grace) before it closes the database, and every job's end says what was written. On
 * PostgreSQL the API is run as a process and sent SIGTERM mid-import.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD, createDb } from '@handover/db';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { COLUMNS, csvLine } from './columns.ts';
import { INTERRUPTED, failInterruptedImports } from './hr-import.repository.ts';
import { STOPPED, createImportJob, drainImports, startInBackground } from './hr-import.service.ts';

/** A clean export of `n` filled posts in Assessment and Duty, numbered from `prefix`. */
function exportOf(n: number, prefix: string, team: { team: string; service: string }): string {
  const lines = [csvLine(COLUMNS.map((c) => c.header))];
  for (let i = 1; i <= n; i++) {
    const k = String(i).padStart(6, '0');
    const v: Record<string, string> = {
      postNumber: `P${prefix}${k}`,
      payrollNumber: `E${prefix}${k}`,
      niNumber: `AB${k}C`,
      team: team.team,
      service: team.service,
    };
    lines.push(csvLine(COLUMNS.map((c) => v[c.key] ?? c.example)));
  }
  return lines.join('\r\n') + '\r\n';
}

describe('an HR import when the API stops', () => {
  let api: TestApi;
  let programmeId: string;
  let team: { team: string; service: string };

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = decodeGlobalID(await api.programmeId()).id;
    team = await api.handle.db
      .selectFrom('team')
      .innerJoin('service', 'service.id', 'team.service_id')
      .select(['team.name as team', 'service.name as service'])
      .where('service.key', '=', 'assessment')
      .orderBy('team.name')
      .executeTakeFirstOrThrow();
  });
  afterAll(() => api.close());

  const employeesLike = async (prefix: string) =>
    Number(
      (
        await api.handle.db
          .selectFrom('employee')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('payroll_number', 'like', `E${prefix}%`)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('rolls back an import still applying when the grace runs out: FAILED, saying nothing was written, and nothing is', async () => {
    const bytes = new TextEncoder().encode(exportOf(2_000, 'RB', team));
    const job = await createImportJob(
      api.handle.db,
      { programmeId, fileName: 'stopped.csv', bytes, dryRun: false },
      null,
      new Date(),
    );
    let drained: Promise<number> | undefined;
    startInBackground(
      {
        db: api.handle.db,
        now: () => new Date(),
        // The API stops as the apply begins, with no grace: the apply must roll back.
        onProgress: (p) => {
          if (p.status === 'APPLYING') drained ??= drainImports({ graceMs: 0 });
        },
      },
      job,
      bytes,
    );
    await expect.poll(() => drained, { timeout: 60_000 }).toBeDefined();
    expect(await drained).toBe(1);
    const ended = await api.handle.db
      .selectFrom('hr_import')
      .select(['status', 'message', 'finished_at'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(ended).toMatchObject({ status: 'FAILED', message: STOPPED });
    expect(ended.finished_at).not.toBeNull();
    expect(await employeesLike('RB')).toBe(0);
  }, 120_000);

  it('ends a job left running by a stopped API with what was written: SUCCEEDED when its rows committed, else FAILED', async () => {
    const values = (file_name: string) => ({
      programme_id: programmeId,
      file_name,
      file_size: 10,
      sha256: 'c'.repeat(64),
      uploaded_by: null,
      dry_run: false,
      status: 'APPLYING' as const,
    });
    const [committed, rolledBack] = await api.handle.db
      .insertInto('hr_import')
      .values([values('committed.csv'), values('rolled-back.csv')])
      .returning('id')
      .execute();
    // The apply's audit event commits with its rows: the committed job has one.
    await api.handle.db
      .insertInto('audit_event')
      .values({
        kind: 'WRITE',
        operation: 'startHrImport',
        entity_type: 'HrImport',
        entity_id: committed!.id,
        fields: [],
        reason:
          'posts: 3 new, 0 changed, 0 unchanged; employees: 2 new, 0 changed, 0 unchanged, 0 not in this file',
      })
      .execute();
    expect(await failInterruptedImports(api.handle.db, new Date())).toBe(2);
    const rows = await api.handle.db
      .selectFrom('hr_import')
      .select(['id', 'status', 'message'])
      .where('id', 'in', [committed!.id, rolledBack!.id])
      .execute();
    expect(rows.find((r) => r.id === committed!.id)).toMatchObject({
      status: 'SUCCEEDED',
      message: expect.stringMatching(/^Imported: posts: 3 new, .*its rows were written/),
    });
    expect(rows.find((r) => r.id === rolledBack!.id)).toMatchObject({
      status: 'FAILED',
      message: INTERRUPTED,
    });
  });
});

const onPostgres = inject('testDbKind') === 'postgres';

describe.runIf(onPostgres)('the API process on PostgreSQL, sent SIGTERM while an HR import applies', () => {
  const { postgresUrl, postgresTemplate } = inject('testDatabases');
  const name = `handover_sigterm_${randomBytes(4).toString('hex')}`;
  const url = (() => {
    if (!postgresUrl) return '';
    const u = new URL(postgresUrl);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const admin = async (statement: string) => {
    const server = await createDb({ url: postgresUrl!, poolSize: 1 });
    try {
      await sql.raw(statement).execute(server.db);
    } finally {
      await server.close();
    }
  };
  beforeAll(() => admin(`create database "${name}" template "${postgresTemplate}"`));
  afterAll(() => admin(`drop database if exists "${name}" with (force)`));

  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });

  it('waits for the import, records its end, and exits 0: the job says SUCCEEDED and every row is there', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['src/main.ts'], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      env: {
        ...process.env,
        DATABASE_URL: url,
        API_PORT: String(port),
        HOST: '127.0.0.1',
        HANDOVER_SEED: 'false',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 90_000, interval: 200 }).toMatch(/API ready at/);

    const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return ((await res.json()) as { data: T }).data;
    };
    const login = await gql<{ login: { token: string } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginSuccess { token } } }',
      { e: 'hr@handover.example', p: DEMO_PASSWORD },
    );
    const token = login.login.token;
    const programmes = await gql<{ programmes: { edges: { node: { id: string } }[] } }>(
      '{ programmes(first: 1) { edges { node { id } } } }',
      {},
      token,
    );
    const handle = await createDb({ url, poolSize: 1 });
    const { db } = handle;
    try {
      const t = await db
        .selectFrom('team')
        .innerJoin('service', 'service.id', 'team.service_id')
        .select(['team.name as team', 'service.name as service'])
        .where('service.key', '=', 'assessment')
        .orderBy('team.name')
        .executeTakeFirstOrThrow();
      const rows = 8_000;
      const started = await gql<{ startHrImport: { id: string } }>(
        'mutation ($input: StartHrImportInput!) { startHrImport(input: $input) { ... on HrImport { id } } }',
        {
          input: {
            programmeId: programmes.programmes.edges[0]!.node.id,
            fileName: 'sigterm.csv',
            contentBase64: Buffer.from(exportOf(rows, 'ST', t)).toString('base64'),
          },
        },
        token,
      );
      const id = decodeGlobalID(started.startHrImport.id).id;
      // SIGTERM once the apply has begun.
      for (let i = 0; i < 1_200; i++) {
        const job = await db
          .selectFrom('hr_import')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (job.status !== 'QUEUED' && job.status !== 'CHECKING') break;
        await sleep(50);
      }
      child.kill('SIGTERM');
      expect(await exited, output).toBe(0);
      const job = await db
        .selectFrom('hr_import')
        .select(['status', 'message', 'rows_done'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const written = Number(
        (
          await db
            .selectFrom('employee')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('payroll_number', 'like', 'EST%')
            .executeTakeFirstOrThrow()
        ).n,
      );
      // The job's end and the rows agree: all of them and SUCCEEDED (the grace is long enough here).
      expect({ status: job.status, written, message: job.message }).toEqual({
        status: 'SUCCEEDED',
        written: rows,
        message: expect.stringMatching(/^Imported: posts: 8,000 new/),
      });
      expect(output).not.toMatch(/destroyed/);
    } finally {
      await handle.close();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 240_000);
});
