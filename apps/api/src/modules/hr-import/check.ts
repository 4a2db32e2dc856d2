/**
 * Reads and checks an HR import's file off the event loop, in a worker thread (check.worker.ts): the
 * API keeps answering while a 50,000-row workbook is read. The worker's memory is bounded; an abort
 * (the API stopping) ends it at once.
 */
import { Worker } from 'node:worker_threads';
import type { CheckInput, WorkerMessage } from './check.worker.ts';
import type { Checked } from './validate.ts';

export type CheckOutcome =
  | { kind: 'unreadable'; message: string; row: number }
  | { kind: 'checked'; rowsTotal: number; checked: Checked };

export interface CheckHooks {
  /** The number of data rows, once the file is read. */
  onTotal?: (rowsTotal: number) => void;
  /** Rows checked so far (every 500, and at the end). */
  onProgress?: (rowsDone: number) => void;
  signal?: AbortSignal;
}

/** The most memory the worker may use for the file's contents (a 15 MB workbook unpacks to far more). */
export const WORKER_HEAP_MB = 1024;

const WORKER_URL = new URL('./check.worker.ts', import.meta.url);

export function checkInWorker(input: CheckInput, hooks: CheckHooks = {}): Promise<CheckOutcome> {
  return new Promise<CheckOutcome>((resolve, reject) => {
    if (hooks.signal?.aborted) {
      reject(hooks.signal.reason);
      return;
    }
    // A copy of the bytes (in an ArrayBuffer of its own: a Buffer may share a pool) moves to the worker.
    const bytes = new Uint8Array(input.bytes);
    const worker = new Worker(WORKER_URL, {
      workerData: { ...input, bytes } satisfies CheckInput,
      transferList: [bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    let rowsTotal = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(hooks.signal!.reason));
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      if (m.kind === 'total') {
        rowsTotal = m.rowsTotal;
        hooks.onTotal?.(m.rowsTotal);
      } else if (m.kind === 'progress') hooks.onProgress?.(m.rowsDone);
      else if (m.kind === 'unreadable') settle(() => resolve(m));
      else settle(() => resolve({ kind: 'checked', rowsTotal, checked: m.checked }));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        settle(() =>
          resolve({
            kind: 'unreadable',
            message: `the file needs more than ${WORKER_HEAP_MB} MB of memory to read: split it into smaller files`,
            row: 0,
          }),
        );
      } else settle(() => reject(error));
    });
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the HR import's check worker stopped (exit code ${code}) before it answered`))),
    );
  });
}
