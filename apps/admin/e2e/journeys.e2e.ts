import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completableItems } from './api';
import { hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('signing in and out', () => {
  it('refuses a wrong password with an error summary, then signs in and out', async () => {
    const page = await browser.newPage();
    await page.goto(url('/'));
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await hydrated(page);
    await page.getByLabel('Email address').fill('admin@handover.example');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Enter a correct email address and password');
    expect(await page.title()).toMatch(/^Error: /);

    await page.getByLabel('Password').fill('handover-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Bradford');
    expect(await page.getByTestId('days-to-transfer').textContent()).toContain('45 days');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(url('/sign-in'));
    await page.goto(url('/checklists'));
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.close();
  });
});

describe('sign-in throttling', () => {
  it('after five failures for an email, says to wait rather than checking the password', async () => {
    const page = await browser.newPage();
    await page.goto(url('/sign-in'));
    await hydrated(page);
    // An address no test signs in with: the throttle is per email (and per client, at a higher count).
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel('Email address').fill('nobody-throttled@handover.example');
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('There is a problem').waitFor();
      const alert = (await page.getByRole('alert').textContent())!;
      if (attempt <= 5)
        expect(alert, `attempt ${attempt}`).toContain('Enter a correct email address and password');
      else expect(alert).toMatch(/Too many failed sign-ins\. Wait \d+ minutes?, then try again/);
    }
    await page.close();
  });
});

describe('working a checklist item', () => {
  it('completing a day-one critical item moves the dashboard', async () => {
    const { context, page } = await signedIn(browser, 'editor');
    const share = async () => (await page.getByTestId('share-complete').textContent())!;
    const dayOne = async () => (await page.getByTestId('day-one-open').textContent())!;
    const before = { share: await share(), dayOne: await dayOne() };
    const complete = Number(/\((\d+) of/.exec(before.share)![1]);
    const open = Number(/^\s*(\d+)/.exec(before.dayOne)![1]);

    const [item] = await completableItems();
    await page.goto(url(`/checklists/${encodeURIComponent(item!.id)}`));
    await page.getByLabel('Status').selectOption('COMPLETE');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Item updated').count()).toBe(1);
    expect(await page.getByTestId('status').textContent()).toContain('Complete');

    await page.goto(url('/'));
    expect(await share()).toContain(`(${complete + 1} of`);
    expect((await dayOne()).trim()).toMatch(new RegExp(`^${open - 1} of`));
    await context.close();
  });

  it('shows what someone else changed meanwhile and keeps the user’s input', async () => {
    const [, item] = await completableItems();
    const path = `/checklists/${encodeURIComponent(item!.id)}`;
    const a = await signedIn(browser, 'admin');
    const b = await signedIn(browser, 'editor');
    await a.page.goto(url(path));
    await b.page.goto(url(path));

    await a.page.getByLabel('Status').selectOption('AT_RISK');
    await a.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => a.page.getByText('Item updated').count()).toBe(1);

    await b.page.getByLabel('Status').selectOption('BLOCKED');
    await b.page.getByLabel('Evidence notes').fill('SharePoint: Programme/notes from B');
    await b.page.getByRole('button', { name: 'Save changes' }).click();
    const banner = b.page.getByTestId('conflict');
    await expect.poll(() => banner.count()).toBe(1);
    const text = (await banner.textContent())!;
    expect(text).toContain('Someone else changed this item');
    expect(text).toMatch(/Status\s*(In progress|Not started)\s*At risk/);
    expect(await b.page.getByLabel('Status').inputValue()).toBe('BLOCKED');
    expect(await b.page.getByLabel('Evidence notes').inputValue()).toBe('SharePoint: Programme/notes from B');

    await b.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => b.page.getByText('Item updated').count()).toBe(1);
    expect(await b.page.getByTestId('status').textContent()).toContain('Blocked');
    await a.context.close();
    await b.context.close();
  });

  it('works without JavaScript too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email address').fill('editor@handover.example');
    await page.getByLabel('Password').fill('handover-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/'));
    const [, , item] = await completableItems();
    await page.goto(url(`/checklists/${encodeURIComponent(item!.id)}`));
    const due = page.getByRole('group', { name: 'Due date' });
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('2');
    await due.getByLabel('Year').fill('2023');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.getByRole('alert').first().textContent()).toContain('Due date must be a real date');
    await due.getByLabel('Day').fill('28');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.textContent('main')).toContain('28 February 2023');
    await context.close();
  });
});

describe('the dashboard', () => {
  it('draws each workstream’s readiness bar at its share complete', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    const rows = await page.getByTestId('readiness-by-workstream').locator('tbody tr').all();
    expect(rows.length).toBeGreaterThan(10);
    const seen = new Set<number>();
    for (const row of rows) {
      const share = Number(/(\d+)%/.exec((await row.locator('td').first().textContent())!)![1]);
      const track = (await row.locator('.app-bar__track').boundingBox())!;
      const fill = (await row.locator('.app-bar__fill').boundingBox())!;
      expect(Math.abs((fill.width / track.width) * 100 - share), `bar for ${share}%`).toBeLessThan(1.5);
      seen.add(share);
    }
    // The workstreams are not all equally ready, so neither are the bars.
    expect(seen.size).toBeGreaterThan(3);
    await context.close();
  });
});

describe('exports', () => {
  it('exports exactly the filtered list as CSV, every page of it', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    await page.goto(url('/checklists?status=BLOCKED&status=AT_RISK&sort=REF'));
    const refs = await page
      .getByTestId('checklist-table')
      .locator('tbody tr td:first-child a')
      .allTextContents();
    const total = Number(/of (\d+) items/.exec((await page.getByRole('status').first().textContent())!)![1]);
    expect(total).toBeGreaterThan(refs.length);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Download as CSV').click(),
    ]);
    expect(download.suggestedFilename()).toBe('checklist-items-2023-02-15.csv');
    const stream = await download.createReadStream();
    let csv = '';
    for await (const chunk of stream) csv += (chunk as Buffer).toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Reference,Title,Workstream,Service,Due date,Overdue,Day-one critical,Status,Owner organisation,Owner,Blocked by',
    );
    // Every page of the filtered list, in the same order as on screen.
    const csvRefs = lines.slice(1).map((l) => l.split(',')[0]);
    expect(csvRefs.length).toBe(total);
    expect(csvRefs.slice(0, refs.length)).toEqual(refs.map((r) => r.split(':')[0]));
    await context.close();
  });
});

describe('a board member (VIEWER)', () => {
  it('reads an item but cannot change it, even by posting the form directly', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    const [item] = await completableItems();
    const path = `/checklists/${encodeURIComponent(item!.id)}`;
    await page.goto(url(path));
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.textContent('main')).toContain('Your role can read checklists but not change them');
    const res = await page.request.post(url(`${path}?/update`), {
      // As a browser without JavaScript posts the form: it asks for HTML.
      headers: { origin: url(''), accept: 'text/html' },
      form: { expectedVersion: String(item!.version), status: 'COMPLETE', ownerOrg: 'COUNCIL' },
    });
    expect(res.status(), await res.text()).toBe(403);
    const after = await completableItems();
    expect(after.find((i) => i.id === item!.id)?.status).toBe(item!.status);
    await context.close();
  });
});
