/**
 * Every page addressed by an id (`[id]` in src/routes, found by walking it) answers 404 for an id
 * that names nothing: one that is not an id at all (`not-an-id`), and a well-formed one of no row.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, signedIn, url, type Role } from './browser';

const routesDir = fileURLToPath(new URL('../src/routes', import.meta.url));

/** The addresses of the pages whose path holds an [id], e.g. /checklists/[id]/dependencies. */
function idRoutes(dir = routesDir, prefix = ''): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true });
  const isPage = entries.some((e) => e.isFile() && /^\+page(\.server)?\.ts$|^\+page\.svelte$/.test(e.name));
  if (isPage && prefix.includes('[id]')) out.push(prefix);
  for (const e of entries) {
    if (e.isDirectory()) out.push(...idRoutes(`${dir}/${e.name}`, `${prefix}/${e.name}`));
  }
  return out;
}

const routes = idRoutes();
/** People pages are HR's; every other page is open to ADMIN. */
const roleFor = (route: string): Role => (route.startsWith('/people') ? 'hr' : 'admin');
const NO_ROW = Buffer.from('Nothing:00000000-0000-4000-8000-000000000000').toString('base64url');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('a page addressed by an id that names nothing', () => {
  it('finds the [id] pages', () => {
    expect(routes).toEqual(expect.arrayContaining(['/checklists/[id]', '/raid/[id]', '/milestones/[id]']));
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it('answers 404, never 500, on every one of them', async () => {
    const failures: string[] = [];
    for (const role of ['admin', 'hr'] as const) {
      const { context } = await signedIn(browser, role);
      try {
        for (const route of routes.filter((r) => roleFor(r) === role)) {
          for (const id of ['not-an-id', NO_ROW, 'UmFpZEl0ZW06eA']) {
            const path = route.replace('[id]', id);
            const res = await context.request.get(url(path), { maxRedirects: 0 });
            if (res.status() !== 404) failures.push(`${path} as ${role}: ${res.status()}`);
          }
        }
      } finally {
        await context.close();
      }
    }
    expect(failures).toEqual([]);
  });
});
