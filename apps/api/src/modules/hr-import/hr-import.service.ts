/**
 * The HR import as a job: the upload is checked for size and recorded
 * (QUEUED), then, in the background of the API process, read and checked
 * row by row (CHECKING, progress every 500 rows), and, when every row is
 * right, applied in one transaction (APPLYING). A file with any error is
 * REFUSED with its report and nothing is written; a dry run applies and
 * rolls back, answering what would change. The command line runs the same
 * job in the foreground.
 *
 * Progress is written to the job row outside the apply transaction, so
 * another connection sees it; on PGlite (one connection) the process also
 * keeps it in memory for `hrImport` to answer while the apply runs.
 */
import { createHash } from 'node:crypto';
import { HR_IMPORT_COLUMNS, type Database, type HrImport, type HrImportStatus } from '@handover/db';
import { formatCount, ukLongDate } from '@handover/domain';
import type { Kysely } from 'kysely';
import { ValidationError } from '../../schema/errors.ts';
import {
  recordAudit,
  type AuditActor,
  type AuditEventInput,
  type AuditScope,
} from '../audit/audit.service.ts';
import { MAX_FILE_BYTES } from './columns.ts';
import {
  applyRows,
  committedImports,
  earlierSuccess,
  insertImport,
  loadReference,
  programmeOf,
  updateImport,
  writtenBeforeStop,
  type ApplyCounts,
  type ApplyResult,
  type ImportChange,
  HEARTBEAT_MS,
} from './hr-import.repository.ts';
import { MAX_SENT_ERRORS, checkInWorker } from './check.ts';
import { provisionalTupeStatus } from './provisional.ts';
import type { ImportError } from './validate.ts';

/** Stored with the job (the totals are kept too): enough to read on screen and download. */
export const MAX_STORED_ERRORS = MAX_SENT_ERRORS;
export const MAX_STORED_CHANGES = 5_000;

export interface StartImportInput {
  programmeId: string;
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
}

export interface JobScope extends AuditScope {
  now: () => Date;
  /** Who the audit trail names; the request's viewer by default. The command line names itself. */
  actor?: AuditActor;
  /** The operation the audit trail records. */
  operation?: string;
  /** Told each change of status and progress (the command line prints it). */
  onProgress?: (p: LiveProgress) => void;
  /** Unexpected errors (the job is marked FAILED). */
  logError?: (error: unknown) => void;
  /** Aborted when the API stops and the job has not finished within the grace: it rolls back. */
  signal?: AbortSignal;
}

export interface LiveProgress {
  status: HrImportStatus;
  rowsDone: number;
  rowsTotal: number | null;
}

/** Decodes base64 content, refusing anything that is not base64. */
export function decodeBase64(content: string, field: string): Uint8Array {
  const clean = content.replace(/\s+/g, '');
  if (clean === '') throw new ValidationError(field, 'the file is empty: it has no content to import');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new ValidationError(field, 'is not base64-encoded file content');
  }
  return Buffer.from(clean, 'base64');
}

/** Checks what can be checked at once and records the job: QUEUED. */
export async function createImportJob(
  db: Kysely<Database>,
  input: StartImportInput,
  uploadedBy: string | null,
  now: Date,
): Promise<HrImport> {
  const fileName = input.fileName.trim().replace(/^.*[\\/]/, '');
  if (fileName === '' || fileName.length > 255) {
    throw new ValidationError('fileName', 'give the file’s name (at most 255 characters)');
  }
  if (!/\.(csv|txt|xlsx)$/i.test(fileName)) {
    throw new ValidationError('fileName', `"${fileName}" is not a .csv or .xlsx file`);
  }
  if (input.bytes.byteLength === 0) throw new ValidationError('contentBase64', 'the file is empty');
  if (input.bytes.byteLength > MAX_FILE_BYTES) {
    throw new ValidationError(
      'contentBase64',
      `the file is ${(input.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1024 / 1024} MB can be imported`,
    );
  }
  if (!(await programmeOf(db, input.programmeId))) {
    throw new ValidationError('programmeId', 'no programme has this id');
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return insertImport(
    db,
    {
      programmeId: input.programmeId,
      fileName,
      fileSize: input.bytes.byteLength,
      sha256,
      uploadedBy,
      dryRun: input.dryRun,
    },
    now,
  );
}

// ---------------------------------------------------------------------------------------------
// Running in the background of this process.

const live = new Map<string, LiveProgress>();
const running = new Map<string, Promise<HrImport>>();
const stoppers = new Map<string, AbortController>();
/** Set once the shutdown grace has passed: a job starting after it is rolled back at once. */
let stopNow = false;

/** What the job is doing now, if it runs in this process. */
export const liveProgress = (id: string): LiveProgress | undefined => live.get(id);

/** Resolves when the job (run in this process) has finished; at once if it is not running here. */
export async function waitForImport(id: string): Promise<void> {
  await running.get(id);
}

/** Starts the job without waiting for it; `waitForImport` waits, `drainImports` waits for them all. */
export function startInBackground(scope: JobScope, job: HrImport, bytes: Uint8Array): void {
  const stopper = new AbortController();
  if (stopNow) stopper.abort(new Error('the API is stopping'));
  stoppers.set(job.id, stopper);
  const done = new Promise<HrImport>((resolve) =>
    setImmediate(() => resolve(runImport({ ...scope, signal: stopper.signal }, job, bytes))),
  );
  running.set(job.id, done);
  void done.finally(() => {
    running.delete(job.id);
    stoppers.delete(job.id);
  });
}

/** How long a stopping API lets running imports finish before it rolls them back. */
export const DRAIN_GRACE_MS = 6_000;

/** Why a job stopped by the API stopping ended. */
export const STOPPED =
  'The API stopped while this import ran: it was rolled back and nothing was written. Upload the file again.';

/**
 * For shutdown, before the database closes: waits for the imports running in this process to finish,
 * and rolls back those still running after `graceMs` (each then ends FAILED, saying nothing was
 * written). Resolves when every job has recorded its end; answers how many there were.
 */
export async function drainImports(options: { graceMs?: number } = {}): Promise<number> {
  const seen = new Set<string>();
  const timer = setTimeout(() => {
    stopNow = true;
    for (const stopper of stoppers.values()) stopper.abort(new Error('the API is stopping'));
  }, options.graceMs ?? DRAIN_GRACE_MS);
  // Jobs started while others finish (a request that was already under way) are waited for too.
  while (running.size > 0) {
    for (const id of running.keys()) seen.add(id);
    await Promise.allSettled([...running.values()]);
  }
  clearTimeout(timer);
  stopNow = false;
  return seen.size;
}

class DryRunRollback extends Error {
  readonly result: ApplyResult;
  constructor(result: ApplyResult) {
    super('dry run: rolled back');
    this.result = result;
  }
}

const n = formatCount;
const formatCounts = (c: ApplyCounts) =>
  `posts: ${n(c.postsInserted)} new, ${n(c.postsUpdated)} changed, ${n(c.postsUnchanged)} unchanged; ` +
  `employees: ${n(c.employeesInserted)} new, ${n(c.employeesUpdated)} changed, ${n(c.employeesUnchanged)} unchanged, ` +
  `${n(c.employeesNotInFile)} not in this file`;
const nothingChanged = (c: ApplyCounts) =>
  c.postsInserted + c.postsUpdated + c.employeesInserted + c.employeesUpdated === 0;

/** The names of the fields a set of changes touches, e.g. `employee.salary`. Names, never values. */
export const changedFieldNames = (changes: readonly ImportChange[]): string[] =>
  [...new Set(changes.flatMap((c) => c.fields.map((f) => `${c.kind.toLowerCase()}.${f}`)))].sort();

/**
 * Runs a recorded job to its end: SUCCEEDED, REFUSED or FAILED. Never
 * throws: an unexpected error marks the job FAILED (the transaction has
 * rolled back, so nothing was written).
 */
export async function runImport(scope: JobScope, job: HrImport, bytes: Uint8Array): Promise<HrImport> {
  const { db } = scope;
  const operation = scope.operation ?? 'startHrImport';
  const audit = (event: AuditEventInput, on: Kysely<Database> = db) =>
    recordAudit({ ...scope, db: on }, { ...event, ...(scope.actor ? { actor: scope.actor } : {}) });
  const state: LiveProgress = { status: 'CHECKING', rowsDone: 0, rowsTotal: null };
  const tell = () => {
    live.set(job.id, { ...state });
    scope.onProgress?.({ ...state });
  };
  const pending: Promise<unknown>[] = [];
  // The heartbeat, between the writes that stamp it too: another instance then knows this job is alive.
  const beat = setInterval(() => {
    pending.push(updateImport(db, job.id, {}).catch(() => {}));
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    tell();
    await updateImport(db, job.id, { status: 'CHECKING', rowsDone: 0 });

    const refuse = async (errors: ImportError[], message: string, errorCount = errors.length) => {
      await updateImport(db, job.id, {
        status: 'REFUSED',
        errors: errors.slice(0, MAX_STORED_ERRORS),
        errorCount,
        message,
        finishedAt: scope.now(),
      });
      await audit({
        kind: 'REFUSED',
        operation,
        entityType: 'HrImport',
        entityId: job.id,
        reason: `VALIDATION: ${errorCount} error${errorCount === 1 ? '' : 's'} in the file`,
      });
    };

    // Read and checked in a worker thread: the API's event loop only relays its progress.
    const reference = await loadReference(db, job.programme_id);
    let recorded: Promise<unknown> = Promise.resolve();
    const record = (u: Parameters<typeof updateImport>[2]) => {
      // In order, one at a time, each a short statement of its own (no transaction is open yet).
      recorded = recorded.then(() => updateImport(db, job.id, u));
    };
    const outcome = await checkInWorker(
      { bytes, fileName: job.file_name, reference },
      {
        ...(scope.signal ? { signal: scope.signal } : {}),
        onTotal: (rowsTotal) => {
          state.rowsTotal = rowsTotal;
          tell();
          record({ rowsTotal });
        },
        onProgress: (done) => {
          state.rowsDone = done;
          tell();
          record({ rowsDone: done });
        },
      },
    );
    await recorded;
    if (outcome.kind === 'unreadable') {
      await refuse(
        [{ row: outcome.row, column: '', value: '', message: outcome.message, personal: false }],
        `The file was refused: ${outcome.message}. Nothing was written.`,
      );
      return finish(db, job.id);
    }
    const checked = outcome;
    if (checked.errorCount > 0) {
      const n = checked.errorCount;
      await refuse(
        checked.errors,
        `The file has ${n.toLocaleString('en-GB')} error${n === 1 ? '' : 's'}: nothing was written. Correct them and upload the file again.`,
        n,
      );
      return finish(db, job.id);
    }

    state.status = 'APPLYING';
    state.rowsDone = 0;
    tell();
    await updateImport(db, job.id, { status: 'APPLYING', rowsDone: 0 });
    let lastReported = 0;
    const progress = (done: number) => {
      state.rowsDone = done;
      tell();
      if (done - lastReported < 500 && done !== checked.rows.length) return;
      lastReported = done;
      // Not awaited: the apply transaction goes on while another connection records the progress.
      pending.push(updateImport(db, job.id, { rowsDone: done }).catch(() => {}));
    };

    let result: ApplyResult;
    try {
      result = await db.transaction().execute(async (trx) => {
        const applied = await applyRows(trx, job.programme_id, checked.rows, {
          now: scope.now(),
          services: reference.services,
          provisionalStatus: provisionalTupeStatus,
          progress,
          ...(scope.signal ? { signal: scope.signal } : {}),
        });
        if (job.dry_run) throw new DryRunRollback(applied);
        await audit(
          {
            kind: 'WRITE',
            operation,
            entityType: 'HrImport',
            entityId: job.id,
            fields: changedFieldNames(applied.changes),
            reason: formatCounts(applied.counts),
          },
          trx,
        );
        return applied;
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
      result = error.result;
    }
    await Promise.all(pending);

    const { counts, changes } = result;
    let message: string;
    if (nothingChanged(counts)) {
      const earlier = job.dry_run
        ? undefined
        : await earlierSuccess(db, job.programme_id, job.sha256, job.id);
      message = earlier
        ? `This file was already imported on ${ukLongDate(earlier.created_at)}; no changes.`
        : job.dry_run
          ? 'Dry run: the file would change nothing.'
          : 'No changes: every row matches what Handover holds.';
    } else {
      message = job.dry_run
        ? `Dry run: nothing was written. Imported for real, it would change ${formatCounts(counts)}.`
        : `Imported: ${formatCounts(counts)}.`;
    }
    await updateImport(db, job.id, {
      status: 'SUCCEEDED',
      rowsDone: checked.rows.length,
      counts: { ...counts },
      changes: changes.slice(0, MAX_STORED_CHANGES),
      changeCount: changes.length,
      message,
      finishedAt: scope.now(),
    });
    return finish(db, job.id);
  } catch (error) {
    const stopped = scope.signal?.aborted === true;
    if (!stopped) (scope.logError ?? ((e) => console.error('HR import failed', e)))(error);
    await Promise.allSettled(pending);
    // What was written decides the end: the apply's audit event is committed with its rows, or not at all.
    const written = (await committedImports(db, [job.id]).catch(() => new Map<string, string>())).get(job.id);
    await updateImport(
      db,
      job.id,
      written !== undefined
        ? {
            status: 'SUCCEEDED',
            message: writtenBeforeStop(written, 'an error came after the rows were committed'),
            finishedAt: scope.now(),
          }
        : {
            status: 'FAILED',
            message: stopped
              ? STOPPED
              : 'The import failed unexpectedly; nothing was written. Try again, or ask for the API log.',
            finishedAt: scope.now(),
          },
    ).catch(() => {});
    return finish(db, job.id);
  } finally {
    clearInterval(beat);
    live.delete(job.id);
  }
}

async function finish(db: Kysely<Database>, id: string): Promise<HrImport> {
  return db.selectFrom('hr_import').select(HR_IMPORT_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
}
