import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completableItems } from './api';
import { expectAccessible, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('the audit trail', () => {
  it('shows an admin the change they just made, with the field names, and exports it as CSV', async () => {
    const { context, page } = await signedIn(browser, 'admin');
    // An item no other test has changed (the lowest version), so that its trail holds this write alone
    // whatever order the test files run in.
    const items = await completableItems();
    const item = items.find((i) => i.version === Math.min(...items.map((n) => n.version)));
    const status = item!.status === 'AT_RISK' ? 'IN_PROGRESS' : 'AT_RISK';
    await page.goto(url(`/checklists/${encodeURIComponent(item!.id)}`));
    await page.getByLabel('Status').selectOption(status);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Item updated').count()).toBe(1);

    // The nav offers the trail to an admin; filter it to this item's writes.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(url('/users'));
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(url('/audit'));
    await page.getByRole('checkbox', { name: 'Change saved' }).check();
    await page.getByLabel('Entity id').fill(item!.id);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'WRITE');

    const rows = page.getByTestId('audit-events').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[1]).toContain('Change saved');
    expect(cells[2]).toContain('admin@handover.example (ADMIN)');
    expect(cells[3]).toBe('updateChecklistItem');
    expect(cells[5]).toBe('status');
    expect(cells[6]).toBe(`${item!.version} → ${item!.version + 1}`);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Download as CSV').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
    let csv = '';
    for await (const chunk of await download.createReadStream()) csv += (chunk as Buffer).toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Time (UTC),Event,Kind,Actor email,Actor role,API token,Operation,Document,Entity type,Entity id,Fields,Version before,Version after,Reason,Request id',
    );
    // Exactly the filtered rows: this one write.
    expect(lines).toHaveLength(2);
    const cols = lines[1]!.split(',');
    expect(cols.slice(1, 7)).toEqual([
      'Change saved',
      'WRITE',
      'admin@handover.example',
      'ADMIN',
      '',
      'updateChecklistItem',
    ]);
    expect(cols[8]).toBe('ChecklistItem');
    expect(cols[10]).toBe('status');
    expect(cols.slice(11, 13)).toEqual([String(item!.version), String(item!.version + 1)]);
    await context.close();
  });

  it('is closed to a board member, who is told why and offered no link to it', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    expect(
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).count(),
    ).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit' }).count()).toBe(0);
    const res = await page.goto(url('/audit'));
    expect(res?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Only programme managers can see the audit trail',
    );
    await expectAccessible(page);
    const csv = await page.goto(url('/audit/export.csv'));
    expect(csv?.status()).toBe(403);
    await context.close();
  });
});
