import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api';
import { expectAccessible, hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const stateOf = async (page: Page, step: string) =>
  (await page
    .locator(`[data-testid="tupe-timeline"] tr[data-step="${step}"] [data-testid="step-state"]`)
    .first()
    .textContent())!.trim();

describe('ELI, consultation, pensions and the TUPE timeline', () => {
  it('HR creates and sends an ELI package, records a meeting and letters, saves the admission agreement, and the timeline follows', async () => {
    const { context, page } = await signedIn(browser, 'hr');

    await page.goto(url('/people/timeline'));
    expect(await stateOf(page, 'ELI_SENT')).toMatch(/^Upcoming/);
    expect(await stateOf(page, 'MEASURES_LETTERS_SENT')).toMatch(/^Due soon/);

    // ELI: due 28 days before the 1 April 2023 transfer.
    await page.goto(url('/people/eli'));
    expect(await page.textContent('[data-testid="eli-due"]')).toContain('Due on 4 March 2023');
    await hydrated(page);
    await page.getByLabel('Identity and age').check();
    await page.getByRole('button', { name: 'Start package' }).click();
    await page.waitForURL(/\/people\/eli\/[^/?]+\?created/);
    expect(await page.textContent('[data-testid="eli-created"]')).toMatch(
      /Package 1 started as a draft, listing 1,\d{3} people/,
    );
    await hydrated(page);
    for (const label of [
      'Written statement of particulars',
      'Disciplinary action and grievances (last 2 years)',
      'Claims (last 2 years, or expected)',
      'Collective agreements',
    ])
      await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Save categories' }).click();
    await page.waitForSelector('[data-testid="eli-saved"]');
    await hydrated(page);
    await page.getByRole('button', { name: 'Record as sent' }).click();
    await page.waitForSelector('[data-testid="eli-sent"]');
    expect(await page.textContent('[data-testid="eli-package-status"]')).toContain(
      'Sent on 15 February 2023',
    );
    // Who is in it, 100 a page.
    expect(await page.locator('[data-testid="eli-package-employees"] tbody tr').count()).toBe(100);
    expect(await page.textContent('main')).toMatch(/Showing 1 to 100 of 1,?\d{3} people/);
    // Sent: no form changes it any more.
    expect(await page.locator('[data-testid="eli-send"], [data-testid="eli-categories"]').count()).toBe(0);
    await expectAccessible(page);

    await page.goto(url('/people/eli'));
    expect(await page.textContent('[data-testid="eli-state"]')).toContain('Sent, complete and up to date');

    // A consultation meeting; a bad minutes link first, which is refused and keeps what was typed.
    await page.goto(url('/people/consultation'));
    await hydrated(page);
    await page.getByText('Record a meeting').click();
    await page.getByLabel('UNISON').check();
    await page.getByLabel('GMB').check();
    await page.getByLabel('Attendees').fill('UNISON branch secretary\nCouncil HR lead (TUPE)');
    await page.getByLabel('Issues raised').fill('Lease cars after transfer');
    await page.getByLabel('Minutes link (optional)').fill('ftp://minutes');
    await page.getByRole('button', { name: 'Record meeting' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Minutes link must start with http:// or https://',
    );
    expect(await page.getByLabel('Issues raised').inputValue()).toBe('Lease cars after transfer');
    await hydrated(page);
    await page.getByLabel('Minutes link (optional)').fill('https://intranet.example/minutes/2023-02-15');
    await page.getByRole('button', { name: 'Record meeting' }).click();
    await page.waitForSelector('[data-testid="consultation-done"]');
    expect(await page.textContent('[data-testid="meetings"]')).toContain('Lease cars after transfer');

    // Measures letters to everyone in the transferring list.
    await hydrated(page);
    await page.getByRole('button', { name: 'Record letters sent' }).click();
    await page.waitForSelector('[data-testid="consultation-done"]');
    expect(await page.textContent('[data-testid="consultation-done"]')).toMatch(
      /Recorded 1,\d{3} letters sent on 15 February 2023; skipped 0 already sent/,
    );
    expect((await page.textContent('[data-testid="letters-not-sent"]'))!.trim()).toBe('0');
    // Who has had one, for HR: every one of them, paged.
    expect(await page.textContent('[data-testid="letter-recipients"]')).toMatch(
      /Showing 1 to 25 of 1,?\d{3} letters/,
    );

    // The admission agreement, signed yesterday.
    await page.goto(url('/people/pensions'));
    expect(await page.textContent('[data-testid="pension-warning"]')).toContain('LGPS members transfer');
    await hydrated(page);
    await page.locator('#signedOn-day').fill('14');
    await page.locator('#signedOn-month').fill('2');
    await page.locator('#signedOn-year').fill('2023');
    await page.getByRole('button', { name: 'Save agreement' }).click();
    await page.waitForSelector('[data-testid="pension-saved"]');
    expect(await page.textContent('[data-testid="agreement-signed"]')).toContain('14 February 2023');
    expect(await page.locator('[data-testid="pension-warning"]').count()).toBe(0);

    await page.goto(url('/people/timeline'));
    expect(await stateOf(page, 'ELI_SENT')).toMatch(/^Done\s+on 15 February 2023/);
    expect(await stateOf(page, 'MEASURES_LETTERS_SENT')).toMatch(/^Done\s+on 15 February 2023/);
    expect(await stateOf(page, 'PENSION_ADMISSION_SIGNED')).toMatch(/^Done\s+on 14 February 2023/);
    await context.close();
  });

  for (const role of ['viewer', 'editor', 'admin', 'hr'] as const) {
    it(`shows the TUPE timeline on the dashboard to ${role}`, async () => {
      const { context, page } = await signedIn(browser, role);
      const section = page.locator('[data-testid="dashboard-timeline"]');
      expect(await section.textContent()).toContain('Next deadlines');
      expect(await section.locator('tr[data-step]').count()).toBeGreaterThan(0);
      // The next deadlines export as CSV exactly as shown.
      const shown = (await section.locator('tr[data-step] th').allTextContents()).map((t) =>
        t.replace(/Statutory/, '').trim(),
      );
      const csv = await (await page.request.get(url('/dashboard/tupe-timeline-next.csv'))).text();
      const firstColumn = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]!.replace(/^"|"$/g, ''));
      expect(shown.slice(-firstColumn.length)).toEqual(firstColumn);
      await page.getByRole('link', { name: 'The whole TUPE timeline' }).click();
      await page.waitForURL(url('/people/timeline'));
      expect(await page.locator('[data-testid="tupe-timeline"] tr[data-step]').count()).toBe(10);
      await context.close();
    });
  }

  it('shows an EDITOR counts only: no people, no forms', async () => {
    const data = await apiAs<{ programmes: { edges: { node: { eli: { packages: { id: string }[] } } }[] } }>(
      'hr',
      '{ programmes(first: 1) { edges { node { eli { packages { id } } } } } }',
    );
    const { context, page } = await signedIn(browser, 'editor');
    await page.goto(url('/people/eli'));
    expect(await page.textContent('[data-testid="eli-counts"]')).toMatch(
      /In the transferring list\s*1,\d{3}/,
    );
    expect(await page.locator('form[data-testid="eli-create"]').count()).toBe(0);
    for (const { id } of data.programmes.edges[0]!.node.eli.packages) {
      await page.goto(url(`/people/eli/${encodeURIComponent(id)}`));
      expect(await page.textContent('[data-testid="eli-package-count"]')).toMatch(/\d+/);
      expect(await page.textContent('main')).toContain('visible to HR only');
      expect(await page.locator('[data-testid="eli-package-employees"]').count()).toBe(0);
      expect(await page.textContent('main')).not.toMatch(/\bBR\d+\b/);
    }
    for (const path of ['/people/consultation', '/people/pensions', '/people/timeline']) {
      await page.goto(url(path));
      expect(await page.locator('main form').count(), path).toBe(0);
    }
    await context.close();
  });
});
