/** Debian's Chromium driven by playwright-core (never a downloaded browser), and axe-core. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
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
  // Every page of every context this browser opens reports its console errors (see watchConsole).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchConsole(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watchPage(page);
    return page;
  };
  return browser;
}

/**
 * Console errors and uncaught exceptions of the pages the tests drive, since the last check: a page
 * that logs an error (a CSP violation, a failed script or stylesheet, a broken hydration, a failed
 * fetch) fails the test that drove it (e2e/console.setup.ts checks after every test).
 *
 * One kind is the app answering as designed, not an error of the page: Chromium logs "Failed to load
 * resource: ... status of 4xx" for every page or form post the server refuses (a 403 page for a role
 * without access, a form answered 400 with its error summary, a 429 sign-in). Those are left out when
 * the resource is a page load (a navigation) or a SvelteKit form action (`x-sveltekit-action`): the
 * tests check those answers themselves. Any other failed resource (a script, a stylesheet, a data
 * request), any 5xx, and every other console error counts.
 */
interface ConsoleError {
  text: string;
  /** The resource a "Failed to load resource" message is about. */
  resource: string | null;
}
const consoleErrors: ConsoleError[] = [];
/** Page loads and form actions the server answered 4xx, by URL. */
const refusedAnswers = new Set<string>();
/** Errors the current test expects, each with the reason (cleared after every test). */
const expectedErrors: { pattern: RegExp; why: string }[] = [];
const watched = new WeakSet<Page>();

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of 4\d\d\b/;

function watchPage(page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('response', (response) => {
    const request = response.request();
    const status = response.status();
    if (status < 400 || status >= 500) return;
    if (request.isNavigationRequest() || request.headers()['x-sveltekit-action'] === 'true') {
      refusedAnswers.add(response.url());
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push({
      text: `${page.url()}: console error: ${message.text()}`,
      resource: FAILED_RESOURCE.test(message.text()) ? message.location().url : null,
    });
  });
  page.on('pageerror', (error) =>
    consoleErrors.push({ text: `${page.url()}: uncaught ${error.name}: ${error.message}`, resource: null }),
  );
}

export function watchConsole(context: BrowserContext): BrowserContext {
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
  return context;
}

/**
 * Lets the current test's pages log errors matching `pattern` (e.g. the browser's "Failed to load
 * resource: ... 404" for an address the test means to be missing). Give the reason: only a
 * documented, deliberate error may be allowed.
 */
export function allowConsoleError(pattern: RegExp, why: string): void {
  if (!why.trim()) throw new Error('allowConsoleError needs the reason the error is expected');
  expectedErrors.push({ pattern, why });
}

/** The errors logged since the last call that no allowConsoleError of the test expects; resets both. */
export function takeConsoleErrors(): string[] {
  const unexpected = consoleErrors
    .filter((e) => !(e.resource && refusedAnswers.has(e.resource)))
    .map((e) => e.text)
    .filter((text) => !expectedErrors.some(({ pattern }) => pattern.test(text)));
  consoleErrors.length = 0;
  expectedErrors.length = 0;
  refusedAnswers.clear();
  return unexpected;
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

/**
 * WCAG 1.4.10 (reflow): at 320 CSS pixels wide the page itself never scrolls sideways (a wide table
 * may, inside its own scrolling region). Resizes the page in place, without loading it again, and
 * puts the viewport back. On failure names the elements that stick out.
 */
export async function expectReflow(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: viewport?.height ?? 800 });
  try {
    const { scrollWidth, culprits } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrolls = (el: Element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
      const culprits: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el.getBoundingClientRect().right <= width + 0.5) continue;
        let inside = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) inside = true;
        if (!inside && culprits.length < 5) {
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`);
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, culprits };
    });
    expect(scrollWidth, `${page.url()} at 320 px is ${scrollWidth} px wide: ${culprits.join(', ')}`).toBeLessThanOrEqual(320);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}
