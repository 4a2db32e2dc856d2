/**
 * Setup of every e2e file: a test fails if a page it drove logged a console error or threw an
 * uncaught exception (CSP violations, failed scripts, hydration errors), unless the test allowed that
 * error by name with allowConsoleError (e2e/browser.ts).
 */
import { afterEach, expect } from 'vitest';
import { takeConsoleErrors } from './browser';

afterEach(async () => {
  // Let console messages still in flight from the test's last page arrive.
  await new Promise((r) => setTimeout(r, 50));
  expect(takeConsoleErrors(), 'console errors and uncaught exceptions in the browser').toEqual([]);
});
