/** Issue 12, section 1: owners update their own work, "My work", and choosing theirs or yours after a conflict. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api';
import { expectAccessible, hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('my work', () => {
  it('shows HR their open items and the sign-off waiting for them, and lets them update an item they own', async () => {
    const hr = await signedIn(browser, 'hr');
    await hr.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click();
    await hr.page.waitForURL(url('/my-work'));
    expect(await hr.page.getByTestId('my-sign-offs').textContent()).toContain('Trust chief executive');
    const items = hr.page.getByTestId('my-items');
    expect(await items.getByRole('link', { name: /^HR-020:/ }).count()).toBe(1);
    await expectAccessible(hr.page);

    // HR owns HR-020: the owner's form (status, forecast, evidence), not "your role cannot change it".
    await items.getByRole('link', { name: /^HR-020:/ }).click();
    await hr.page.waitForURL(/\/checklists\//);
    await hydrated(hr.page);
    expect(await hr.page.getByTestId('owner-only').count()).toBe(1);
    expect(await hr.page.getByLabel('Due date').count()).toBe(0);
    await hr.page.getByLabel('Status').selectOption('AT_RISK');
    await hr.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => hr.page.getByText('Item updated').count()).toBeGreaterThan(0);
    expect(await hr.page.getByTestId('status').textContent()).toMatch(/At risk/i);
    await hr.context.close();
  });

  it('after a conflict, offers theirs or yours field by field and saves only what was chosen', async () => {
    type M = {
      id: string;
      name: string;
      version: number;
      rag: string;
      forecastDate: string | null;
      actualDate: string | null;
    };
    const list = await apiAs<{ programmes: { edges: { node: { milestones: { edges: { node: M }[] } } }[] } }>(
      'admin',
      '{ programmes(first: 1) { edges { node { milestones(first: 200) { edges { node { id name version rag forecastDate actualDate } } } } } } }',
    );
    const m = list.programmes.edges[0]!.node.milestones.edges.map((e) => e.node)
      .filter((n) => !n.actualDate && n.rag !== 'RED')
      .at(-1)!;
    const admin = await signedIn(browser, 'admin');
    await admin.page.goto(url(`/milestones/${encodeURIComponent(m.id)}`));
    await hydrated(admin.page);

    // A colleague moves the forecast while the form is open.
    const theirs = '2023-03-29';
    await apiAs(
      'admin',
      'mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { __typename } }',
      {
        input: { id: m.id, expectedVersion: m.version, forecastDate: theirs },
      },
    );

    // The user changes the RAG only, and saves: a conflict, with a choice for the forecast (theirs first).
    await admin.page.getByLabel(/^Red:/).check();
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    const choices = admin.page.getByTestId('conflict-choices');
    await choices.waitFor();
    expect(await admin.page.getByTestId('conflict').textContent()).toContain('Forecast date');
    expect(await choices.getByRole('group', { name: 'Forecast date' }).count()).toBe(1);
    expect(await choices.getByLabel(/^Keep theirs: 29 March 2023/).isChecked()).toBe(true);
    expect(await choices.getByRole('group', { name: 'RAG' }).count()).toBe(0);
    await expectAccessible(admin.page);

    // Saving again keeps their forecast and saves the user's RAG.
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => admin.page.getByText(/Milestone updated/).count()).toBeGreaterThan(0);
    const after = await apiAs<{ node: M }>(
      'admin',
      'query ($id: ID!) { node(id: $id) { ... on Milestone { id name version rag forecastDate actualDate } } }',
      { id: m.id },
    );
    expect(after.node).toMatchObject({ rag: 'RED', forecastDate: theirs });
    await admin.context.close();
  });
});
