import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('readiness and the go/no-go gate', () => {
  it('shows the Day-1 readiness matrix with its weighting rule and a CSV', async () => {
    const viewer = await signedIn(browser, 'viewer');
    await viewer.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Governance' })
      .click();
    await viewer.page.waitForURL(url('/readiness'));
    expect(await viewer.page.getByTestId('readiness-rule').textContent()).toMatch(
      /day-one critical item 3 times/,
    );
    const matrix = viewer.page.getByTestId('readiness-matrix');
    expect(await matrix.getByRole('row').count()).toBeGreaterThan(2);
    // RAG is written as text, not colour alone.
    expect(await matrix.getByText(/% (Red|Amber|Green)/).count()).toBeGreaterThan(0);
    const csv = await viewer.page.request.get(url('/readiness/export.csv'));
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\n')[0]).toContain('Weighted readiness (%)');
    await expectAccessible(viewer.page);
  });

  it('the programme manager judges criteria, signs as the DCS what they see, and withdraws with a reason', async () => {
    const admin = await signedIn(browser, 'admin');
    await admin.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Governance' })
      .click();
    await admin.page.waitForURL(url('/readiness'));
    await admin.page
      .getByRole('navigation', { name: 'Governance' })
      .getByRole('link', { name: 'Go/no-go' })
      .click();
    await admin.page.waitForURL(url('/gate'));
    await hydrated(admin.page);
    expect(await admin.page.getByTestId('gate-outcome').textContent()).toContain('Open: still to be decided');

    // Waiving needs a rationale.
    const title = 'Insurance in place';
    await admin.page.getByLabel(`Status of ${title}`).selectOption('WAIVED');
    await admin.page.getByLabel(`Rationale for ${title} (needed to waive)`).fill('');
    await admin.page.getByRole('button', { name: `Save ${title}` }).click();
    await expect
      .poll(() => admin.page.getByText('Enter a rationale: say why the criterion is waived').count())
      .toBeGreaterThan(0);
    await expectAccessible(admin.page);
    await hydrated(admin.page);
    await admin.page.getByLabel(`Status of ${title}`).selectOption('WAIVED');
    await admin.page
      .getByLabel(`Rationale for ${title} (needed to waive)`)
      .fill('Cover note from the insurer accepted');
    await admin.page.getByRole('button', { name: `Save ${title}` }).click();
    await expect
      .poll(() =>
        admin.page.getByTestId('gate-criteria').getByText('Cover note from the insurer accepted').count(),
      )
      .toBe(1);

    // Signing shows exactly what is signed; only the admin's own role is offered.
    const snapshot = admin.page.getByTestId('sign-snapshot');
    expect(await snapshot.getByText('Cover note from the insurer accepted').count()).toBe(1);
    expect(await admin.page.getByRole('button', { name: 'Sign off as s151 officer' }).count()).toBe(0);
    await admin.page
      .getByRole('button', { name: 'Sign off as Director of Children’s Services (DCS)' })
      .click();
    const signOffs = admin.page.getByTestId('gate-signoffs');
    await signOffs.waitFor();
    expect(await signOffs.getByText('Director of Children’s Services (DCS)').count()).toBe(1);
    expect(await admin.page.getByTestId('gate-outcome').textContent()).toContain('Open: still to be decided');
    await expectAccessible(admin.page);

    // Withdrawing needs a reason; both records stay.
    await hydrated(admin.page);
    await admin.page.getByRole('button', { name: 'Withdraw my sign-off' }).click();
    await expect
      .poll(() => admin.page.getByText('Enter a reason for withdrawing your sign-off').count())
      .toBeGreaterThan(0);
    await hydrated(admin.page);
    await admin.page.getByLabel('Reason for withdrawing').fill('Payroll reconciliation reopened');
    await admin.page.getByRole('button', { name: 'Withdraw my sign-off' }).click();
    await expect.poll(() => signOffs.getByText(/Payroll reconciliation reopened/).count()).toBe(1);
    expect(await signOffs.getByRole('row').count()).toBe(2);
    // The DCS may sign again.
    expect(
      await admin.page
        .getByRole('button', { name: 'Sign off as Director of Children’s Services (DCS)' })
        .count(),
    ).toBe(1);
  });
});
