/**
 * Every table exports as CSV exactly what it shows: the dashboard's tables, a service's tables and
 * the RAID heat map, checked against the page a user sees.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api';
import { launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** The rows of a CSV download (header first), fetched with the page's own session. */
async function csvRows(page: Page, href: string): Promise<string[][]> {
  const res = await page.request.get(url(href));
  expect(res.status(), href).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  const text = (await res.text()).replace(/^\uFEFF/, '').trim();
  // The fields checked here hold no commas or quotes; csv.test.ts covers quoting.
  return text.split('\r\n').map((line) => line.split(','));
}

/** The href of the "Download as CSV" link named for `table` (its visually hidden suffix). */
const linkFor = (page: Page, table: string) =>
  page.getByRole('link', { name: `Download as CSV (${table})`, exact: true }).getAttribute('href');

/** What a heat map on the page counts: the numbers in its cells. */
async function heatShown(page: Page): Promise<number> {
  const cells = await page.locator('.app-heat-map tbody td strong').allTextContents();
  return cells.reduce((n, c) => n + Number(c), 0);
}

/** Every cell of the heat map on the page, row by row (likelihood 5 first), 0 for an empty cell. */
const heatCells = (page: Page): Promise<number[]> =>
  page
    .locator('.app-heat-map tbody td')
    .evaluateAll((tds) => tds.map((td) => Number(td.querySelector('strong')?.textContent ?? 0)));

const heatTotal = (rows: string[][]) =>
  rows.slice(1).reduce((n, row) => n + row.slice(1).reduce((m, cell) => m + Number(cell), 0), 0);

describe('exports of every table', () => {
  it('the dashboard’s tables export the rows they show', async () => {
    const { context, page } = await signedIn(browser, 'viewer');

    const workstreams = await page
      .getByTestId('readiness-by-workstream')
      .locator('tbody th')
      .allTextContents();
    const readiness = await csvRows(page, (await linkFor(page, 'readiness by workstream'))!);
    expect(readiness[0]![0]).toBe('Workstream');
    expect(readiness.slice(1).map((r) => r[0])).toEqual(workstreams.map((w) => w.trim()));

    const overdueOnScreen = await page
      .getByRole('table', { name: /overdue; the first 10/ })
      .locator('tbody a')
      .allTextContents();
    const overdue = await csvRows(page, (await linkFor(page, 'overdue items'))!);
    expect(overdue[0]).toEqual(['Ref', 'Item', 'Workstream', 'Due date', 'Overdue', 'Status']);
    expect(overdue.slice(1).map((r) => r[0])).toEqual(overdueOnScreen.map((t) => t.split(':')[0]));
    expect(overdue.slice(1).every((r) => r[4] === 'Yes')).toBe(true);

    const heat = await csvRows(page, (await linkFor(page, 'risk heat map'))!);
    expect(heat).toHaveLength(6);
    expect(heatTotal(heat)).toBe(await heatShown(page));
    expect(heatTotal(heat)).toBeGreaterThan(0);

    const res = await page.request.get(url('/dashboard/no-such-table.csv'));
    expect(res.status()).toBe(404);
    await context.close();
  });

  it('a service’s checklist items and milestones export as shown', async () => {
    const { context, page } = await signedIn(browser, 'editor');
    // A service with both checklist items and milestones.
    const data = await apiAs<{
      programmes: {
        edges: {
          node: {
            services: { edges: { node: { id: string; checklistItems: unknown[]; milestones: unknown[] } }[] };
          };
        }[];
      };
    }>(
      'viewer',
      '{ programmes(first: 1) { edges { node { services(first: 50) { edges { node { id checklistItems { id } milestones { id } } } } } } } }',
    );
    const service = data.programmes.edges[0]!.node.services.edges.map((e) => e.node).find(
      (s) => s.checklistItems.length > 0 && s.milestones.length > 0,
    )!;
    await page.goto(url(`/services/${encodeURIComponent(service.id)}`));
    const refs = await page.getByTestId('service-checklist-items').locator('tbody a').allTextContents();
    const items = await csvRows(page, (await linkFor(page, 'checklist items'))!);
    expect(items.slice(1).map((r) => r[0])).toEqual(refs.map((t) => t.split(':')[0]));
    const milestones = await page.getByTestId('service-milestones').locator('tbody tr').count();
    const csv = await csvRows(page, (await linkFor(page, 'milestones'))!);
    expect(csv[0]![0]).toBe('Milestone');
    expect(csv.length - 1).toBe(milestones);
    expect(milestones).toBe(service.milestones.length);
    await context.close();
  });

  it('the RAID heat map exports with the list’s filters', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    await page.goto(url('/raid?band=HIGH&band=CRITICAL'));
    const shown = await heatShown(page);
    expect(shown).toBeGreaterThan(0);
    const href = (await linkFor(page, 'heat map'))!;
    expect(href).toBe('/raid/heat-map.csv?band=HIGH&band=CRITICAL');
    const filtered = await csvRows(page, href);
    expect(heatTotal(filtered)).toBe(shown);
    // Only high and critical cells can count anything under that filter.
    const all = await csvRows(page, '/raid/heat-map.csv');
    expect(heatTotal(all)).toBeGreaterThan(shown);
    await context.close();
  });

  it('the dashboard and the RAID page count the same heat map, and a cell lists what it counts', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    const dashboard = await heatCells(page);
    const caption = (await page.locator('.app-heat-map caption').textContent())!;
    expect(caption).toMatch(/Open risks and issues by current score \(28, of which 2 not yet scored\)/);
    await page.goto(url('/raid'));
    expect(await heatCells(page)).toEqual(dashboard);
    expect(await page.locator('.app-heat-map caption').textContent()).toMatch(
      /^28 open risks and issues, of which 2 not yet scored$/,
    );
    // From the dashboard, the fullest cell opens the RAID list of exactly what it counts.
    await page.goto(url('/'));
    const most = Math.max(...dashboard);
    await page.locator('.app-heat-map tbody td a', { hasText: new RegExp(`^${most}`) }).first().click();
    await page.waitForURL(/\/raid\?.*likelihood=\d&impact=\d/);
    expect(await page.getByTestId('raid-items').locator('tbody tr').count()).toBe(most);
    expect(await page.getByTestId('raid-cell-filter').textContent()).toMatch(/current likelihood \d, impact \d/);
    // The top risks and the milestones link to what they name.
    await page.goto(url('/'));
    const top = page.locator('ol.govuk-list--number a').first();
    const name = (await top.textContent())!;
    await top.click();
    await page.waitForURL(/\/raid\/[^/?]+$/);
    expect(name).toContain((await page.getByRole('heading', { level: 1 }).textContent())!.trim().slice(0, 10));
    await context.close();
  });
});
