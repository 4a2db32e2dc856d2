/**
 * The worker thread that reads and checks HR imports' files (parse.ts, validate.ts), so that a large
 * workbook never holds the API's event loop: the API answers other requests while it runs. It lives as
 * long as the process (its start-up costs more than a small file's check) and takes `WorkerRequest`s;
 * for each it posts `WorkerReply`s back: the row count, progress, then the outcome.
 */
import { parentPort } from 'node:worker_threads';
import { UnreadableFileError, parseFile } from './parse.ts';
import { MAX_SENT_ERRORS, ROWS_PER_MESSAGE } from './check.ts';
import { checkFile, type ImportError, type ImportRow, type ReferenceData } from './validate.ts';

export interface CheckInput {
  bytes: Uint8Array;
  fileName: string;
  reference: ReferenceData;
}

/** A new job, or the API's go-ahead for the next rows of job `id` (it has read the last ones). */
export type WorkerRequest = { id: number; input: CheckInput } | { id: number; next: true };

export type WorkerMessage =
  | { kind: 'total'; rowsTotal: number }
  | { kind: 'progress'; rowsDone: number }
  | { kind: 'unreadable'; message: string; row: number }
  | { kind: 'rows'; rows: ImportRow[] }
  | { kind: 'checked'; errors: ImportError[]; errorCount: number }
  | { kind: 'failed'; message: string };

export interface WorkerReply {
  id: number;
  message: WorkerMessage;
}

async function run(id: number, input: CheckInput): Promise<void> {
  const post = (message: WorkerMessage) => parentPort!.postMessage({ id, message } satisfies WorkerReply);
  try {
    let file;
    try {
      file = await parseFile(input.bytes, input.fileName);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      post({ kind: 'unreadable', message: error.message, row: error.row });
      return;
    }
    post({ kind: 'total', rowsTotal: file.rows.length });
    const checked = await checkFile(file, input.reference, (rowsDone) =>
      post({ kind: 'progress', rowsDone }),
    );
    // A clean file's rows go back a slice at a time, each when the API has read the one before, so that
    // no one message takes the API's event loop long to read. A refused file's rows are not needed.
    if (checked.errors.length === 0) {
      for (let i = 0; i < checked.rows.length; i += ROWS_PER_MESSAGE) {
        const read = new Promise<void>((resolve) => goAheads.set(id, resolve));
        post({ kind: 'rows', rows: checked.rows.slice(i, i + ROWS_PER_MESSAGE) });
        await read;
      }
    }
    post({
      kind: 'checked',
      errors: checked.errors.slice(0, MAX_SENT_ERRORS),
      errorCount: checked.errors.length,
    });
  } catch (error) {
    post({
      kind: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

const goAheads = new Map<number, () => void>();

parentPort?.on('message', (request: WorkerRequest) => {
  if ('next' in request) {
    goAheads.get(request.id)?.();
    goAheads.delete(request.id);
  } else void run(request.id, request.input);
});
