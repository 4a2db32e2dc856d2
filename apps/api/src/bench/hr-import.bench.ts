/**
 * `pnpm bench`: the HR import of a 20,000-row export (every post new, six in
 * seven filled) over the seeded demo: a dry run (checked, applied and rolled
 * back) and a real import. Each iteration imports new post and payroll
 * numbers, so that each apply inserts all its rows.
 */
import type { HrImport } from '@handover/db';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { COLUMNS, csvLine } from '../modules/hr-import/columns.ts';
import { createImportJob, runImport } from '../modules/hr-import/hr-import.service.ts';
import { startTestApi, type TestApi } from '../test/harness.ts';

let api: TestApi;
let programmeId: string;
let teams: { team: string; service: string }[];
let run = 0;

beforeAll(async () => {
  api = await startTestApi();
  programmeId = (await api.handle.db.selectFrom('programme').select('id').executeTakeFirstOrThrow()).id;
  teams = await api.handle.db
    .selectFrom('team')
    .innerJoin('service', 'service.id', 'team.service_id')
    .select(['team.name as team', 'service.name as service'])
    .orderBy('team.name')
    .execute();
});
afterAll(async () => api.close());

/** A council export of `rows` posts, numbered apart from every earlier run's. */
function exportOf(rows: number): Uint8Array {
  const prefix = `B${++run}`;
  const lines = [csvLine(COLUMNS.map((c) => c.header))];
  for (let i = 0; i < rows; i++) {
    const t = teams[i % teams.length]!;
    const n = String(i).padStart(6, '0');
    const post = [`${prefix}P${n}`, 'Social Worker', 'Grade 9', '1', 'CS02123', t.team, t.service];
    lines.push(
      csvLine(
        i % 7 === 0
          ? [...post, ...Array<string>(12).fill('')]
          : [
              ...post,
              `${prefix}E${n}`,
              'Test',
              'Person',
              '14/03/1985',
              `AB${n}C`,
              'Permanent',
              '01/09/2015',
              '',
              '1',
              String(20_000 + i),
              'LGPS',
              '',
            ],
      ),
    );
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function importRows(rows: number, dryRun: boolean): Promise<void> {
  const bytes = exportOf(rows);
  const job = await createImportJob(
    api.handle.db,
    { programmeId, fileName: 'bench.csv', bytes, dryRun },
    null,
    new Date(),
  );
  const done: HrImport = await runImport({ db: api.handle.db, now: () => new Date() }, job, bytes);
  if (done.status !== 'SUCCEEDED') throw new Error(`the import ended ${done.status}: ${done.message}`);
}

const measure = (name: string, fn: () => Promise<void>) =>
  test(
    name,
    async ({ bench }) => {
      await bench(name, fn).run({ time: 0, iterations: 2, warmupIterations: 0, warmupTime: 0 });
    },
    600_000,
  );

describe('HR import of a 20,000-row export', () => {
  measure('dry run: read, check, apply and roll back 20,000 rows', () => importRows(20_000, true));
  measure('import: read, check and apply 20,000 new rows in one transaction', () =>
    importRows(20_000, false),
  );
});
