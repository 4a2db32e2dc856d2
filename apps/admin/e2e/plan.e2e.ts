import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api';
import { expectAccessible, hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

interface Item {
  id: string;
  ref: string;
  title: string;
  dependsOn: { id: string; ref: string; title: string }[];
  dependents: { id: string }[];
}

/** An item with a dependency, and an item with none, found behind the browser's back. */
async function items(): Promise<Item[]> {
  const data = await apiAs<{
    programmes: { edges: { node: { checklistItems: { edges: { node: Item }[] } } }[] };
  }>(
    'admin',
    `{ programmes(first: 1) { edges { node { checklistItems(first: 200) {
      edges { node { id ref title dependsOn { id ref title } dependents { id } } } } } } } }`,
  );
  return data.programmes.edges[0]!.node.checklistItems.edges.map((e) => e.node);
}

describe('the plan', () => {
  it('shows the critical path to the transfer as bars and a table', async () => {
    const { page } = await signedIn(browser, 'viewer');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Plan' }).click();
    await page.waitForURL(url('/plan/critical-path'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Critical path to the transfer',
    );
    const verdict = (await page.getByTestId('verdict').textContent())!;
    expect(verdict).toMatch(
      /The transfer on 1 April 2023 (can still be reached|cannot be reached as planned)/,
    );
    const rows = page.getByTestId('critical-path').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    const chart = page.getByTestId('path-chart');
    expect(await chart.locator('rect').count()).toBe(await rows.count());
    // The page's font (not the browser's serif default), a date axis, and no label on a bar or the
    // transfer-day line: references in their own column, the transfer label above the first bar.
    const font = await chart.locator('text').first().evaluate((t) => getComputedStyle(t).fontFamily);
    expect(font.toLowerCase()).toContain('arial');
    await expect(chart.locator('text', { hasText: 'Mar 2023' }).isVisible()).resolves.toBe(true);
    const bars = await chart.locator('.app-path-chart__plot rect').evaluateAll((rs) =>
      rs.map((r) => r.getBoundingClientRect()).map((b) => ({ left: b.left, top: b.top, bottom: b.bottom })),
    );
    const refs = await chart.locator('.app-path-chart__refs text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().right));
    expect(Math.max(...refs)).toBeLessThanOrEqual(Math.min(...bars.map((b) => b.left)));
    const transfer = await chart.locator('text', { hasText: 'Transfer' }).boundingBox();
    expect(transfer!.y + transfer!.height).toBeLessThanOrEqual(Math.min(...bars.map((b) => b.top)));
    // It takes the page's width: at 390 px the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });

  it('refuses a dependency that would make a loop, naming it, and adds and removes one that would not', async () => {
    const all = await items();
    const a = all.find((i) => i.dependsOn.length > 0)!;
    const b = a.dependsOn[0]!;
    const { page } = await signedIn(browser, 'admin');
    await page.goto(url(`/checklists/${encodeURIComponent(b.id)}`));
    await page.getByRole('link', { name: 'Add or remove dependencies' }).click();
    await page.waitForURL(url(`/checklists/${encodeURIComponent(b.id)}/dependencies`));
    await hydrated(page);
    await page.getByLabel('Reference of the item it waits on').fill(a.ref);
    await page.getByRole('button', { name: 'Add dependency' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      `would make a cycle: ${b.ref} ${b.title} → ${a.ref} ${a.title} → ${b.ref}`,
    );
    await expectAccessible(page);

    // An item nothing waits on (so b cannot reach it) waits on b, then no longer.
    const free = all.find(
      (i) => i.dependents.length === 0 && i.id !== b.id && !i.dependsOn.some((d) => d.id === b.id),
    )!;
    await page.goto(url(`/checklists/${encodeURIComponent(free.id)}/dependencies`));
    await hydrated(page);
    await page.getByLabel('Reference of the item it waits on').fill(b.ref);
    await page.getByRole('button', { name: 'Add dependency' }).click();
    await page.getByText('Dependency added').waitFor();
    expect(await page.getByTestId('depends-on').textContent()).toContain(`${b.ref}: ${b.title}`);
    await page.getByRole('button', { name: `Remove ${b.ref}` }).click();
    await page.getByText('Dependency removed').waitFor();
    expect(await page.getByTestId('depends-on').textContent()).not.toContain(`${b.ref}:`);
  });

  it('answers what-if for another transfer date and says nothing is saved', async () => {
    const { page } = await signedIn(browser, 'admin');
    await page.goto(url('/plan/what-if'));
    await hydrated(page);
    await page.locator('#transferDate-day').fill('10');
    await page.locator('#transferDate-month').fill('3');
    await page.getByRole('button', { name: 'Show what would happen' }).click();
    await page.waitForURL((u) => u.search.includes('transferDate-day=10'));
    const verdict = (await page.getByTestId('what-if-verdict').textContent())!;
    expect(verdict).toContain('It could not be reached');
    expect(verdict).toContain('Nothing has been saved.');
    expect(await page.getByTestId('late-items').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    // A reference that names nothing is an error naming the field, and the rest of the input is kept.
    await page.locator('#ref0').fill('NOPE-999');
    await page.locator('#forecast0-day').fill('24');
    await page.locator('#forecast0-month').fill('3');
    await page.locator('#forecast0-year').fill('2023');
    await page.getByRole('button', { name: 'Show what would happen' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Forecast 1: no checklist item has the reference NOPE-999',
    );
    expect(await page.locator('#transferDate-day').inputValue()).toBe('10');
  });

  it('saves a baseline under a unique name and compares against it', async () => {
    const { page } = await signedIn(browser, 'admin');
    const name = `Baseline ${Date.now()}`;
    await page.goto(url('/plan/baselines'));
    await hydrated(page);
    await page.getByLabel('Name of a new baseline').fill(name);
    await page.getByRole('button', { name: 'Save a baseline of today’s plan' }).click();
    await page.getByText('Baseline saved').waitFor();
    expect(await page.getByTestId('compared').textContent()).toBe(`Against ${name}`);
    expect(await page.getByTestId('item-slippage').textContent()).toContain('None has moved.');
    await expectAccessible(page);
    await page.getByLabel('Name of a new baseline').fill(name);
    await page.getByRole('button', { name: 'Save a baseline of today’s plan' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      `"${name}" is already the name of a baseline of this programme`,
    );
  });
});
