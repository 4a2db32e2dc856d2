/**
 * The HR import against the seeded demo, through GraphQL as HR would use it
 * (and the service for what GraphQL cannot show): clean files, a file with
 * errors of every kind, the same file twice, a dry run, a large file, an
 * interrupted job and who may import.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';
import { COLUMNS, csvLine } from './columns.ts';
import { INTERRUPTED, STALE_AFTER_MS, failInterruptedImports } from './hr-import.repository.ts';
import { createImportJob, runImport as runJob, waitForImport } from './hr-import.service.ts';
import { sampleExport } from './sample.ts';

type Values = Partial<Record<string, string>>;

/** A valid filled post in Assessment and Duty (a transferring service), overridden by `v`. */
const filled = (n: string, v: Values = {}): Values => ({
  'Post Number': `PT${n}`,
  'Post Title': 'Social Worker',
  Grade: 'Grade 9',
  'Post FTE': '1',
  'Cost Centre': 'CS02123',
  Team: 'Duty and Assessment Team Keighley',
  Service: 'Assessment and Duty',
  'Payroll Number': `TT${n}`,
  'First Name': 'Test',
  'Last Name': 'Person',
  'Date of Birth': '14/03/1985',
  'NI Number': 'AB123456C',
  'Contract Type': 'Permanent',
  'Start Date': '01/09/2015',
  'Continuous Service Date': '01/09/2012',
  'Employee FTE': '1',
  Salary: '39850.00',
  'Pension Scheme': 'LGPS',
  'Pension Number': 'WYPF1234567',
  ...v,
});

const EMPLOYEE_HEADERS = COLUMNS.filter((c) => c.part === 'employee').map((c) => c.header);
const vacant = (n: string, v: Values = {}): Values => {
  const row = filled(n, v);
  for (const h of EMPLOYEE_HEADERS) row[h] = '';
  return row;
};

const HEADERS = COLUMNS.map((c) => c.header);
const csvOf = (rows: Values[], headers = HEADERS) =>
  [csvLine(headers), ...rows.map((r) => csvLine(headers.map((h) => r[h] ?? '')))].join('\r\n') + '\r\n';

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

interface ImportView {
  id: string;
  status: string;
  finished: boolean;
  dryRun: boolean;
  rowsTotal: number | null;
  rowsDone: number;
  message: string | null;
  errorCount: number;
  changeCount: number;
  counts: Record<string, number> | null;
  errors: { row: number; column: string; value: string; message: string; personal: boolean }[];
  changes: { row: number; kind: string; key: string; action: string; fields: string[] }[];
}

const VIEW = `id status finished dryRun rowsTotal rowsDone message errorCount changeCount
  counts { postsInserted postsUpdated postsUnchanged employeesInserted employeesUpdated employeesUnchanged employeesNotInFile }
  errors(first: 1000) { row column value message personal }
  changes(first: 1000) { row kind key action fields }`;

describe('the HR import', () => {
  let api: TestApi;
  let programmeId: string;
  let hr: string;

  beforeAll(async () => {
    api = await startTestApi();
    programmeId = await api.programmeId();
    hr = await api.login('HR');
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  /** Starts an import as HR, waits for it to end in this process and answers what HR then sees. */
  async function runImport(
    fileName: string,
    content: string | Uint8Array,
    dryRun = false,
  ): Promise<ImportView> {
    const res = await api.gql<{ startHrImport: { __typename: string; id?: string; message?: string } }>(
      `mutation ($input: StartHrImportInput!) {
        startHrImport(input: $input) { __typename ... on HrImport { id status } ... on Error { message } }
      }`,
      { input: { programmeId, fileName, contentBase64: b64(content), dryRun } },
      hr,
    );
    const id = res.data?.startHrImport.id;
    if (!id) throw new Error(`startHrImport: ${JSON.stringify(res)}`);
    await waitForImport(decodeGlobalID(id).id);
    const view = await api.gql<{ hrImport: ImportView }>(
      `query ($id: ID!) { hrImport(id: $id) { ${VIEW} } }`,
      { id },
      hr,
    );
    if (!view.data?.hrImport) throw new Error(`hrImport: ${JSON.stringify(view)}`);
    return view.data.hrImport;
  }

  /** Posts and employees as stored: compared before and after an import that must write nothing. */
  const workforce = async () => {
    const posts = await sql`select * from post order by post_number`.execute(api.handle.db);
    const employees = await sql`select * from employee order by payroll_number`.execute(api.handle.db);
    return JSON.stringify([posts.rows, employees.rows]);
  };

  it('imports a clean CSV export: new posts and employees inserted, with no decision yet and a provisional TUPE status', async () => {
    const csv = csvOf([
      filled('0001'),
      filled('0002', {
        'NI Number': 'CE 65 43 21 A',
        Service: 'school-improvement',
        Team: await teamOf('school-improvement'),
      }),
      vacant('0003'),
    ]);
    const result = await runImport('clean.csv', csv);
    expect(result).toMatchObject({ status: 'SUCCEEDED', finished: true, rowsTotal: 3, errorCount: 0 });
    expect(result.counts).toMatchObject({
      postsInserted: 3,
      employeesInserted: 2,
      postsUpdated: 0,
      employeesUpdated: 0,
    });
    expect(result.counts!.employeesNotInFile).toBeGreaterThan(1000);
    const rows = await api.handle.db
      .selectFrom('employee')
      .innerJoin('post', 'post.id', 'employee.post_id')
      .select([
        'payroll_number',
        'tupe_status',
        'assignment_decision',
        'ni_number',
        'post.post_number',
        'post.vacant',
        'salary',
      ])
      .where('payroll_number', 'in', ['TT0001', 'TT0002'])
      .orderBy('payroll_number')
      .execute();
    expect(rows).toEqual([
      {
        payroll_number: 'TT0001',
        tupe_status: 'IN_SCOPE_DISPUTED',
        assignment_decision: null,
        ni_number: 'AB123456C',
        post_number: 'PT0001',
        vacant: false,
        salary: 39850,
      },
      {
        payroll_number: 'TT0002',
        tupe_status: 'OUT_OF_SCOPE_NOT_ASSIGNED',
        assignment_decision: null,
        ni_number: 'CE654321A',
        post_number: 'PT0002',
        vacant: false,
        salary: 39850,
      },
    ]);
    const post = await api.handle.db
      .selectFrom('post')
      .select('vacant')
      .where('post_number', '=', 'PT0003')
      .executeTakeFirstOrThrow();
    expect(post.vacant).toBe(true);
  });

  it('imports the same file twice: the second time nothing changes, and it says the file was imported before', async () => {
    const csv = csvOf([filled('0101'), vacant('0102')]);
    const first = await runImport('twice.csv', csv);
    expect(first.counts).toMatchObject({ postsInserted: 2, employeesInserted: 1 });
    const before = await workforce();
    const second = await runImport('twice.csv', csv);
    expect(second.status).toBe('SUCCEEDED');
    expect(second.counts).toMatchObject({
      postsInserted: 0,
      postsUpdated: 0,
      postsUnchanged: 2,
      employeesInserted: 0,
      employeesUpdated: 0,
      employeesUnchanged: 1,
    });
    expect(second.changeCount).toBe(0);
    expect(second.message).toMatch(/^This file was already imported on \d{1,2} \w+ \d{4}; no changes\.$/);
    // Versions and updated_at untouched.
    expect(await workforce()).toBe(before);
  });

  it('updates changed rows only (a salary, a new starter in a vacant post, the vacancy flag), keeping assignment and TUPE fields', async () => {
    const sample = await sampleExport(api.handle.db, programmeIdRaw(), { rows: 400 });
    expect(sample.salaryRises).toBeGreaterThan(5);
    expect(sample.newStarters).toBeGreaterThan(0);
    const before = await api.handle.db.selectFrom('employee').selectAll().orderBy('payroll_number').execute();
    const result = await runImport('council-export.csv', sample.csv);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.counts).toMatchObject({
      employeesUpdated: sample.salaryRises,
      employeesInserted: sample.newStarters,
      postsUpdated: sample.newStarters,
      postsInserted: 0,
    });
    const salaryChanges = result.changes.filter((c) => c.kind === 'EMPLOYEE' && c.action === 'UPDATE');
    expect(salaryChanges.every((c) => c.fields.join() === 'salary')).toBe(true);
    expect(result.changes.filter((c) => c.kind === 'POST').every((c) => c.fields.join() === 'vacant')).toBe(
      true,
    );
    const after = new Map(
      (await api.handle.db.selectFrom('employee').selectAll().execute()).map((e) => [e.payroll_number, e]),
    );
    const changed = new Set(salaryChanges.map((c) => c.key));
    for (const e of before) {
      const now = after.get(e.payroll_number)!;
      expect([e.tupe_status, e.assignment_decision, e.assignment_rationale]).toEqual([
        now.tupe_status,
        now.assignment_decision,
        now.assignment_rationale,
      ]);
      expect(now.version).toBe(changed.has(e.payroll_number) ? e.version + 1 : e.version);
      if (!changed.has(e.payroll_number)) expect(now.updated_at).toEqual(e.updated_at);
    }
    // The audit trail: counts and field names, never a value.
    const event = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('kind', '=', 'WRITE')
      .where('entity_id', '=', decodeGlobalID(result.id).id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ operation: 'startHrImport', entity_type: 'HrImport', actor_role: 'HR' });
    expect(event.fields).toEqual([
      'employee.continuous_service_date',
      'employee.contract_type',
      'employee.date_of_birth',
      'employee.first_name',
      'employee.fte',
      'employee.last_name',
      'employee.ni_number',
      'employee.pension_scheme',
      'employee.post_id',
      'employee.salary',
      'employee.start_date',
      'employee.tupe_status',
      'post.vacant',
    ]);
    expect(event.reason).toMatch(/employees: \d+ new, \d+ changed/);
    const newcomer = [...after.values()].find((e) => e.payroll_number === 'BR900001')!;
    expect(JSON.stringify(event)).not.toContain(newcomer.last_name);
    expect(JSON.stringify(event)).not.toContain(String(after.get(salaryChanges[0]!.key)!.salary));
  });

  it('imports an .xlsx workbook with real Excel dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('HR export');
    ws.addRow([
      'Post No',
      'Job Title',
      'Grade',
      'Post FTE',
      'Cost Center',
      'Team',
      'Service',
      'Payroll No',
      'Forename',
      'Surname',
      'DOB',
      'NI No',
      'Contract',
      'Start Date',
      'FTE',
      'Salary',
      'Pension',
    ]);
    ws.addRow([
      'PX0001',
      'Family Support Worker',
      'Grade 6',
      0.5,
      'CS02999',
      'Duty and Assessment Team Keighley',
      'Assessment and Duty',
      'XL0001',
      'Nadia',
      'Rahman',
      new Date(Date.UTC(1990, 10, 5)),
      'JK 11 22 33 B',
      'Fixed term',
      new Date(Date.UTC(2021, 0, 4)),
      0.5,
      13950,
      'Opted out',
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = await runImport('export.xlsx', bytes);
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({ postsInserted: 1, employeesInserted: 1 });
    const e = await api.handle.db
      .selectFrom('employee')
      .selectAll()
      .where('payroll_number', '=', 'XL0001')
      .executeTakeFirstOrThrow();
    expect(e).toMatchObject({
      date_of_birth: '1990-11-05',
      start_date: '2021-01-04',
      continuous_service_date: '2021-01-04',
      contract_type: 'FIXED_TERM',
      pension_scheme: 'OPTED_OUT',
      fte: 0.5,
    });
  });

  it('refuses a file with errors of every kind, names each (row, column, value, problem) and writes nothing', async () => {
    const other = await teamOf('fostering');
    const rows: [Values, string, RegExp][] = [
      [filled('E02', { 'NI Number': 'QQ123456C' }), 'NI Number', /never used/],
      [filled('E03', { 'NI Number': 'GB123456A' }), 'NI Number', /never issues/],
      [filled('E04', { 'NI Number': 'AB12345C' }), 'NI Number', /not a National Insurance number/],
      [filled('E05', { 'Date of Birth': '31/02/1980' }), 'Date of Birth', /not a date/],
      [filled('E06', { 'Date of Birth': '01/01/2010' }), 'Date of Birth', /age of 13 .*16 to 80/],
      [filled('E07', { 'Start Date': '02/04/2023' }), 'Start Date', /after the transfer date/],
      [
        filled('E08', { 'Continuous Service Date': '02/09/2015' }),
        'Continuous Service Date',
        /after the start date/,
      ],
      [filled('E09', { 'Post FTE': '1.5' }), 'Post FTE', /more than 0 and at most 1/],
      [filled('E10', { 'Employee FTE': '0' }), 'Employee FTE', /more than 0 and at most 1/],
      [
        filled('E11', { 'Post FTE': '0.5', 'Employee FTE': '0.6' }),
        'Employee FTE',
        /more than the post’s FTE/,
      ],
      [filled('E12', { Salary: 'lots' }), 'Salary', /not an amount of money/],
      [filled('E13', { 'Contract Type': 'Zero hours' }), 'Contract Type', /not a contract type/],
      [filled('E14', { 'Pension Scheme': 'Private' }), 'Pension Scheme', /not a pension scheme/],
      [filled('E15', { 'Payroll Number': 'TTE02' }), 'Payroll Number', /also on row 2/],
      [filled('E16', { 'Post Number': 'PTE02' }), 'Post Number', /also on row 2/],
      [filled('E17', { Service: 'Nowhere' }), 'Service', /no service of the programme/],
      [filled('E18', { Team: other }), 'Team', /it belongs to Fostering/],
      [filled('E19', { 'First Name': '' }), 'First Name', /is blank/],
      [filled('E20', { 'Payroll Number': '' }), 'Payroll Number', /payroll number is required/],
      [filled('E21', { 'Start Date': '2023/13/01' }), 'Start Date', /not a date/],
      [filled('E22', { Salary: '-100' }), 'Salary', /not an amount of money|more than £0/],
    ];
    const csv = csvOf(
      rows.map(([r]) => ({ ...r, Colour: 'blue' })),
      [...HEADERS, 'Colour'],
    );
    const before = await workforce();
    const result = await runImport('errors.csv', csv);
    expect(result.status).toBe('REFUSED');
    expect(result.counts).toBeNull();
    expect(result.message).toMatch(/errors: nothing was written/);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ row: 1, column: 'Colour', message: expect.stringMatching(/unknown column/) }),
    );
    rows.forEach(([values, column, message], i) => {
      const row = i + 2;
      const found = result.errors.filter((e) => e.row === row);
      expect({ row, found: found.map((e) => [e.column, e.message]) }).toEqual({
        row,
        found: [[column, expect.stringMatching(message)]],
      });
      expect(found[0]!.value).toBe(values[column]);
    });
    expect(result.errorCount).toBe(rows.length + 1);
    expect(result.errors.find((e) => e.column === 'NI Number')!.personal).toBe(true);
    expect(result.errors.find((e) => e.column === 'Post FTE')!.personal).toBe(false);
    expect(await workforce()).toBe(before);
    // The refusal is on the trail with the error count, without the values.
    const event = await api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('kind', '=', 'REFUSED')
      .where('entity_id', '=', decodeGlobalID(result.id).id)
      .executeTakeFirstOrThrow();
    expect(event.reason).toBe(`VALIDATION: ${rows.length + 1} errors in the file`);
    expect(JSON.stringify(event)).not.toContain('QQ123456C');
  });

  it('runs a dry run in full and rolls it back: it shows what would change and stores nothing', async () => {
    const csv = csvOf([
      filled('D01'),
      filled('0001', { Salary: '41000', 'Post Title': 'Senior Social Worker' }),
    ]);
    const before = await workforce();
    const result = await runImport('dry.csv', csv, true);
    expect(result).toMatchObject({ status: 'SUCCEEDED', dryRun: true });
    expect(result.counts).toMatchObject({
      postsInserted: 1,
      postsUpdated: 1,
      employeesInserted: 1,
      employeesUpdated: 1,
    });
    expect(result.message).toMatch(/^Dry run: nothing was written/);
    expect(result.changes).toContainEqual({
      row: 3,
      kind: 'POST',
      key: 'PT0001',
      action: 'UPDATE',
      fields: ['title'],
    });
    expect(result.changes).toContainEqual({
      row: 3,
      kind: 'EMPLOYEE',
      key: 'TT0001',
      action: 'UPDATE',
      fields: ['salary'],
    });
    expect(await workforce()).toBe(before);
    const writes = await api.handle.db
      .selectFrom('audit_event')
      .select('id')
      .where('kind', '=', 'WRITE')
      .where('entity_id', '=', decodeGlobalID(result.id).id)
      .execute();
    expect(writes).toEqual([]);
  });

  it('takes a 20,000-row file through GraphQL: the base64 body fits, every row is checked and applied', async () => {
    const teams = await api.handle.db
      .selectFrom('team')
      .innerJoin('service', 'service.id', 'team.service_id')
      .select(['team.name as team', 'service.name as service'])
      .orderBy('team.name')
      .execute();
    const rows: Values[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = teams[i % teams.length]!;
      const n = String(i).padStart(6, '0');
      rows.push(
        i % 7 === 0
          ? vacant(`L${n}`, { Team: t.team, Service: t.service })
          : filled(`L${n}`, {
              Team: t.team,
              Service: t.service,
              'NI Number': `AB${n}C`,
              Salary: String(20_000 + i),
            }),
      );
    }
    const result = await runImport('large.csv', csvOf(rows));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', rowsTotal: 20_000, rowsDone: 20_000 });
    expect(result.counts).toMatchObject({
      postsInserted: 20_000,
      employeesInserted: 20_000 - Math.ceil(20_000 / 7),
    });
    expect(result.changeCount).toBe(20_000 + 20_000 - Math.ceil(20_000 / 7));
    const stored = await api.handle.db
      .selectFrom('employee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('payroll_number', 'like', 'TTL%')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(20_000 - Math.ceil(20_000 / 7));
  }, 120_000);

  it('reports progress as it checks and then applies, every 500 rows, and ends with every row done', async () => {
    const rows: Values[] = [];
    for (let i = 0; i < 1_600; i++) rows.push(vacant(`G${String(i).padStart(5, '0')}`));
    const bytes = new TextEncoder().encode(csvOf(rows));
    const job = await createImportJob(
      api.handle.db,
      { programmeId: programmeIdRaw(), fileName: 'progress.csv', bytes, dryRun: true },
      null,
      new Date(),
    );
    const seen: { status: string; rowsDone: number; rowsTotal: number | null }[] = [];
    const done = await runJob(
      { db: api.handle.db, now: () => new Date(), onProgress: (p) => seen.push(p) },
      job,
      bytes,
    );
    expect(done).toMatchObject({ status: 'SUCCEEDED', rows_total: 1_600, rows_done: 1_600 });
    const checking = seen
      .filter((p) => p.status === 'CHECKING' && p.rowsTotal === 1_600)
      .map((p) => p.rowsDone);
    expect(checking).toEqual([0, 500, 1_000, 1_500, 1_600]);
    const applying = seen.filter((p) => p.status === 'APPLYING').map((p) => p.rowsDone);
    expect(applying.length).toBeGreaterThan(2);
    expect(applying).toEqual([...applying].sort((a, b) => a - b));
    expect(applying.at(-1)).toBe(1_600);
  });

  it('marks an import left running by a stopped API as FAILED, saying nothing was written', async () => {
    const hrUser = await api.handle.db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'HR')
      .executeTakeFirstOrThrow();
    const left = await api.handle.db
      .insertInto('hr_import')
      .values(
        (['QUEUED', 'CHECKING', 'APPLYING'] as const).map((status) => ({
          programme_id: programmeIdRaw(),
          file_name: `${status}.csv`,
          file_size: 10,
          sha256: 'a'.repeat(64),
          uploaded_by: hrUser.id,
          dry_run: false,
          status,
        })),
      )
      .returning('id')
      .execute();
    expect(await failInterruptedImports(api.handle.db, new Date())).toBe(3);
    const rows = await api.handle.db
      .selectFrom('hr_import')
      .select(['status', 'message', 'finished_at'])
      .where(
        'id',
        'in',
        left.map((r) => r.id),
      )
      .execute();
    expect(
      rows.every((r) => r.status === 'FAILED' && r.message === INTERRUPTED && r.finished_at !== null),
    ).toBe(true);
    // Finished imports are left as they were.
    expect(await failInterruptedImports(api.handle.db, new Date())).toBe(0);
  });

  it('on a shared PostgreSQL, fails only the jobs whose heartbeat stopped, not those another instance runs', async () => {
    const hrUser = await api.handle.db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'HR')
      .executeTakeFirstOrThrow();
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const jobs = await api.handle.db
      .insertInto('hr_import')
      .values(
        [
          { name: 'alive.csv', heartbeat_at: ago(5_000), created_at: ago(600_000) },
          { name: 'stopped.csv', heartbeat_at: ago(STALE_AFTER_MS + 1_000), created_at: ago(600_000) },
          { name: 'queued-just-now.csv', heartbeat_at: null, created_at: ago(1_000) },
          { name: 'queued-long-ago.csv', heartbeat_at: null, created_at: ago(STALE_AFTER_MS * 5) },
        ].map((j) => ({
          programme_id: programmeIdRaw(),
          file_name: j.name,
          file_size: 10,
          sha256: 'b'.repeat(64),
          uploaded_by: hrUser.id,
          dry_run: false,
          status: 'CHECKING' as const,
          heartbeat_at: j.heartbeat_at,
          created_at: j.created_at,
        })),
      )
      .returning(['id', 'file_name'])
      .execute();
    expect(await failInterruptedImports(api.handle.db, now, { staleAfterMs: STALE_AFTER_MS })).toBe(2);
    const rows = await api.handle.db
      .selectFrom('hr_import')
      .select(['file_name', 'status'])
      .where(
        'id',
        'in',
        jobs.map((j) => j.id),
      )
      .orderBy('file_name')
      .execute();
    expect(rows).toEqual([
      { file_name: 'alive.csv', status: 'CHECKING' },
      { file_name: 'queued-just-now.csv', status: 'CHECKING' },
      { file_name: 'queued-long-ago.csv', status: 'FAILED' },
      { file_name: 'stopped.csv', status: 'FAILED' },
    ]);
    // Leave nothing running for the tests after this one.
    expect(await failInterruptedImports(api.handle.db, now)).toBe(2);
  });

  it('stamps the heartbeat of a job as it runs', async () => {
    const job = await api.handle.db
      .selectFrom('hr_import')
      .select(['heartbeat_at', 'created_at'])
      .where('status', '=', 'SUCCEEDED')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    // Every write of a running job stamps it (in real time): a finished job keeps its last.
    expect(job.heartbeat_at).toBeInstanceOf(Date);
    expect(job.heartbeat_at!.getTime()).toBeGreaterThanOrEqual(job.created_at.getTime());
    expect(job.heartbeat_at!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses what cannot be imported at once: an empty file, not base64, not a CSV or workbook name, an unknown programme', async () => {
    const ask = (input: Record<string, unknown>) =>
      api.gql<{ startHrImport: { __typename: string; field?: string; message?: string } }>(
        'mutation ($input: StartHrImportInput!) { startHrImport(input: $input) { __typename ... on ValidationError { field message } } }',
        { input: { programmeId, fileName: 'x.csv', contentBase64: b64('a,b\n'), ...input } },
        hr,
      );
    expect((await ask({ contentBase64: 'not base64!' })).data?.startHrImport).toMatchObject({
      __typename: 'ValidationError',
      field: 'contentBase64',
    });
    // An empty upload is called empty, not "not base64".
    expect((await ask({ contentBase64: '' })).data?.startHrImport).toEqual({
      __typename: 'ValidationError',
      field: 'contentBase64',
      message: 'contentBase64: the file is empty: it has no content to import',
    });
    expect((await ask({ fileName: 'staff.pdf' })).data?.startHrImport).toMatchObject({
      __typename: 'ValidationError',
      field: 'fileName',
    });
    expect(
      (await ask({ programmeId: 'UHJvZ3JhbW1lOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA==' })).data
        ?.startHrImport,
    ).toMatchObject({ __typename: 'ValidationError', field: 'programmeId' });
  });

  it('is HR’s alone: other roles may neither start an import nor read one', async () => {
    const list = await api.gql<{ hrImports: { totalCount: number; edges: { node: { id: string } }[] } }>(
      'query ($p: ID!) { hrImports(programmeId: $p, first: 1) { totalCount edges { node { id } } } }',
      { p: programmeId },
      hr,
    );
    expect(list.data!.hrImports.totalCount).toBeGreaterThan(0);
    const id = list.data!.hrImports.edges[0]!.node.id;
    for (const role of ['ADMIN', 'EDITOR', 'VIEWER'] as const) {
      const token = await api.login(role);
      const start = await api.gql(
        'mutation ($input: StartHrImportInput!) { startHrImport(input: $input) { __typename } }',
        { input: { programmeId, fileName: 'x.csv', contentBase64: b64(csvOf([filled('Z01')])) } },
        token,
      );
      expect(start.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const read = await api.gql(
        'query ($id: ID!) { hrImport(id: $id) { status errors { value } } }',
        { id },
        token,
      );
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(read.data?.hrImport ?? null).toBeNull();
    }
    const rows = await api.handle.db
      .selectFrom('post')
      .select('id')
      .where('post_number', '=', 'PTZ01')
      .execute();
    expect(rows).toEqual([]);
  });

  let rawProgramme = '';
  function programmeIdRaw(): string {
    rawProgramme ||= decodeGlobalID(programmeId).id;
    return rawProgramme;
  }

  async function teamOf(serviceKey: string): Promise<string> {
    const t = await api.handle.db
      .selectFrom('team')
      .innerJoin('service', 'service.id', 'team.service_id')
      .select('team.name')
      .where('service.key', '=', serviceKey)
      .orderBy('team.name')
      .executeTakeFirstOrThrow();
    return t.name;
  }
});
