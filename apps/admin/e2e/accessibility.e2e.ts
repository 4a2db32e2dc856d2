import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { apiAs } from './api';
import { expectAccessible, expectReflow, launch, signedIn, url, type Role } from './browser';

const SHOTS = new URL('./screenshots/', import.meta.url);
/** Full-page screenshots of every page checked, to look at (e2e/screenshots/): not in CI, where no one does. */
const SCREENSHOTS = !process.env.CI;

let browser: Browser;
let ids: {
  item: string;
  service: string;
  milestone: string;
  raid: string;
  employee: string;
  user: string;
  hrImport?: string;
  template?: string;
};

beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
  const data = await apiAs<{
    programmes: {
      edges: {
        node: {
          checklistItems: { edges: { node: { id: string } }[] };
          services: { edges: { node: { id: string } }[] };
          milestones: { edges: { node: { id: string } }[] };
          raidItems: { edges: { node: { id: string } }[] };
          employees: { edges: { node: { id: string } }[] };
        };
      }[];
    };
  }>(
    'hr',
    `{ programmes(first: 1) { edges { node {
      checklistItems(first: 1, filter: { statuses: [BLOCKED] }) { edges { node { id } } }
      services(first: 1) { edges { node { id } } }
      milestones(first: 1) { edges { node { id } } }
      raidItems(first: 1) { edges { node { id } } }
      employees(first: 1) { edges { node { id } } }
    } } } }`,
  );
  const p = data.programmes.edges[0]!.node;
  ids = {
    item: p.checklistItems.edges[0]!.node.id,
    service: p.services.edges[0]!.node.id,
    milestone: p.milestones.edges[0]!.node.id,
    raid: p.raidItems.edges[0]!.node.id,
    employee: p.employees.edges[0]!.node.id,
    user: '',
  };
  const users = await apiAs<{ userAccounts: { edges: { node: { id: string; email: string } }[] } }>(
    'admin',
    '{ userAccounts(first: 50) { edges { node { id email } } } }',
  );
  ids.user = users.userAccounts.edges.find((e) => e.node.email === 'editor@handover.example')!.node.id;
  // An HR import refused for an error, so that its result page shows the report; it writes nothing.
  const programmes = await apiAs<{ programmes: { edges: { node: { id: string } }[] } }>(
    'hr',
    '{ programmes(first: 1) { edges { node { id } } } }',
  );
  const started = await apiAs<{ startHrImport: { id: string } }>(
    'hr',
    'mutation ($input: StartHrImportInput!) { startHrImport(input: $input) { ... on HrImport { id } } }',
    {
      input: {
        programmeId: programmes.programmes.edges[0]!.node.id,
        fileName: 'accessibility.csv',
        contentBase64: Buffer.from('Post Number,Post Title,Colour\r\nPA11Y1,Social Worker,blue\r\n').toString(
          'base64',
        ),
      },
    },
  );
  ids.hrImport = started.startHrImport.id;
  const templates = await apiAs<{ checklistTemplates: { id: string; key: string }[] }>(
    'viewer',
    '{ checklistTemplates(kind: SERVICE) { id key } }',
  );
  ids.template = templates.checklistTemplates.find((t) => t.key === 'childrens-home-reregistration')!.id;
  for (let i = 0; i < 50; i++) {
    const found = await apiAs<{ hrImport: { finished: boolean } }>(
      'hr',
      'query ($id: ID!) { hrImport(id: $id) { finished } }',
      { id: ids.hrImport },
    );
    if (found.hrImport.finished) break;
    await new Promise((r) => setTimeout(r, 200));
  }
});
afterAll(async () => browser?.close());

const PAGES: { role: Role; path: () => string }[] = [
  { role: 'admin', path: () => '/' },
  { role: 'admin', path: () => '/services' },
  { role: 'hr', path: () => '/my-work' },
  { role: 'viewer', path: () => '/my-work' },
  { role: 'admin', path: () => `/services/${encodeURIComponent(ids.service)}` },
  { role: 'editor', path: () => '/checklists' },
  { role: 'editor', path: () => '/checklists?overdue=yes&status=BLOCKED' },
  { role: 'editor', path: () => `/checklists/${encodeURIComponent(ids.item)}` },
  { role: 'viewer', path: () => `/checklists/${encodeURIComponent(ids.item)}` },
  { role: 'admin', path: () => '/milestones' },
  { role: 'admin', path: () => `/milestones/${encodeURIComponent(ids.milestone)}` },
  { role: 'admin', path: () => '/raid' },
  { role: 'admin', path: () => '/raid/new' },
  { role: 'admin', path: () => `/raid/${encodeURIComponent(ids.raid)}` },
  { role: 'viewer', path: () => '/people' },
  { role: 'hr', path: () => '/people' },
  { role: 'hr', path: () => '/people/employees' },
  { role: 'hr', path: () => `/people/employees/${encodeURIComponent(ids.employee)}` },
  { role: 'hr', path: () => '/people/posts' },
  { role: 'hr', path: () => '/people/assignment' },
  { role: 'hr', path: () => '/people/transfer' },
  { role: 'viewer', path: () => '/people/assignment' },
  { role: 'viewer', path: () => '/people/transfer' },
  { role: 'hr', path: () => '/people/import' },
  { role: 'hr', path: () => `/people/import/${encodeURIComponent(ids.hrImport!)}` },
  { role: 'hr', path: () => '/people/timeline' },
  { role: 'hr', path: () => '/people/eli' },
  { role: 'hr', path: () => '/people/consultation' },
  { role: 'hr', path: () => '/people/pensions' },
  { role: 'viewer', path: () => '/people/timeline' },
  { role: 'viewer', path: () => '/people/eli' },
  { role: 'viewer', path: () => '/people/consultation' },
  { role: 'viewer', path: () => '/people/pensions' },
  { role: 'admin', path: () => '/audit' },
  { role: 'admin', path: () => '/audit?kind=WRITE&kind=REFUSED' },
  { role: 'admin', path: () => '/partners' },
  { role: 'admin', path: () => '/partners/new' },
  { role: 'viewer', path: () => '/agreements' },
  { role: 'admin', path: () => '/users' },
  { role: 'admin', path: () => '/users/new' },
  { role: 'admin', path: () => `/users/${encodeURIComponent(ids.user)}` },
  { role: 'admin', path: () => `/users/${encodeURIComponent(ids.user)}?confirm=deactivate` },
  { role: 'admin', path: () => `/users/${encodeURIComponent(ids.user)}?confirm=reset` },
  { role: 'viewer', path: () => '/readiness' },
  { role: 'admin', path: () => '/gate' },
  { role: 'admin', path: () => '/gate/setup' },
  { role: 'viewer', path: () => '/gate' },
  { role: 'viewer', path: () => '/templates' },
  { role: 'admin', path: () => '/templates/import' },
  { role: 'editor', path: () => `/templates/${encodeURIComponent(ids.template!)}` },
  { role: 'editor', path: () => `/checklists/${encodeURIComponent(ids.item)}/dependencies` },
  { role: 'viewer', path: () => '/plan/critical-path' },
  { role: 'admin', path: () => '/plan/what-if' },
  {
    role: 'admin',
    path: () => '/plan/what-if?transferDate-day=20&transferDate-month=3&transferDate-year=2023',
  },
  { role: 'admin', path: () => '/plan/baselines' },
  // Signed in, the privacy notice names the programme's employers.
  { role: 'viewer', path: () => '/privacy' },
];

/** Pages anyone may read without signing in (besides the sign-in page). */
const PUBLIC_PAGES = ['/accessibility', '/privacy'];

const PAGES_PER_TEST = 6;

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

describe('every page passes axe (WCAG 2.2 AA), on a desktop and on a phone, and reflows at 320 px', () => {
  for (const { name, viewport } of WIDTHS) {
    /** On the phone pass, each page is also narrowed to 320 px in place (no second visit). */
    const reflow = name === 'phone';

    it(`sign-in page and the public pages, ${name}`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(url('/sign-in'));
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('There is a problem').waitFor();
      await expectAccessible(page);
      if (reflow) await expectReflow(page);
      for (const path of PUBLIC_PAGES) {
        const res = await page.goto(url(path));
        if (!res || res.status() !== 200 || new URL(page.url()).pathname !== path) {
          throw new Error(`${path} answered ${res?.status()} at ${page.url()} without signing in`);
        }
        await expectAccessible(page);
        if (reflow) await expectReflow(page);
      }
      await context.close();
    });

    // A role's pages in groups of a few, each a test of its own, so that no test nears the time limit.
    for (const role of ['admin', 'editor', 'viewer', 'hr'] as const) {
      const pages = PAGES.filter((p) => p.role === role);
      const groups = Math.ceil(pages.length / PAGES_PER_TEST);
      for (let g = 0; g < groups; g++) {
        it(`${role}'s pages (${g + 1} of ${groups}), ${name}`, async () => {
          const { context, page } = await signedIn(browser, role, viewport);
          for (const entry of pages.slice(g * PAGES_PER_TEST, (g + 1) * PAGES_PER_TEST)) {
            const path = entry.path();
            const res = await page.goto(url(path));
            if (!res || res.status() >= 400) throw new Error(`${path} answered ${res?.status()}`);
            if (SCREENSHOTS) {
              await page.screenshot({
                path: new URL(`${role}-${name}-${path.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}.png`, SHOTS)
                  .pathname,
                fullPage: true,
              });
            }
            await expectAccessible(page);
            if (reflow) await expectReflow(page);
          }
          await context.close();
        });
      }
    }
  }
});
