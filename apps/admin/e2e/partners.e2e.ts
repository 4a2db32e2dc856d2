import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/**
 * A call to the API as a partner would make it: plain fetch with the token. The API runs in production
 * here, so a partner names one of the published queries (apps/api/partner-queries) rather than sending
 * its own.
 */
async function asPartner(token: string, body: { query: string } | { operationName: string }) {
  const res = await fetch(inject('apiUrl'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const SERVICES = { operationName: 'ServicesDeliveredBy' };

describe('partner API tokens', () => {
  it('an admin creates a token, sees it once, the partner queries with it, and after revoking it is refused', async () => {
    const { context, page } = await signedIn(browser, 'admin');
    await page.goto(url('/partners'));
    await page.getByRole('button', { name: 'Create a token' }).click();
    await page.waitForURL(url('/partners/new'));

    // Nothing filled in: named errors, GOV.UK style.
    await page.getByLabel('Day').fill('');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('There is a problem').waitFor();
    const summary = (await page.locator('.govuk-error-summary').textContent())!;
    expect(summary).toContain('Enter a name for the token');
    expect(summary).toContain('Select the partner organisation');
    expect(summary).toContain('Expiry date must include a day');

    const name = `WYP hub ${Date.now()}`;
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Organisation').selectOption({ label: 'West Yorkshire Police' });
    const next = new Date(Date.now() + 30 * 86_400_000);
    await page.getByLabel('Day').fill(String(next.getUTCDate()));
    await page.getByLabel('Month').fill(String(next.getUTCMonth() + 1));
    await page.getByLabel('Year').fill(String(next.getUTCFullYear()));
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: 'Token created' }).waitFor();
    const token = (await page.getByTestId('new-token').textContent())!.trim();
    expect(token).toMatch(/^hop_[A-Za-z0-9_-]{43}$/);
    expect(await page.textContent('main')).toContain('will not be shown again');

    // The list shows the token's start, never the token.
    await page.goto(url('/partners'));
    const row = page.locator('main table tbody tr', { hasText: name });
    expect(await row.textContent()).toContain(token.slice(0, 12));
    expect(await page.content()).not.toContain(token);
    const csv = await (await context.request.get(url('/partners/export.csv'))).text();
    expect(csv).toContain(name);
    expect(csv).not.toContain(token);

    // The partner: organisational answers from a published query, and no query of its own at all
    // (the partner schema, which has no people in it, is tested in the API's own tests).
    const served = await asPartner(token, SERVICES);
    expect(served.errors).toBeUndefined();
    expect(JSON.stringify(served.data)).toContain('Bradford Children and Families Trust');
    const people = await asPartner(token, {
      query: '{ programmes(first: 1) { edges { node { employees(first: 1) { totalCount } } } } }',
    });
    expect(people.data ?? null).toBeNull();
    expect(people.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENTS_ONLY');

    await row.getByRole('link', { name: /Revoke/ }).click();
    await page.getByRole('heading', { name: `Are you sure you want to revoke ${name}?` }).waitFor();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.waitForURL(/\/partners\?revoked=/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('no longer works');
    expect(await page.locator('main table tbody tr', { hasText: name }).textContent()).toContain('Revoked');

    const refused = await asPartner(token, SERVICES);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await context.close();
  });

  for (const role of ['editor', 'hr', 'viewer'] as const) {
    it(`${role} cannot reach partner tokens, but sees the data sharing agreements`, async () => {
      const { context, page } = await signedIn(browser, role);
      expect(await page.locator('nav').textContent()).not.toContain('Partners');
      for (const path of ['/partners', '/partners/new', '/partners/export.csv']) {
        expect((await page.goto(url(path)))?.status(), path).toBe(403);
      }
      await page.goto(url('/agreements'));
      const main = (await page.textContent('main'))!;
      expect(main).toContain('DSA-001');
      expect(main).toContain('West Yorkshire Police');
      const csv = await (await context.request.get(url('/agreements/export.csv'))).text();
      expect(csv.split('\r\n')[0]).toContain('Lawful basis');
      expect(csv).toContain('DSA-006');
      await context.close();
    });
  }
});
