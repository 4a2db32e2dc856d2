import type { Browser, Page } from 'playwright-core';
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
  version: number;
  durationDays: number;
  forecastDate: string | null;
  blockedBy: { id: string }[];
  attachedEvidence: { label: string; removedAt: string | null }[];
}

const ITEM = 'id ref version durationDays forecastDate blockedBy { id } attachedEvidence { label removedAt }';

/**
 * A finished item that is not day-one critical: the other tests change open day-one critical items and
 * the critical path is made of open ones, so what this test writes is nobody else's business.
 */
async function quietItem(): Promise<Item> {
  const data = await apiAs<{
    programmes: { edges: { node: { checklistItems: { edges: { node: Item }[] } } }[] };
  }>(
    'admin',
    `{ programmes(first: 1) { edges { node { checklistItems(first: 200, filter: { dayOneCritical: false, statuses: [COMPLETE] }) {
      edges { node { ${ITEM} } } } } } } }`,
  );
  const items = data.programmes.edges[0]!.node.checklistItems.edges.map((e) => e.node);
  return items.find((i) => i.blockedBy.length === 0 && i.attachedEvidence.length === 0)!;
}

async function itemNow(id: string): Promise<Item> {
  const data = await apiAs<{ node: Item }>(
    'admin',
    `query ($id: ID!) { node(id: $id) { ... on ChecklistItem { ${ITEM} } } }`,
    {
      id,
    },
  );
  return data.node;
}

const LINK = {
  url: 'https://sharepoint.example.org/sites/programme/dsa-signed.pdf',
  title: 'Signed data sharing agreement',
};
const FILE = { name: 'Réunion notes (v2).txt', body: 'Minutes of the TUPE consultation, 14 February 2023\n' };

let item: Item;
let fileHref: string;

async function added(page: Page, text: 'Evidence added' | 'Evidence removed'): Promise<void> {
  await page.getByText(text).waitFor();
  await hydrated(page);
}

describe('evidence on a checklist item', () => {
  it('an admin adds a link and a file, downloads the file, and removes the link into the history', async () => {
    item = await quietItem();
    const { context, page } = await signedIn(browser, 'admin');
    await page.goto(url(`/checklists/${encodeURIComponent(item.id)}`));
    await hydrated(page);
    const section = page.getByTestId('evidence');
    expect(await section.getByTestId('evidence-none').count()).toBe(1);

    // A link that is not one is refused on its field, and the input is kept.
    await page.getByLabel('Link (URL)', { exact: true }).fill('sharepoint/programme/dsa.pdf');
    await page.getByRole('button', { name: 'Add link' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter a link that starts with https:// or http://');
    expect(await page.getByLabel('Link (URL)', { exact: true }).inputValue()).toBe(
      'sharepoint/programme/dsa.pdf',
    );
    await expectAccessible(page);
    expect((await itemNow(item.id)).attachedEvidence).toHaveLength(0);

    await hydrated(page);
    await page.getByLabel('Link (URL)', { exact: true }).fill(LINK.url);
    await page.getByLabel('Title of the link (optional)').fill(LINK.title);
    await page.getByRole('button', { name: 'Add link' }).click();
    await added(page, 'Evidence added');
    const link = section.getByTestId('evidence-current').getByRole('link', { name: LINK.title });
    expect(await link.getAttribute('href')).toBe(LINK.url);
    expect(await section.getByTestId('evidence-current').textContent()).toContain(
      'By Programme Manager (demo) on',
    );

    // No file chosen: said so, nothing sent.
    await page.getByRole('button', { name: 'Upload file' }).click();
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Select a file');
    await hydrated(page);
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: FILE.name, mimeType: 'text/plain', buffer: Buffer.from(FILE.body) });
    await page.getByRole('button', { name: 'Upload file' }).click();
    await added(page, 'Evidence added');
    const table = section.getByTestId('evidence-current');
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.textContent()).toContain(`(${Buffer.byteLength(FILE.body)} bytes, text/plain)`);

    // The download: the same bytes, the stored type, under its own name, never sniffed.
    const download = table.getByRole('link', { name: `Download ${FILE.name}` });
    fileHref = (await download.getAttribute('href'))!;
    const res = await page.request.get(url(fileHref));
    expect(res.status()).toBe(200);
    expect((await res.body()).toString('utf8')).toBe(FILE.body);
    expect(res.headers()['content-type']).toBe('text/plain');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['content-disposition']).toBe(
      `attachment; filename="R_union notes (v2).txt"; filename*=UTF-8''R%C3%A9union%20notes%20%28v2%29.txt`,
    );
    const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(saved.suggestedFilename()).toBe(FILE.name);
    const unknown = Buffer.from('Evidence:00000000-0000-4000-8000-000000000000').toString('base64');
    expect((await page.request.get(url(`/evidence/${encodeURIComponent(unknown)}`))).status()).toBe(404);

    // Removing the link keeps it, as history; the file stays.
    await page.getByRole('button', { name: `Remove ${LINK.title}` }).click();
    await added(page, 'Evidence removed');
    expect(await table.getByRole('link', { name: LINK.title }).count()).toBe(0);
    expect(await table.getByRole('link', { name: `Download ${FILE.name}` }).count()).toBe(1);
    const history = section.getByTestId('evidence-removed');
    expect(await history.textContent()).toContain(LINK.title);
    expect(await history.textContent()).toMatch(
      /Removed by Programme Manager \(demo\) on \d{1,2} \w{3} \d{4}/,
    );
    await expectAccessible(page);
    const stored = (await itemNow(item.id)).attachedEvidence;
    expect(stored.map((e) => [e.label, e.removedAt !== null])).toEqual(
      expect.arrayContaining([
        [LINK.title, true],
        [FILE.name, false],
      ]),
    );
    await context.close();
  });

  it('an admin sets the duration and forecast on the item, and they are saved', async () => {
    const before = await itemNow(item.id);
    const { context, page } = await signedIn(browser, 'admin');
    await page.goto(url(`/checklists/${encodeURIComponent(item.id)}`));
    await hydrated(page);
    await page.getByLabel('Duration', { exact: true }).fill('2.5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Duration must be a whole number of working days',
    );
    expect((await itemNow(item.id)).version).toBe(before.version);

    await hydrated(page);
    const duration = before.durationDays === 7 ? 8 : 7;
    await page.getByLabel('Duration', { exact: true }).fill(String(duration));
    const forecast = page.getByRole('group', { name: 'Forecast date' });
    await forecast.getByLabel('Day').fill('20');
    await forecast.getByLabel('Month').fill('3');
    await forecast.getByLabel('Year').fill('2023');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Item updated').waitFor();
    expect(await page.getByTestId('duration').textContent()).toBe(`${duration} working days`);
    expect(await page.getByTestId('forecast').textContent()).toBe('20 March 2023');
    const after = await itemNow(item.id);
    expect([after.durationDays, after.forecastDate, after.version]).toEqual([
      duration,
      '2023-03-20',
      before.version + 1,
    ]);
    // The form shows what is stored now.
    expect(await page.getByLabel('Duration', { exact: true }).inputValue()).toBe(String(duration));
    expect(await forecast.getByLabel('Day').inputValue()).toBe('20');
    await context.close();
  });

  it('a board member (VIEWER) sees the evidence and downloads the file, but has no forms and cannot post them', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    await page.goto(url(`/checklists/${encodeURIComponent(item.id)}`));
    const section = page.getByTestId('evidence');
    expect(await section.getByRole('link', { name: `Download ${FILE.name}` }).count()).toBe(1);
    expect(await section.getByTestId('evidence-removed').textContent()).toContain(LINK.title);
    for (const name of ['Add link', 'Upload file', `Remove ${FILE.name}`]) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.getByLabel('Link (URL)').count()).toBe(0);
    expect((await page.request.get(url(fileHref))).status()).toBe(200);

    const before = (await itemNow(item.id)).attachedEvidence.length;
    const posted = await page.request.post(url(`/checklists/${encodeURIComponent(item.id)}?/addEvidence`), {
      headers: { origin: url(''), accept: 'text/html' },
      form: { kind: 'LINK', url: 'https://example.org/not-allowed' },
    });
    expect(posted.status()).toBe(403);
    expect((await itemNow(item.id)).attachedEvidence).toHaveLength(before);
    await expectAccessible(page);
    await context.close();
  });
});

describe('evidence files up to 10 MB', () => {
  it('takes a file of exactly 10 MB and refuses a larger one with a clear message, storing nothing', async () => {
    const { context, page } = await signedIn(browser, 'admin');
    const path = `/checklists/${encodeURIComponent(item.id)}`;
    const before = (await itemNow(item.id)).attachedEvidence.length;
    await page.goto(url(path));
    await hydrated(page);
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'too-big.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 1),
    });
    await page.getByRole('button', { name: 'Upload file' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('The selected file must be smaller than 10 MB');
    expect((await itemNow(item.id)).attachedEvidence).toHaveLength(before);

    const tenMb = Buffer.alloc(10 * 1024 * 1024, 2);
    const posted = await page.request.post(url(`${path}?/addEvidence`), {
      // As a browser without JavaScript posts the form: it asks for HTML, and follows the redirect.
      headers: { origin: url(''), accept: 'text/html' },
      multipart: {
        kind: 'FILE',
        label: 'Ten megabytes',
        file: { name: 'ten.bin', mimeType: 'application/octet-stream', buffer: tenMb },
      },
    });
    expect(posted.status()).toBe(200);
    expect(posted.url()).toContain('evidence=added');
    const after = await itemNow(item.id);
    expect(after.attachedEvidence).toHaveLength(before + 1);
    await page.goto(url(path));
    const href = (await page.getByRole('link', { name: 'Download ten.bin' }).getAttribute('href'))!;
    const body = await (await page.request.get(url(href))).body();
    expect(body.equals(tenMb)).toBe(true);
    await context.close();
  });
});

describe('evidence on a gate criterion', () => {
  // Owned by the ICT and data workstream, which the demo editor leads (only its owner or an admin adds evidence).
  const criterion = 'Front-door phone and email routes live';

  it('an editor adds a link and a file to a criterion; a board member sees them but no forms', async () => {
    const { context, page } = await signedIn(browser, 'editor');
    await page.goto(url('/gate'));
    await hydrated(page);
    const details = page.locator('summary', { hasText: `Add evidence for ${criterion}` });
    await details.click();
    await page
      .getByLabel(`Link (URL) for ${criterion}`)
      .fill('https://sharepoint.example.org/sites/ig/dsa-register.xlsx');
    await page.getByLabel(`Title of the link (optional) for ${criterion}`).fill('DSA register');
    await page.getByRole('button', { name: `Add link for ${criterion}` }).click();
    await page.waitForURL((u) => u.searchParams.get('evidence') === 'added');
    await page.getByText('Evidence added').waitFor();
    await hydrated(page);

    await details.click();
    await page.getByLabel(`File for ${criterion}`, { exact: true }).setInputFiles({
      name: 'dsa-police.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 demo'),
    });
    await page.getByRole('button', { name: `Upload file for ${criterion}` }).click();
    const block = page.getByTestId('criterion-evidence').filter({ hasText: criterion });
    const table = block.getByTestId('evidence-current');
    await table.getByRole('link', { name: 'Download dsa-police.pdf' }).waitFor();
    expect(await table.getByRole('link', { name: 'DSA register' }).getAttribute('href')).toBe(
      'https://sharepoint.example.org/sites/ig/dsa-register.xlsx',
    );
    expect(await table.textContent()).toContain('By Workstream Lead (demo) on');
    const href = (await table.getByRole('link', { name: 'Download dsa-police.pdf' }).getAttribute('href'))!;
    const res = await page.request.get(url(href));
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).toString()).toBe('%PDF-1.4 demo');
    // Only this criterion has them.
    expect(await page.getByRole('link', { name: 'DSA register' }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();

    const viewer = await signedIn(browser, 'viewer');
    await viewer.page.goto(url('/gate'));
    const seen = viewer.page.getByTestId('criterion-evidence').filter({ hasText: criterion });
    expect(await seen.getByRole('link', { name: 'DSA register' }).count()).toBe(1);
    expect(await viewer.page.locator('summary', { hasText: 'Add evidence' }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await viewer.context.close();
  });
});
