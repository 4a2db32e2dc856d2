/**
 * `pnpm start`: builds what needs building (quietly: only a failure's output is shown), then runs the
 * API and the admin app side by side. The admin app's last line says where to go and whom to sign in
 * as. Ctrl-C (SIGINT) or SIGTERM stops both gracefully; the exit code is 0 when both stopped cleanly.
 *
 * The servers are this script's own children, not turbo's persistent tasks: there each sat under a
 * pnpm of its own that answered Ctrl-C with "ELIFECYCLE Command failed" and exit 130. The root
 * package's script execs Node itself, not node_modules/.bin/node (a shell wrapper that a Ctrl-C kills).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const turbo = join(root, 'node_modules/.bin/turbo');

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  // A terminal's Ctrl-C reaches the children too (one process group); SIGTERM from elsewhere may not.
  for (const child of children) if (child.exitCode === null) child.kill(signal);
  // Stopped during the build: nothing to wait for.
  if (children.length === 0) process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

const build = spawn(turbo, ['run', 'build', '--filter=@handover/admin', '--output-logs=errors-only'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const built = await new Promise((resolve) => build.once('exit', (code) => resolve(code)));
if (built !== 0) {
  console.error('Handover: the build failed (its output is above)');
  process.exit(typeof built === 'number' ? built : 1);
}

children.push(
  spawn(process.execPath, ['src/main.ts'], { cwd: join(root, 'apps/api'), stdio: 'inherit' }),
  spawn(process.execPath, ['start.js'], { cwd: join(root, 'apps/admin'), stdio: 'inherit' }),
);

const codes = await Promise.all(
  children.map(
    (child) =>
      new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          // One server ending by itself ends the other.
          if (!stopping) {
            console.error(
              `Handover: ${child === children[0] ? 'the API' : 'the admin app'} stopped (${code ?? signal})`,
            );
            stop('SIGTERM');
          }
          // Ended by the signal it was sent while stopping: a clean stop too.
          resolve(code ?? (stopping && signal ? 0 : 1));
        });
      }),
  ),
);
process.exit(codes.every((c) => c === 0) && stopping ? 0 : 1);
