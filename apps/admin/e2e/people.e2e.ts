import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api';
import { launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('people and personal data', () => {
  it('HR sees staff records with their personal fields', async () => {
    const { context, page } = await signedIn(browser, 'hr');
    await page.goto(url('/people/employees'));
    expect(page.url()).toContain('/people/employees');
    const firstLink = page.locator('main table tbody tr a').first();
    const name = (await firstLink.textContent())!.trim();
    expect(name).toMatch(/^\S+ \S+/);
    await firstLink.click();
    await page.waitForURL(/\/people\/employees\/.+/);
    const main = (await page.textContent('main'))!;
    expect(main).toContain('National Insurance');
    expect(main).toMatch(/[A-Z]{2}\d{6}[A-D]/);
    // The summary says where the post is charged, as the decision form below holds it.
    const charged = (await page.getByTestId('charged-to').textContent())!.trim();
    expect(charged).toMatch(/^CS\d{5}/);
    if (await page.locator('#decide-chargedTo').count())
      expect(await page.inputValue('#decide-chargedTo')).toBe(charged.split(' ')[0]);
    await context.close();
  });

  it('writes counts one way, thousands grouped, and TUPE statuses in words', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    for (const path of ['/', '/people']) {
      await page.goto(url(path));
      const table = page.locator('main table', { hasText: 'TUPE status' }).first();
      const statuses = (await table.locator('tbody th').allTextContents()).map((t) => t.trim());
      expect(statuses, path).toContain('In scope: assigned');
      expect(statuses.join(' '), path).not.toMatch(/_|In scope assigned/);
      const numbers = (await table.locator('tbody td').allTextContents()).map((t) => t.trim());
      // Every number grouped by thousands (1,521; 1,425.4), and the assigned count is over a thousand.
      for (const n of numbers) expect(n, path).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);
      expect(
        numbers.some((n) => /^1,\d{3}$/.test(n)),
        path,
      ).toBe(true);
    }
    await context.close();
  });

  for (const role of ['viewer', 'admin', 'editor'] as const) {
    it(`${role} sees counts only, and is refused the staff records`, async () => {
      const { context, page } = await signedIn(browser, role);
      await page.goto(url('/people'));
      const main = (await page.textContent('main'))!;
      expect(main).toContain('HR only');
      expect(main).not.toMatch(/[A-Z]{2}\d{6}[A-D]/);
      for (const path of ['/people/employees', '/people/posts', '/people/employees/export.csv']) {
        const res = await page.goto(url(path));
        expect(res?.status(), path).toBe(403);
      }
      await context.close();
    });
  }

  it('puts each refused attempt at staff records on the audit trail, naming the field and never a value', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    const res = await page.request.get(url('/people/posts/export.csv'));
    expect(res.status()).toBe(403);
    await context.close();
    const audit = await apiAs<{
      auditEvents: {
        edges: { node: { kind: string; actorEmail: string; operation: string; reason: string } }[];
      };
    }>(
      'admin',
      `{ auditEvents(first: 50, filter: { kinds: [REFUSED], actorEmail: "viewer@handover.example" }) {
          edges { node { kind actorEmail operation reason } } } }`,
    );
    const events = audit.auditEvents.edges.map((e) => e.node);
    // Who holds a post is HR's alone: the export is refused at Post.holders, before any employee field.
    expect(events.map((e) => e.operation)).toEqual(expect.arrayContaining(['Post.holders']));
    expect(events.find((e) => e.operation === 'Post.holders')?.reason).toBe('FORBIDDEN: role VIEWER');
  });
});
