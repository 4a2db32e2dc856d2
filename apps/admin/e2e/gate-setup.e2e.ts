import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('setting up the go/no-go gate', () => {
  it('the programme manager renames the gate, adds a criterion and a signatory, sees them on the gate, and removes them', async () => {
    const { context, page } = await signedIn(browser, 'admin');
    await page.goto(url('/gate'));
    const seededName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await page.getByRole('link', { name: 'Set up the gate' }).click();
    await page.waitForURL(url('/gate/setup'));
    await hydrated(page);

    // An empty name and an impossible date are refused, GOV.UK style, and nothing is saved.
    await page.getByLabel('Name').fill('');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByRole('button', { name: 'Save name and date' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: 'Enter the name of the gate' }).getAttribute('href')).toBe(
      '#name',
    );
    expect(
      await summary
        .getByRole('link', { name: 'The decision due date must be a real date' })
        .getAttribute('href'),
    ).toBe('#decisionDue-day');
    await expectAccessible(page);

    // Renamed, due a day later.
    await hydrated(page);
    await page.getByLabel('Name').fill('Go/no-go: Bradford go-live');
    await page.getByLabel('Day').fill('25');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2023');
    await page.getByRole('button', { name: 'Save name and date' }).click();
    await page.getByTestId('setup-done').getByText('The name and decision due date were saved').waitFor();

    // A criterion and a signatory.
    await hydrated(page);
    await page.getByLabel('What must hold for GO').fill('Out-of-hours rota published');
    await page.getByLabel('Owner').fill('Practice continuity');
    await page.getByRole('button', { name: 'Add criterion' }).click();
    await page
      .getByTestId('setup-done')
      .getByText('The criterion “Out-of-hours rota published” was added')
      .waitFor();
    await hydrated(page);
    // A role title already required is refused, saying why.
    await page.getByLabel('Accountable role').fill('s151 officer');
    await page.getByLabel('Who signs as it').selectOption({ label: 'HR Business Partner (demo)' });
    await page.getByRole('button', { name: 'Add signatory' }).click();
    await summary.getByText(/role titles are unique per gate/).waitFor();
    await hydrated(page);
    await page.getByLabel('Accountable role').fill('Director of HR');
    await page.getByLabel('Who signs as it').selectOption({ label: 'HR Business Partner (demo)' });
    await page.getByRole('button', { name: 'Add signatory' }).click();
    await page.getByTestId('setup-done').getByText('The Director of HR now signs the gate').waitFor();
    await expectAccessible(page);

    // The gate shows them.
    await page.goto(url('/gate'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Go/no-go: Bradford go-live');
    expect(await page.getByText('Decision due 25 March 2023').count()).toBe(1);
    expect(
      await page
        .getByTestId('gate-criteria')
        .getByRole('cell', { name: 'Out-of-hours rota published', exact: true })
        .count(),
    ).toBe(1);
    expect(await page.getByTestId('gate-signatories').getByText('Director of HR').count()).toBe(1);

    // Removed again, each by a button that names it; the name goes back.
    await page.getByRole('link', { name: 'Set up the gate' }).click();
    await page.waitForURL(url('/gate/setup'));
    await hydrated(page);
    await page.getByRole('button', { name: 'Remove the criterion “Out-of-hours rota published”' }).click();
    await page
      .getByTestId('setup-done')
      .getByText('The criterion “Out-of-hours rota published” was removed')
      .waitFor();
    await hydrated(page);
    await page.getByRole('button', { name: 'Remove the Director of HR' }).click();
    await page.getByTestId('setup-done').getByText('The Director of HR no longer signs the gate').waitFor();
    await hydrated(page);
    await page.getByLabel('Name').fill(seededName);
    await page.getByLabel('Day').fill('24');
    await page.getByRole('button', { name: 'Save name and date' }).click();
    await page.getByTestId('setup-done').waitFor();

    await page.goto(url('/gate'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(seededName);
    expect(
      await page
        .getByTestId('gate-criteria')
        .getByRole('cell', { name: 'Out-of-hours rota published', exact: true })
        .count(),
    ).toBe(0);
    expect(await page.getByTestId('gate-signatories').getByText('Director of HR').count()).toBe(0);
    await context.close();
  });

  it('is closed to a board member, who is told why and offered no link to it', async () => {
    const { context, page } = await signedIn(browser, 'viewer');
    await page.goto(url('/gate'));
    expect(await page.getByRole('link', { name: 'Set up the gate' }).count()).toBe(0);
    const res = await page.goto(url('/gate/setup'));
    expect(res?.status()).toBe(403);
    expect(
      await page.getByText('Only a programme manager (the ADMIN role) can set up the go/no-go gate').count(),
    ).toBe(1);
    await expectAccessible(page);
    // A form posted anyway is refused too, and changes nothing.
    const post = await page.request.post(url('/gate/setup?/addCriterion'), {
      form: { gateId: 'x', title: 'Never added', owner: 'Nobody' },
      headers: { origin: url('') },
    });
    expect(post.status()).toBe(403);
    await context.close();
  });
});
