import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('checklist templates', () => {
  it('an admin lists the built-in templates, imports one (a bad file refused with its problems), applies it twice and exports it', async () => {
    const { page, context } = await signedIn(browser, 'admin');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Plan' }).click();
    await page.waitForURL(url('/plan/critical-path'));
    await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Templates' }).click();
    await page.waitForURL(url('/templates'));
    expect(await page.getByTestId('templates-workstream').locator('tbody tr').count()).toBeGreaterThanOrEqual(
      17,
    );
    expect(
      await page.getByTestId('templates-service').getByText("Children's home re-registration").count(),
    ).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Import a template (YAML or JSON)' }).click();
    await page.waitForURL(url('/templates/import'));
    await hydrated(page);
    await page
      .getByLabel('Or paste it')
      .fill(
        'key: Not A Key\nversion: 1\nname: Broken\nkind: WORKSTREAM\nworkstream: ICT_DATA\nitems:\n  - key: a\n    title: A\n    ownerOrg: NOBODY\n    dueOffsetDays: -10\n    dependsOn: [missing]\n',
      );
    await page.getByRole('button', { name: 'Import template' }).click();
    const problems = page.getByTestId('problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('items[0].ownerOrg');
    expect(text).toContain('items[0].dependsOn[0]');
    expect(text).toContain('key');
    await expectAccessible(page);

    const key = `e2e-${Date.now()}`;
    await hydrated(page);
    await page
      .getByLabel('Or paste it')
      .fill(
        `key: ${key}\nversion: 1\nname: E2E cutover ${key}\nkind: WORKSTREAM\nworkstream: PROGRAMME_GOVERNANCE\nitems:\n` +
          '  - key: plan\n    title: Plan it\n    ownerOrg: JOINT\n    dueOffsetDays: -90\n    durationDays: 5\n    signOffRole: DCS\n' +
          '  - key: do\n    title: Do it\n    ownerOrg: TRUST\n    dueOffsetDays: 0\n    dayOneCritical: true\n    dependsOn: [plan]\n',
      );
    await page.getByRole('button', { name: 'Import template' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/templates/') && !u.pathname.endsWith('/import'));
    await page.getByRole('heading', { name: `E2E cutover ${key}` }).waitFor();
    const items = page.getByTestId('template-items');
    expect(await items.getByText('T-90').count()).toBe(1);
    expect(await items.getByText('Day-one critical').count()).toBe(1);
    await expectAccessible(page);

    await hydrated(page);
    await page.getByLabel('Apply this template to').selectOption('programme');
    await page.getByRole('button', { name: 'Apply template' }).click();
    const banner = page.getByTestId('applied');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('2 items created');
    expect(await banner.getByText(`${key.toUpperCase()}/PLAN`).count()).toBe(1);
    await expectAccessible(page);

    await hydrated(page);
    await page.getByLabel('Apply this template to').selectOption('programme');
    await page.getByRole('button', { name: 'Apply template' }).click();
    await expect
      .poll(async () => (await page.getByTestId('applied').textContent()) ?? '')
      .toContain('nothing changed');

    const href = await page.getByRole('link', { name: /Download YAML/ }).getAttribute('href');
    const yaml = await context.request.get(url(href!));
    expect(yaml.status()).toBe(200);
    expect(await yaml.text()).toContain(`key: ${key}`);
    const json = await context.request.get(url(href!.replace('yaml', 'json')));
    expect(JSON.parse(await json.text())).toMatchObject({ key, version: 1 });
    await context.close();
  });

  it('a viewer reads a template but has no apply form and no import', async () => {
    const { page, context } = await signedIn(browser, 'viewer');
    await page.goto(url('/templates'));
    expect(await page.getByRole('link', { name: 'Import a template (YAML or JSON)' }).count()).toBe(0);
    await page.getByRole('link', { name: 'HR and TUPE' }).first().click();
    await page.getByRole('heading', { name: 'HR and TUPE' }).waitFor();
    expect(await page.getByRole('button', { name: 'Apply template' }).count()).toBe(0);
    expect(
      await page.getByTestId('template-items').getByText('Employee liability information issued').count(),
    ).toBe(1);
    const refused = await page.goto(url('/templates/import'));
    expect(refused?.status()).toBe(403);
    await context.close();
  });
});
