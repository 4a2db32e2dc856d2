import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_ENV_KEYS, loadEnv } from './env.ts';
import { DEFAULT_QUERY_LIMITS } from './security/limits.ts';

describe('configuration of the limits', () => {
  it('defaults to the documented limits, no CORS origin and the local proxy', () => {
    const env = loadEnv({});
    expect({
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
    }).toEqual(DEFAULT_QUERY_LIMITS);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(env.SIGNIN_MAX_FAILURES_PER_EMAIL).toBe(5);
    expect(env.CORS_ORIGINS).toEqual([]);
    expect(env.TRUSTED_PROXIES).toEqual(['127.0.0.1', '::1']);
  });

  it('reads comma lists and numbers, and names a bad value', () => {
    const env = loadEnv({
      CORS_ORIGINS: 'https://a.example, https://b.example,',
      RATE_LIMIT_PER_MINUTE: '30',
    });
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(30);
    expect(() => loadEnv({ GRAPHQL_MAX_DEPTH: 'deep' })).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(() => loadEnv({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});

describe('the configuration, the start task and the README agree', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

  /** What the admin app reads: `env.X` through $env in its source, `process.env.X` in its start wrapper. */
  const adminKeys = (): string[] => {
    const keys = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(resolve(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          const text = read(path);
          if (!text.includes('$env/')) continue;
          for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) keys.add(m[1]!);
        }
      }
    };
    walk('apps/admin/src');
    // The start wrapper (apps/admin/start.js) reads ours and sets adapter-node's own (PORT, ORIGIN) from them.
    for (const m of read('apps/admin/start.js').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) {
      if (!['PORT', 'ORIGIN'].includes(m[1]!)) keys.add(m[1]!);
    }
    return [...keys];
  };
  /** Read by the test tooling only, never by `pnpm start`. */
  const TOOLING = ['CI', 'CHROMIUM_PATH', 'TEST_DATABASE_URL'];

  it('passes every variable the API and the admin app read through turbo, and documents each', () => {
    const turbo = JSON.parse(read('turbo.json')) as { globalPassThroughEnv: string[] };
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const documented = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]!);
    const used = [...new Set([...API_ENV_KEYS, ...adminKeys()])].sort();
    expect(used).toEqual(
      expect.arrayContaining(['SESSION_TTL_HOURS', 'SESSION_IDLE_MINUTES', 'BODY_SIZE_LIMIT', 'HOST']),
    );
    // turbo passes exactly what is read (and the test tooling's own variables).
    expect([...turbo.globalPassThroughEnv].sort()).toEqual([...new Set([...used, ...TOOLING])].sort());
    // The README's table names every variable read, and no other (TEST_DATABASE_URL aside, for tests).
    expect([...documented].sort()).toEqual([...new Set([...used, 'TEST_DATABASE_URL'])].sort());
  });
});
