import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const HEADER =
  'Post Number,Post Title,Grade,Post FTE,Cost Centre,Team,Service,Payroll No,First Name,Surname,DOB,NI No,Contract Type,Start Date,CSD,FTE,Salary,Pension Scheme,Pension Number';
/** One new post and its holder, numbered apart from the demo's and other tests'; `ni` is their NI number. */
const file = (ni: string) =>
  `${HEADER}\r\nPE2E001,Social Worker,Grade 9,1,CS02123,Duty and Assessment Team Keighley,Assessment and Duty,E2E0001,Robin,Ashworth,14/03/1985,${ni},Permanent,01/09/2015,,1,39850.00,LGPS,\r\n` +
  `PE2E002,Family Support Worker,Grade 6,0.5,CS02123,Duty and Assessment Team Keighley,Assessment and Duty,,,,,,,,,,,,\r\n`;

async function upload(page: Page, csv: string, dryRun: boolean): Promise<void> {
  await page.goto(url('/people/import'));
  await hydrated(page);
  await page
    .getByLabel('HR export file')
    .setInputFiles({ name: 'council-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  if (dryRun) await page.getByLabel('Dry run').check();
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await page.waitForURL(/\/people\/import\/[^/]+$/);
  // The page refreshes itself until the import has finished.
  await page
    .getByTestId('import-status')
    .getByText(/Finished|Refused|Failed/)
    .waitFor({ timeout: 30_000 });
}

describe('the HR import in the admin app', () => {
  it('HR uploads a file with an error, sees the report and downloads it; fixes it, dry-runs it, then imports it', async () => {
    const { context, page } = await signedIn(browser, 'hr');
    await page.goto(url('/people'));
    await page.getByRole('link', { name: 'Import the HR export' }).click();
    await page.waitForURL(url('/people/import'));

    await upload(page, file('QQ123456C'), false);
    expect(await page.getByTestId('import-status').textContent()).toContain('Refused');
    await expect.poll(() => page.textContent('.govuk-error-summary')).toContain('nothing was written');
    const row = page.getByTestId('import-errors').locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      '2',
      'NI No',
      'QQ123456C',
      expect.stringContaining('never used'),
    ]);
    const href = await page.getByRole('link', { name: /Download as CSV/ }).getAttribute('href');
    const csv = await page.request.get(url(href!));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Row,Column,Value,Problem');
    expect(text).toContain('2,NI No,QQ123456C,');

    await upload(page, file('AB 12 34 56 C'), true);
    expect(await page.getByTestId('import-message').textContent()).toContain('Dry run: nothing was written');
    const counts = page.getByTestId('import-counts');
    expect(await counts.locator('thead').textContent()).toContain('Would be added');
    expect(await counts.locator('tbody tr').nth(0).locator('td').first().textContent()).toBe('2');
    expect(await counts.locator('tbody tr').nth(1).locator('td').first().textContent()).toBe('1');
    // Nothing stored: the posts page does not know the post.
    await page.goto(url('/people/posts?search=PE2E001'));
    expect(await page.textContent('main')).not.toContain('PE2E001');

    await upload(page, file('AB 12 34 56 C'), false);
    expect(await page.getByTestId('import-message').textContent()).toContain('Imported:');
    expect(
      await page.getByTestId('import-counts').locator('tbody tr').nth(1).locator('td').first().textContent(),
    ).toBe('1');
    expect(await page.getByTestId('import-changes').textContent()).toContain('Employee E2E0001');
    await page.goto(url('/people/posts?search=PE2E001'));
    expect(await page.textContent('main')).toContain('PE2E001');

    // The past imports list them all, newest first.
    await page.goto(url('/people/import'));
    expect(await page.getByTestId('past-imports').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it('HR can download the template, whose headers are the import’s', async () => {
    const { context, page } = await signedIn(browser, 'hr');
    const res = await page.request.get(url('/people/import/template.csv'));
    expect(res.status()).toBe(200);
    const [header, example] = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/^Post Number,Post Title,Grade,Post FTE,Cost Centre,Team,Service,Payroll Number,/);
    expect(example).toMatch(/^P99001,/);
    await context.close();
  });

  it('refuses the import pages to an EDITOR with the 403 page', async () => {
    const { context, page } = await signedIn(browser, 'editor');
    for (const path of ['/people/import', '/people/import/template.csv']) {
      const res = await page.goto(url(path));
      expect(res?.status(), path).toBe(403);
    }
    const post = await page.request.post(url('/people/import'), {
      multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(file('AB123456C')) } },
      headers: { origin: url('') },
    });
    expect(post.status()).toBe(403);
    await context.close();
  });
});
