/**
 * Reads and checks an HR import's file off the event loop, in a worker thread (check.worker.ts): the
 * API keeps answering while a 50,000-row workbook is read. One worker serves the process, started at
 * the first import; its memory is bounded. An abort (the API stopping) ends it at once.
 */
import { Worker } from 'node:worker_threads';
import type { CheckInput, WorkerMessage, WorkerReply, WorkerRequest } from './check.worker.ts';
import type { ImportError, ImportRow } from './validate.ts';

export type CheckOutcome =
  | { kind: 'unreadable'; message: string; row: number }
  | {
      kind: 'checked';
      rowsTotal: number;
      /** Every checked row of a clean file; none when there are errors. */
      rows: ImportRow[];
      /** The first 5,000 errors, and their total. */
      errors: ImportError[];
      errorCount: number;
    };

export interface CheckHooks {
  /** The number of data rows, once the file is read. */
  onTotal?: (rowsTotal: number) => void;
  /** Rows checked so far (every 500, and at the end). */
  onProgress?: (rowsDone: number) => void;
  signal?: AbortSignal;
}

/** Errors sent back with their total: the job keeps no more. */
export const MAX_SENT_ERRORS = 5_000;
/** Checked rows a message carries: the API reads each in a few milliseconds, between other requests. */
export const ROWS_PER_MESSAGE = 1_000;

/** The most memory the worker may use (a 15 MB workbook unpacks to far more than 15 MB). */
export const WORKER_HEAP_MB = 1024;

const WORKER_URL = new URL('./check.worker.ts', import.meta.url);

interface Pending {
  onMessage: (m: WorkerMessage) => void;
  /** The worker is gone: out of memory, or ended. */
  onGone: (error: Error & { code?: string }) => void;
}

interface Shared {
  worker: Worker;
  jobs: Map<number, Pending>;
}

let shared: Shared | null = null;
let nextId = 1;

function theWorker(): Shared {
  if (shared) return shared;
  const worker = new Worker(WORKER_URL, {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  const s: Shared = { worker, jobs: new Map() };
  const gone = (error: Error & { code?: string }) => {
    if (shared === s) shared = null;
    for (const job of [...s.jobs.values()]) job.onGone(error);
    s.jobs.clear();
  };
  worker.on('message', (reply: WorkerReply) => s.jobs.get(reply.id)?.onMessage(reply.message));
  worker.on('error', gone);
  worker.on('exit', (code) => gone(new Error(`the HR import's check worker stopped (exit code ${code})`)));
  shared = s;
  return s;
}

/** Stops the worker (the jobs it runs are told it is gone); the next import starts another. */
export async function stopCheckWorker(): Promise<void> {
  await shared?.worker.terminate();
}

export function checkInWorker(input: CheckInput, hooks: CheckHooks = {}): Promise<CheckOutcome> {
  return new Promise<CheckOutcome>((resolve, reject) => {
    const aborted = () =>
      hooks.signal?.reason instanceof Error ? hooks.signal.reason : new Error('the HR import was stopped');
    if (hooks.signal?.aborted) {
      reject(aborted());
      return;
    }
    const s = theWorker();
    const id = nextId++;
    let rowsTotal = 0;
    const rows: ImportRow[] = [];
    const settle = (fn: () => void) => {
      if (!s.jobs.delete(id)) return;
      hooks.signal?.removeEventListener('abort', onAbort);
      // An idle worker does not keep the process alive.
      if (s.jobs.size === 0) s.worker.unref();
      fn();
    };
    const onAbort = () => {
      settle(() => reject(aborted()));
      // The worker may be deep in a file: stopping it is the only way to stop it at once.
      void s.worker.terminate();
    };
    s.jobs.set(id, {
      onMessage: (m) => {
        if (m.kind === 'total') {
          rowsTotal = m.rowsTotal;
          hooks.onTotal?.(m.rowsTotal);
        } else if (m.kind === 'progress') hooks.onProgress?.(m.rowsDone);
        else if (m.kind === 'rows') {
          for (const r of m.rows) rows.push(r);
          s.worker.postMessage({ id, next: true } satisfies WorkerRequest);
        } else if (m.kind === 'unreadable') settle(() => resolve(m));
        else if (m.kind === 'failed') settle(() => reject(new Error(m.message)));
        else {
          const { errors, errorCount } = m;
          settle(() => resolve({ kind: 'checked', rowsTotal, rows, errors, errorCount }));
        }
      },
      onGone: (error) =>
        settle(() =>
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? resolve({
                kind: 'unreadable',
                message: `the file needs more than ${WORKER_HEAP_MB} MB of memory to read: split it into smaller files`,
                row: 0,
              })
            : reject(error),
        ),
    });
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    s.worker.ref();
    // A copy of the bytes (in an ArrayBuffer of its own: a Buffer may share a pool) moves to the worker.
    const bytes = new Uint8Array(input.bytes);
    s.worker.postMessage({ id, input: { ...input, bytes } } satisfies WorkerRequest, [bytes.buffer]);
  });
}
