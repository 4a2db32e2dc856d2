/**
 * The API as a process: started as `pnpm start` starts it, stopped by a signal while a keep-alive
 * client keeps it busy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function waitFor(
  child: ChildProcess,
  pattern: RegExp,
  output: { text: string },
  ms = 120_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${output.text}`)), ms);
    const check = () => {
      if (pattern.test(output.text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited before ${pattern}: ${output.text}`));
    });
    check();
  });
}

describe('the API process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'handover-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'on SIGTERM answers a busy keep-alive client with Connection: close, closes its connection and exits 0',
    { timeout: 240_000 },
    async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ['src/main.ts'], {
        cwd: apiDir,
        env: {
          PATH: process.env.PATH,
          API_PORT: String(port),
          HANDOVER_DATA_DIR: dataDir,
          HANDOVER_SEED: 'false',
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const output = { text: '' };
      child.stdout.on('data', (d: Buffer) => (output.text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output.text += d.toString()));
      const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
        child.once('exit', (code) => resolve({ code, at: Date.now() })),
      );
      try {
        await waitFor(child, /Handover API ready at http:\/\/127\.0\.0\.1:\d+\/graphql/, output);
        // One keep-alive connection, kept busy: a new request as soon as the last one is answered.
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        const sockets = new Set<unknown>();
        const answers: { connection: string | undefined }[] = [];
        let signalled = 0;
        const once = () =>
          new Promise<boolean>((resolve) => {
            const req = request({ host: '127.0.0.1', port, path: '/health', agent }, (res) => {
              sockets.add(res.socket);
              answers.push({ connection: res.headers.connection });
              res.resume();
              res.on('end', () => resolve(true));
            });
            req.on('error', () => resolve(false));
            req.end();
          });
        const busy = (async () => {
          for (let i = 0; i < 2_000; i++) {
            if (!(await once())) return;
            if (i === 20) {
              signalled = Date.now();
              child.kill('SIGTERM');
            }
          }
        })();
        const { code, at } = await exited;
        await busy;
        agent.destroy();
        expect(code).toBe(0);
        // Well before the 10 s shutdown timer.
        expect(at - signalled).toBeLessThan(5_000);
        expect(answers.length).toBeGreaterThan(20);
        // The signal takes a moment to arrive: an answer or two may still be on their way. Then the
        // connection is closed (with `Connection: close` on an answer, or as soon as it is idle) and
        // the client, retrying, finds the server gone: nothing like 2,000 answers.
        const afterSignal = answers.slice(21);
        expect(afterSignal.length).toBeLessThanOrEqual(3);
        for (const a of afterSignal.slice(1)) expect(a.connection).toBe('close');
        expect(output.text).toMatch(/SIGTERM received/);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  );
});
