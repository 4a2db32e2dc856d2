/**
 * `pnpm start` for the admin app: runs the built app (adapter-node) and, once it listens and the API
 * answers, prints the one line that says where to go and whom to sign in as. adapter-node's own
 * "Listening on" line is left out (this line says it); Ctrl-C and SIGTERM stop it gracefully, exit 0.
 */
// adapter-node's settings, from ours: on 127.0.0.1 unless HOST says otherwise; uploads up to 20 MB.
const port = process.env.ADMIN_PORT || '3000';
process.env.HOST = process.env.HOST || '127.0.0.1';
process.env.PORT = port;
process.env.ORIGIN = process.env.ADMIN_ORIGIN || `http://localhost:${port}`;
process.env.BODY_SIZE_LIMIT = process.env.BODY_SIZE_LIMIT || '20M';
const admin = process.env.ORIGIN;
const api = process.env.HANDOVER_API_URL || `http://127.0.0.1:${process.env.API_PORT || '4000'}/graphql`;
const seeded = !['false', '0'].includes(process.env.HANDOVER_SEED ?? '');

const log = console.log.bind(console);
let listening = false;
console.log = (...args) => {
  if (!listening && typeof args[0] === 'string' && args[0].startsWith('Listening on ')) {
    listening = true;
    void announce();
    return;
  }
  log(...args);
};

/** Waits (up to five minutes: a first start migrates and loads the demo) for the API, then says where to go. */
async function announce() {
  const health = new URL('/health', api);
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(health)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(
    seeded
      ? `Handover is ready: open ${admin} and sign in as admin@handover.example, password handover-demo (Ctrl-C stops)`
      : `Handover is ready: open ${admin} (Ctrl-C stops)`,
  );
}

await import('./build/index.js');
