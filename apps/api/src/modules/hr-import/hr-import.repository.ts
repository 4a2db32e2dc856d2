/**
 * The HR import's SQL: the job rows, the programme's services and teams,
 * and the apply: posts by post number and employees by payroll number,
 * inserted or updated in batches of upserts (one statement per batch of
 * rows), unchanged rows left alone.
 */
import {
  EMPLOYEE_COLUMNS,
  HR_IMPORT_COLUMNS,
  POST_COLUMNS,
  type Database,
  type Employee,
  type HrImport,
  type HrImportStatus,
  type Post,
} from '@handover/db';
import type { ContractType, ServiceDisposition, ServiceTransferStatus, TupeStatus } from '@handover/domain';
import { londonDate } from '@handover/domain';
import { sql, type Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';
import type { ImportEmployee, ImportRow, ReferenceData } from './validate.ts';

// ---------------------------------------------------------------------------------------------
// Job rows.

export interface NewImport {
  programmeId: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  uploadedBy: string | null;
  dryRun: boolean;
}

export async function insertImport(db: Kysely<Database>, input: NewImport, now: Date): Promise<HrImport> {
  return db
    .insertInto('hr_import')
    .values({
      programme_id: input.programmeId,
      file_name: input.fileName,
      file_size: input.fileSize,
      sha256: input.sha256,
      uploaded_by: input.uploadedBy,
      dry_run: input.dryRun,
      status: 'QUEUED',
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ImportUpdate {
  status?: HrImportStatus;
  rowsTotal?: number | null;
  rowsDone?: number;
  counts?: Record<string, number> | null;
  changes?: unknown[];
  changeCount?: number;
  errors?: unknown[];
  errorCount?: number;
  message?: string | null;
  finishedAt?: Date | null;
}

export async function updateImport(db: Kysely<Database>, id: string, u: ImportUpdate): Promise<void> {
  await db
    .updateTable('hr_import')
    .set({
      ...(u.status !== undefined ? { status: u.status } : {}),
      ...(u.rowsTotal !== undefined ? { rows_total: u.rowsTotal } : {}),
      ...(u.rowsDone !== undefined ? { rows_done: u.rowsDone } : {}),
      ...(u.counts !== undefined ? { counts: u.counts === null ? null : JSON.stringify(u.counts) } : {}),
      ...(u.changes !== undefined ? { changes: JSON.stringify(u.changes) } : {}),
      ...(u.changeCount !== undefined ? { change_count: u.changeCount } : {}),
      ...(u.errors !== undefined ? { errors: JSON.stringify(u.errors) } : {}),
      ...(u.errorCount !== undefined ? { error_count: u.errorCount } : {}),
      ...(u.message !== undefined ? { message: u.message } : {}),
      ...(u.finishedAt !== undefined ? { finished_at: u.finishedAt } : {}),
      // Every write of the running job says its process is alive (real time: the programme's today may be fixed).
      heartbeat_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function importsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<HrImport[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('hr_import').select(HR_IMPORT_COLUMNS).where('id', 'in', valid).execute();
}

export async function listImports(
  db: Kysely<Database>,
  programmeId: string,
  page: { limit: number; offset: number },
): Promise<HrImport[]> {
  return db
    .selectFrom('hr_import')
    .select(HR_IMPORT_COLUMNS)
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countImports(db: Kysely<Database>, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('hr_import')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first real (not dry-run) import of this very file that succeeded, if any. */
export async function earlierSuccess(
  db: Kysely<Database>,
  programmeId: string,
  sha256: string,
  before: string,
): Promise<{ created_at: Date } | undefined> {
  return db
    .selectFrom('hr_import')
    .select('created_at')
    .where('programme_id', '=', programmeId)
    .where('sha256', '=', sha256)
    .where('status', '=', 'SUCCEEDED')
    .where('dry_run', '=', false)
    .where('id', '!=', before)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

export const INTERRUPTED = 'interrupted (the API stopped while it ran); nothing was written';

/** A job whose rows were committed but whose end was not recorded at once (`why`: what came between). */
export const writtenBeforeStop = (
  counts: string,
  why = 'the API stopped before it recorded the end of this import',
) => `Imported: ${counts}. (${why[0]!.toUpperCase()}${why.slice(1)}; its rows were written.)`;

/** How often the process running a job stamps its heartbeat. */
export const HEARTBEAT_MS = 10_000;
/** A running job whose heartbeat is older than this has lost its process (six beats missed). */
export const STALE_AFTER_MS = 60_000;

/**
 * The imports among `ids` whose rows were committed, with the counts written: the WRITE audit event
 * is recorded inside the apply transaction, so it exists exactly when the rows do.
 */
export async function committedImports(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('audit_event')
    .select(['entity_id', 'reason'])
    .where('kind', '=', 'WRITE')
    .where('entity_type', '=', 'HrImport')
    .where('entity_id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.entity_id!, r.reason ?? '']));
}

/**
 * Imports left running by a process that stopped are ended, saying what was written: SUCCEEDED when
 * their transaction had committed (its audit event says so), else FAILED, nothing written.
 * With `staleAfterMs`, only jobs whose heartbeat (or, before the first, creation) is older than that:
 * the others may be running in another API instance sharing the database. Without it, every job
 * left running: for a database only this process can open (PGlite), at start. Answers how many.
 */
export async function failInterruptedImports(
  db: Kysely<Database>,
  now: Date,
  options: { staleAfterMs?: number } = {},
): Promise<number> {
  let q = db.selectFrom('hr_import').select('id').where('status', 'in', ['QUEUED', 'CHECKING', 'APPLYING']);
  if (options.staleAfterMs !== undefined) {
    const before = new Date(now.getTime() - options.staleAfterMs);
    q = q.where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'created_at'), '<', before));
  }
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length === 0) return 0;
  const committed = await committedImports(db, ids);
  let ended = 0;
  for (const [id, counts] of committed) {
    const rows = await db
      .updateTable('hr_import')
      .set({ status: 'SUCCEEDED', message: writtenBeforeStop(counts), finished_at: now })
      .where('id', '=', id)
      .where('status', 'in', ['QUEUED', 'CHECKING', 'APPLYING'])
      .returning('id')
      .execute();
    ended += rows.length;
  }
  const failed = ids.filter((id) => !committed.has(id));
  if (failed.length > 0) {
    const rows = await db
      .updateTable('hr_import')
      .set({ status: 'FAILED', message: INTERRUPTED, finished_at: now })
      .where('id', 'in', failed)
      .where('status', 'in', ['QUEUED', 'CHECKING', 'APPLYING'])
      .returning('id')
      .execute();
    ended += rows.length;
  }
  return ended;
}

// ---------------------------------------------------------------------------------------------
// What a file refers to.

export interface ImportService {
  id: string;
  key: string;
  name: string;
  disposition: ServiceDisposition;
  transfer_status: ServiceTransferStatus;
}

export interface ProgrammeReference extends ReferenceData {
  services: ImportService[];
}

export async function programmeOf(
  db: Kysely<Database>,
  programmeId: string,
): Promise<{ id: string; transfer_at: Date } | undefined> {
  const [id] = onlyUuids([programmeId]);
  if (!id) return undefined;
  return db.selectFrom('programme').select(['id', 'transfer_at']).where('id', '=', id).executeTakeFirst();
}

export async function loadReference(db: Kysely<Database>, programmeId: string): Promise<ProgrammeReference> {
  const programme = await db
    .selectFrom('programme')
    .select('transfer_at')
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const services = await db
    .selectFrom('service')
    .select(['id', 'key', 'name', 'disposition', 'transfer_status'])
    .where('programme_id', '=', programmeId)
    .orderBy('name')
    .execute();
  const teams = await db
    .selectFrom('team')
    .innerJoin('service', 'service.id', 'team.service_id')
    .select(['team.id', 'team.service_id', 'team.name'])
    .where('service.programme_id', '=', programmeId)
    .orderBy('team.name')
    .execute();
  return { services, teams, transferDate: londonDate(programme.transfer_at) };
}

// ---------------------------------------------------------------------------------------------
// The apply.

/** Rows per INSERT ... ON CONFLICT statement. */
export const BATCH_SIZE = 500;

export interface ApplyCounts {
  postsInserted: number;
  postsUpdated: number;
  postsUnchanged: number;
  employeesInserted: number;
  employeesUpdated: number;
  employeesUnchanged: number;
  /** Employees of the programme that the file does not list: kept, never deleted. */
  employeesNotInFile: number;
}

/** One row that changes: the post or employee, by its number, and the names of the fields that change. */
export interface ImportChange {
  row: number;
  kind: 'POST' | 'EMPLOYEE';
  key: string;
  action: 'INSERT' | 'UPDATE';
  fields: string[];
}

export interface ApplyResult {
  counts: ApplyCounts;
  changes: ImportChange[];
}

/** The TUPE status a new employee starts with, from their service: see provisional.ts. */
export type ProvisionalStatus = (service: ImportService, contractType: ContractType) => TupeStatus;

type PostValues = Pick<Post, 'team_id' | 'title' | 'grade' | 'fte' | 'cost_centre' | 'vacant'>;
const POST_FIELDS = ['team_id', 'title', 'grade', 'fte', 'cost_centre', 'vacant'] as const;

type EmployeeValues = Pick<
  Employee,
  | 'post_id'
  | 'first_name'
  | 'last_name'
  | 'date_of_birth'
  | 'ni_number'
  | 'contract_type'
  | 'start_date'
  | 'continuous_service_date'
  | 'fte'
  | 'salary'
  | 'pension_scheme'
  | 'pension_number'
>;
const EMPLOYEE_FIELDS = [
  'post_id',
  'first_name',
  'last_name',
  'date_of_birth',
  'ni_number',
  'contract_type',
  'start_date',
  'continuous_service_date',
  'fte',
  'salary',
  'pension_scheme',
  'pension_number',
] as const;

const sameValue = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 0.0005 : a === b;

function changed<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((f) => !sameValue(before[f], after[f])).map(String);
}

/**
 * Lets the event loop run between statements: PGlite answers in the API's own thread, so without this
 * an apply would hold the loop (and any abort) from its first statement to its last.
 */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const employeeValues = (e: ImportEmployee, postId: string): EmployeeValues => ({
  post_id: postId,
  first_name: e.firstName,
  last_name: e.lastName,
  date_of_birth: e.dateOfBirth,
  ni_number: e.niNumber,
  contract_type: e.contractType,
  start_date: e.startDate,
  continuous_service_date: e.continuousServiceDate,
  fte: e.fte,
  salary: e.salary,
  pension_scheme: e.pensionScheme,
  pension_number: e.pensionNumber,
});

/**
 * Applies checked rows to the programme, on `trx` (the caller's
 * transaction). Posts first (new ones get their ids), then employees.
 * Existing employees keep their assignment and TUPE fields; new ones have
 * no assignment decision yet and the provisional TUPE status of their
 * service. `progress` is told the rows applied after each batch.
 */
export async function applyRows(
  trx: Kysely<Database>,
  programmeId: string,
  rows: readonly ImportRow[],
  options: {
    now: Date;
    services: readonly ImportService[];
    provisionalStatus: ProvisionalStatus;
    progress?: (rowsDone: number) => void;
    /** Checked before each statement: when aborted, the apply throws and its transaction rolls back. */
    signal?: AbortSignal;
  },
): Promise<ApplyResult> {
  // One import at a time per programme: a second waits for the first to commit.
  await sql`select pg_advisory_xact_lock(hashtext(${`hr_import:${programmeId}`}))`.execute(trx);
  const existingPosts = new Map(
    (await trx.selectFrom('post').select(POST_COLUMNS).where('programme_id', '=', programmeId).execute()).map(
      (p) => [p.post_number, p],
    ),
  );
  const existingEmployees = new Map(
    (
      await trx
        .selectFrom('employee')
        .select(EMPLOYEE_COLUMNS)
        .where('programme_id', '=', programmeId)
        .execute()
    ).map((e) => [e.payroll_number, e]),
  );
  const counts: ApplyCounts = {
    postsInserted: 0,
    postsUpdated: 0,
    postsUnchanged: 0,
    employeesInserted: 0,
    employeesUpdated: 0,
    employeesUnchanged: 0,
    employeesNotInFile: 0,
  };
  const changes: ImportChange[] = [];
  // Progress in rows: the posts are the first half of the work, the employees the second.
  const half = Math.floor(rows.length / 2);
  const report = (share: number, of: number, from: number, span: number) =>
    options.progress?.(from + (of === 0 ? span : Math.round((share / of) * span)));

  // Posts.
  const postWrites: (PostValues & { post_number: string })[] = [];
  const postIds = new Map<string, string>();
  for (const r of rows) {
    const values: PostValues = {
      team_id: r.teamId,
      title: r.title,
      grade: r.grade,
      fte: r.fte,
      cost_centre: r.costCentre,
      vacant: r.employee === null,
    };
    const before = existingPosts.get(r.postNumber);
    if (!before) {
      counts.postsInserted += 1;
      changes.push({
        row: r.row,
        kind: 'POST',
        key: r.postNumber,
        action: 'INSERT',
        fields: [...POST_FIELDS],
      });
      postWrites.push({ ...values, post_number: r.postNumber });
      continue;
    }
    postIds.set(r.postNumber, before.id);
    const fields = changed(before, values as Post, POST_FIELDS);
    if (fields.length === 0) counts.postsUnchanged += 1;
    else {
      counts.postsUpdated += 1;
      changes.push({ row: r.row, kind: 'POST', key: r.postNumber, action: 'UPDATE', fields });
      postWrites.push({ ...values, post_number: r.postNumber });
    }
  }
  let postsWritten = 0;
  for (const batch of chunks(postWrites, BATCH_SIZE)) {
    await yieldToLoop();
    options.signal?.throwIfAborted();
    const written = await trx
      .insertInto('post')
      .values(
        batch.map((p) => ({
          ...p,
          programme_id: programmeId,
          created_at: options.now,
          updated_at: options.now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['programme_id', 'post_number']).doUpdateSet((eb) => ({
          team_id: eb.ref('excluded.team_id'),
          title: eb.ref('excluded.title'),
          grade: eb.ref('excluded.grade'),
          fte: eb.ref('excluded.fte'),
          cost_centre: eb.ref('excluded.cost_centre'),
          vacant: eb.ref('excluded.vacant'),
          version: sql<number>`post.version + 1`,
          updated_at: options.now,
        })),
      )
      .returning(['id', 'post_number'])
      .execute();
    for (const p of written) postIds.set(p.post_number, p.id);
    postsWritten += batch.length;
    report(postsWritten, postWrites.length, 0, half);
  }
  report(1, 1, 0, half);

  // Employees.
  const serviceOf = new Map(options.services.map((s) => [s.id, s]));
  const employeeWrites: (EmployeeValues & { payroll_number: string; tupe_status: TupeStatus })[] = [];
  const inFile = new Set<string>();
  for (const r of rows) {
    if (!r.employee) continue;
    const e = r.employee;
    inFile.add(e.payrollNumber);
    const values = employeeValues(e, postIds.get(r.postNumber)!);
    const before = existingEmployees.get(e.payrollNumber);
    if (!before) {
      counts.employeesInserted += 1;
      const fields = EMPLOYEE_FIELDS.filter((f) => values[f] !== null);
      changes.push({
        row: r.row,
        kind: 'EMPLOYEE',
        key: e.payrollNumber,
        action: 'INSERT',
        fields: [...fields, 'tupe_status'],
      });
      employeeWrites.push({
        ...values,
        payroll_number: e.payrollNumber,
        tupe_status: options.provisionalStatus(serviceOf.get(r.serviceId)!, e.contractType),
      });
      continue;
    }
    const fields = changed(before, values as Employee, EMPLOYEE_FIELDS);
    if (fields.length === 0) counts.employeesUnchanged += 1;
    else {
      counts.employeesUpdated += 1;
      changes.push({ row: r.row, kind: 'EMPLOYEE', key: e.payrollNumber, action: 'UPDATE', fields });
      // tupe_status is needed by the insert half of the statement; the update half never sets it.
      employeeWrites.push({ ...values, payroll_number: e.payrollNumber, tupe_status: before.tupe_status });
    }
  }
  counts.employeesNotInFile = [...existingEmployees.keys()].filter((k) => !inFile.has(k)).length;
  let written = 0;
  for (const batch of chunks(employeeWrites, BATCH_SIZE)) {
    await yieldToLoop();
    options.signal?.throwIfAborted();
    await trx
      .insertInto('employee')
      .values(
        batch.map((e) => ({
          ...e,
          programme_id: programmeId,
          assignment_decision: null,
          assignment_rationale: null,
          created_at: options.now,
          updated_at: options.now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['programme_id', 'payroll_number']).doUpdateSet((eb) => ({
          post_id: eb.ref('excluded.post_id'),
          first_name: eb.ref('excluded.first_name'),
          last_name: eb.ref('excluded.last_name'),
          date_of_birth: eb.ref('excluded.date_of_birth'),
          ni_number: eb.ref('excluded.ni_number'),
          contract_type: eb.ref('excluded.contract_type'),
          start_date: eb.ref('excluded.start_date'),
          continuous_service_date: eb.ref('excluded.continuous_service_date'),
          fte: eb.ref('excluded.fte'),
          salary: eb.ref('excluded.salary'),
          pension_scheme: eb.ref('excluded.pension_scheme'),
          pension_number: eb.ref('excluded.pension_number'),
          version: sql<number>`employee.version + 1`,
          updated_at: options.now,
        })),
      )
      .execute();
    written += batch.length;
    report(written, employeeWrites.length, half, rows.length - half);
  }
  report(1, 1, half, rows.length - half);
  return { counts, changes };
}
