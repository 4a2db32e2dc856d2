/** A service's transfer status: recorded by the programme manager, refused where readiness contradicts it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api';
import { expectAccessible, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('a service’s transfer status', () => {
  it('refuses READY for the front door while its day-one critical items are open, naming them', async () => {
    const data = await apiAs<{
      programmes: { edges: { node: { services: { edges: { node: { id: string; key: string } }[] } } }[] };
    }>(
      'viewer',
      '{ programmes(first: 1) { edges { node { services(first: 50) { edges { node { id key } } } } } } }',
    );
    const mash = data.programmes.edges[0]!.node.services.edges.find((e) => e.node.key === 'front-door')!.node;
    const { context, page } = await signedIn(browser, 'admin');
    await page.goto(url(`/services/${encodeURIComponent(mash.id)}`));
    expect(await page.getByTestId('service-status').textContent()).toContain('In progress');
    expect(await page.getByTestId('status-contradiction').count()).toBe(0);
    await page.getByLabel('Change the transfer status').selectOption('READY');
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(
      /The status cannot be ready while 6 day-one critical items are open: [A-Z]+-\d{3} /,
    );
    expect(await page.getByTestId('service-status').textContent()).toContain('In progress');
    await expectAccessible(page);
    await context.close();
    // A viewer is not offered the form.
    const viewer = await signedIn(browser, 'viewer');
    await viewer.page.goto(url(`/services/${encodeURIComponent(mash.id)}`));
    expect(await viewer.page.getByLabel('Change the transfer status').count()).toBe(0);
    await viewer.context.close();
  });
});
