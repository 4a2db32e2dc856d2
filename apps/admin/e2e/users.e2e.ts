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
  status: string;
  workstream: { name: string };
  blockedBy: unknown[];
}

/** Open items of a workstream, found behind the browser's back. */
async function openItemOf(workstream: string): Promise<Item> {
  const data = await apiAs<{
    programmes: { edges: { node: { checklistItems: { edges: { node: Item }[] } } }[] };
  }>(
    'admin',
    `{ programmes(first: 1) { edges { node { checklistItems(first: 200, filter: { statuses: [NOT_STARTED, IN_PROGRESS] }) {
      edges { node { id ref status workstream { name } blockedBy { id } } } } } } } }`,
  );
  const item = data.programmes.edges[0]!.node.checklistItems.edges.map((e) => e.node).find(
    (n) => n.workstream.name === workstream && n.blockedBy.length === 0,
  );
  if (!item) throw new Error(`no open item of ${workstream}`);
  return item;
}

describe('users', () => {
  it('an admin creates an EDITOR of two workstreams, who changes only their items, and is signed out when deactivated', async () => {
    const admin = await signedIn(browser, 'admin');
    const email = `lead.${Date.now()}@handover.example`;

    await admin.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).click();
    await admin.page.waitForURL(url('/users'));
    await expectAccessible(admin.page);
    await admin.page.getByRole('button', { name: 'Create a user' }).click();
    await admin.page.waitForURL(url('/users/new'));
    await hydrated(admin.page);
    await admin.page.getByLabel('Name').fill('Lee Finance');
    await admin.page.getByLabel('Email address').fill(email);
    await admin.page.getByRole('radio', { name: 'Workstream lead' }).check();
    await admin.page.getByRole('checkbox', { name: 'Finance', exact: true }).check();
    await admin.page.getByRole('checkbox', { name: 'Legal and governance' }).check();
    await expectAccessible(admin.page);
    await admin.page.getByRole('button', { name: 'Create user' }).click();
    const shown = admin.page.getByTestId('initial-password');
    await shown.waitFor();
    const password = (await shown.textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    expect(await admin.page.getByText('shown once only').count()).toBe(1);
    await expectAccessible(admin.page);

    // The new lead signs in with the password shown.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url('/sign-in'));
    await hydrated(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/'));
    // No Users page for them.
    expect(
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).count(),
    ).toBe(0);

    const mine = await openItemOf('Finance');
    await page.goto(url(`/checklists/${encodeURIComponent(mine.id)}`));
    await page.getByLabel('Status').selectOption(mine.status === 'AT_RISK' ? 'IN_PROGRESS' : 'AT_RISK');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Item updated').count()).toBe(1);

    const theirs = await openItemOf('HR and TUPE');
    await page.goto(url(`/checklists/${encodeURIComponent(theirs.id)}`));
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.getByTestId('read-only').textContent()).toContain(
      'Only an admin, a lead of the HR and TUPE workstream',
    );
    await expectAccessible(page);
    // Posting the form anyway (as a browser without JavaScript would) is refused with the API's reason.
    const posted = await page.request.post(url(`/checklists/${encodeURIComponent(theirs.id)}?/update`), {
      headers: { origin: url(''), accept: 'text/html' },
      form: { expectedVersion: '1', status: 'AT_RISK', ownerOrg: 'COUNCIL' },
    });
    expect(posted.status()).toBe(403);
    expect(await posted.text()).toContain('lead of the HR and TUPE workstream');

    // The admin deactivates them (with a confirmation step): their very next page load is the sign-in page.
    await admin.page.goto(url('/users'));
    await admin.page.getByRole('link', { name: 'Lee Finance' }).first().click();
    await admin.page.getByRole('button', { name: 'Deactivate user' }).click();
    await admin.page.waitForURL((u) => u.searchParams.get('confirm') === 'deactivate');
    await expectAccessible(admin.page);
    await admin.page.getByRole('button', { name: 'Yes, deactivate Lee Finance' }).click();
    await admin.page.waitForURL((u) => u.searchParams.get('saved') === 'deactivated');
    expect(await admin.page.getByTestId('status').textContent()).toContain('Deactivated');

    await page.goto(url(`/checklists/${encodeURIComponent(mine.id)}`));
    await page.waitForURL((u) => u.pathname === '/sign-in');
    await context.close();
    await admin.context.close();
  });

  it('is closed to everyone but an admin, who is told why', async () => {
    const { context, page } = await signedIn(browser, 'editor');
    const res = await page.goto(url('/users'));
    expect(res?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Only programme managers can manage users',
    );
    await expectAccessible(page);
    await context.close();
  });
});
