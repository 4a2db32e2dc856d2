/** Debian's Chromium driven by playwright-core (never a downloaded browser), and axe-core. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const url = (path: string): string => `${inject('baseUrl')}${path}`;

export type Role = 'admin' | 'editor' | 'hr' | 'viewer';

/**
 * Waits until the page has hydrated (the layout's onMount marks the body). Typing into a form before
 * then can be undone by hydration, which resets inputs to their server-rendered values: on a loaded
 * machine that made sign-ins flaky.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
}

/** A fresh browser context (its own cookies), signed in as the demo user of `role`. */
export async function signedIn(
  browser: Browser,
  role: Role,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url('/sign-in'));
  await hydrated(page);
  await page.getByLabel('Email address').fill(`${role}@handover.example`);
  await page.getByLabel('Password').fill('handover-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(url('/'));
  return { context, page };
}

/** axe-core against WCAG 2.2 A and AA: no violation allowed. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}
