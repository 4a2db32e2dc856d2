/**
 * The worker thread that reads and checks an HR import's file (parse.ts, validate.ts), so that a large
 * workbook never holds the API's event loop: the API answers other requests while it runs. Its input is
 * `CheckInput` (workerData); it posts `WorkerMessage`s back: the row count, progress, then the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UnreadableFileError, parseFile } from './parse.ts';
import { checkFile, type Checked, type ReferenceData } from './validate.ts';

export interface CheckInput {
  bytes: Uint8Array;
  fileName: string;
  reference: ReferenceData;
}

export type WorkerMessage =
  | { kind: 'total'; rowsTotal: number }
  | { kind: 'progress'; rowsDone: number }
  | { kind: 'unreadable'; message: string; row: number }
  | { kind: 'checked'; checked: Checked };

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

async function run(input: CheckInput): Promise<void> {
  let file;
  try {
    file = await parseFile(input.bytes, input.fileName);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    post({ kind: 'unreadable', message: error.message, row: error.row });
    return;
  }
  post({ kind: 'total', rowsTotal: file.rows.length });
  const checked = await checkFile(file, input.reference, (rowsDone) => post({ kind: 'progress', rowsDone }));
  post({ kind: 'checked', checked });
}

if (parentPort) await run(workerData as CheckInput);
