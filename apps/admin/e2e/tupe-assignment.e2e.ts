/**
 * The TUPE workflow as HR works it: filter the employees, decide one, decide a team at once, record an
 * objection; the run refused before the instant (the e2e day is 2023-02-15). Others see counts only.
 * Each test picks employees no other test (here or elsewhere) changes, by payroll order.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api';
import { hydrated, launch, signedIn, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

interface Person {
  id: string;
  payrollNumber: string;
  version: number;
  tupeStatus: string;
  contractType: string;
  post: { team: { id: string; name: string } } | null;
}

async function employees(
  filter: Record<string, unknown>,
  first = 200,
): Promise<{ total: number; rows: Person[] }> {
  const data = await apiAs<{
    programmes: { edges: { node: { employees: { totalCount: number; edges: { node: Person }[] } } }[] };
  }>(
    'hr',
    `query ($filter: EmployeeFilter, $first: Int) { programmes(first: 1) { edges { node {
      employees(first: $first, filter: $filter) { totalCount edges { node { id payrollNumber version tupeStatus contractType post { team { id name } } } } }
    } } } }`,
    { filter, first },
  );
  const c = data.programmes.edges[0]!.node.employees;
  return { total: c.totalCount, rows: c.edges.map((e) => e.node) };
}

/** The first number in the transfer page's "what will happen": how many will transfer. */
async function willTransfer(page: Page): Promise<number> {
  await page.goto(url('/people/transfer'));
  const text = await page.locator('[data-testid="what-will-happen"] strong').first().textContent();
  return Number(text!.replace(/,/g, ''));
}

describe('TUPE assignment for HR', () => {
  it('filters the employees by decision, team and objection, and the CSV export follows the filters', async () => {
    const { context, page } = await signedIn(browser, 'hr');
    await page.goto(url('/people/employees'));
    await hydrated(page);
    await page.check('#decision-DISPUTED');
    await page.selectOption('#objected', 'no');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/decision=DISPUTED/);
    expect(page.url()).toContain('objected=no');
    const expected = await employees({ assignmentDecisions: ['DISPUTED'], objected: false });
    const caption = (await page.locator('[data-testid="employees"] caption').textContent())!.replace(
      /\s+/g,
      ' ',
    );
    expect(caption).toContain(`${expected.total} employees match the filters`);
    const decisions = await page
      .locator('[data-testid="employees"] tbody tr td:nth-child(8)')
      .allTextContents();
    expect(decisions.length).toBeGreaterThan(0);
    expect(new Set(decisions.map((d) => d.trim()))).toEqual(new Set(['Disputed']));

    const team = expected.rows[0]!.post!.team;
    await page.selectOption('#team', team.id);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/team=/);
    const inTeam = await employees({
      assignmentDecisions: ['DISPUTED'],
      objected: false,
      teamIds: [team.id],
    });
    const rows = await page.locator('[data-testid="employees"] tbody tr').count();
    expect(rows).toBe(inTeam.total);

    const href = (await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href'))!;
    expect(href).toContain('decision=DISPUTED');
    const csv = await (await page.request.get(url(href))).text();
    const lines = csv.trim().split(/\r?\n/).slice(1);
    expect(lines).toHaveLength(inTeam.total);
    for (const line of lines) expect(line).toContain('Disputed');
    await context.close();
  });

  it('decides one employee: the status follows and the history shows the decision', async () => {
    const { rows } = await employees({ tupeStatuses: ['IN_SCOPE_DISPUTED'] });
    const target = rows.at(-1)!;
    const { context, page } = await signedIn(browser, 'hr');
    await page.goto(url(`/people/employees/${encodeURIComponent(target.id)}`));
    await hydrated(page);
    await page.check('#decision-ASSIGNED');
    await page.fill('#decide-timeOnServicePercent', '80');
    await page.fill('#decide-rationale', 'Four days a week on the front door; post charged to the service');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect
      .poll(() => page.locator('[data-testid="saved"]').textContent())
      .toContain('Assignment decision recorded');
    expect(await page.locator('[data-testid="tupe-status"]').textContent()).toBe('In scope: assigned');
    const first = (await page.locator('[data-testid="decision-history"] tbody tr').first().textContent())!;
    expect(first).toContain('Assigned (80%)');
    expect(first).toContain('Four days a week on the front door');
    expect(await page.locator('[data-testid="history"]').textContent()).toContain('Assignment decided');
    await context.close();
  });

  it('shows a conflict, keeping the input, when someone else decided meanwhile', async () => {
    const { rows } = await employees({ tupeStatuses: ['IN_SCOPE_DISPUTED'] });
    const target = rows.at(-2)!;
    const { context, page } = await signedIn(browser, 'hr');
    await page.goto(url(`/people/employees/${encodeURIComponent(target.id)}`));
    await hydrated(page);
    await apiAs(
      'hr',
      `mutation ($input: DecideAssignmentInput!) { decideAssignment(input: $input) { __typename } }`,
      {
        input: {
          employeeId: target.id,
          expectedVersion: target.version,
          decision: 'NOT_ASSIGNED',
          rationale: 'Decided elsewhere',
        },
      },
    );
    await page.check('#decision-ASSIGNED');
    await page.fill('#decide-rationale', 'My own rationale');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect.poll(() => page.locator('[data-testid="conflict"]').count()).toBe(1);
    expect(await page.locator('[data-testid="conflict"]').textContent()).toContain('Not assigned');
    expect(await page.inputValue('#decide-rationale')).toBe('My own rationale');
    await context.close();
  });

  it('decides for a whole team after a confirmation of how many will change', async () => {
    const { rows } = await employees({ tupeStatuses: ['IN_SCOPE_ASSIGNED'] });
    const team = rows[120]!.post!.team;
    const members = await employees({ teamIds: [team.id] });
    // Refused: by their state, or as not the council's employees (agency workers, secondees in).
    const refused = members.rows.filter(
      (m) =>
        ['OBJECTED', 'REDEPLOYED_PRE_TRANSFER', 'LEAVER_BEFORE_TRANSFER', 'TRANSFERRED'].includes(
          m.tupeStatus,
        ) || ['AGENCY_WORKER', 'SECONDEE_IN'].includes(m.contractType),
    ).length;
    const { context, page } = await signedIn(browser, 'hr');
    await page.goto(url('/people/assignment'));
    await hydrated(page);
    await page.selectOption('#team', team.id);
    await page.check('#decision-ASSIGNED');
    await page.fill('#rationale', 'Front-line team of the transferring service');
    await page.uncheck('#onlyUndecided');
    await page.getByRole('button', { name: 'Continue' }).click();
    const count = page.locator('[data-testid="preview-count"]');
    await expect.poll(() => count.count()).toBe(1);
    const n = members.total - refused;
    expect(await count.textContent()).toBe(`${n} ${n === 1 ? 'employee' : 'employees'}`);
    await page.getByRole('button', { name: /^Confirm/ }).click();
    await expect
      .poll(() => page.locator('[data-testid="team-done"]').textContent())
      .toContain(`Assigned recorded for ${n}`);
    const after = await employees({ teamIds: [team.id], tupeStatuses: ['IN_SCOPE_ASSIGNED'] });
    expect(after.total).toBe(n);
    expect(after.rows.filter((m) => ['AGENCY_WORKER', 'SECONDEE_IN'].includes(m.contractType))).toEqual([]);
    await context.close();
  });

  it('records an objection: the employee leaves the transferring count', async () => {
    const { rows } = await employees({ tupeStatuses: ['IN_SCOPE_ASSIGNED'] });
    const target = rows[5]!;
    const { context, page } = await signedIn(browser, 'hr');
    const before = await willTransfer(page);
    await page.goto(url(`/people/employees/${encodeURIComponent(target.id)}`));
    await hydrated(page);
    // A date with no month is refused, naming the part missing; the GOV.UK date input keeps what was typed.
    await page.fill('#objection-receivedOn-day', '14');
    await page.fill('#objection-receivedOn-year', '2023');
    await page.getByRole('button', { name: 'Record objection' }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain('Date received must include a month');
    expect(await page.inputValue('#objection-receivedOn-day')).toBe('14');
    await page.fill('#objection-receivedOn-month', '2');
    await page.fill('#objection-note', 'Wishes to stay with the council');
    await page.getByRole('button', { name: 'Record objection' }).click();
    await expect.poll(() => page.locator('[data-testid="tupe-status"]').textContent()).toBe('Objected');
    expect(await willTransfer(page)).toBe(before - 1);
    await context.close();
  });

  it('refuses the transfer run before the instant, naming it', async () => {
    const { context, page } = await signedIn(browser, 'hr');
    await page.goto(url('/people/transfer'));
    await hydrated(page);
    expect(await page.locator('[data-testid="transfer-at"]').textContent()).toContain('1 April 2023');
    await page.getByRole('button', { name: 'Run the transfer' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.count()).toBe(1);
    const text = (await summary.textContent())!;
    expect(text).toContain('only at or after its instant');
    expect(text).toContain('1 April 2023');
    expect(await page.locator('[data-testid="no-runs"]').count()).toBe(1);
    await context.close();
  });
});

describe('TUPE assignment for other roles', () => {
  it('an EDITOR sees counts only: no staff record, no decision form, no run', async () => {
    const { context, page } = await signedIn(browser, 'editor');
    await page.goto(url('/people/assignment'));
    expect(await page.locator('[data-testid="assignment-progress"] tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="hr-only-notice"]').count()).toBe(1);
    expect(await page.locator('[data-testid="team-form"]').count()).toBe(0);
    await page.goto(url('/people/transfer'));
    expect(await page.locator('[data-testid="what-will-happen"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Run the transfer' }).count()).toBe(0);
    const main = (await page.textContent('main'))!;
    expect(main).not.toMatch(/BR\d+/);
    const { rows } = await employees({ tupeStatuses: ['IN_SCOPE_ASSIGNED'] }, 1);
    const record = await page.goto(url(`/people/employees/${encodeURIComponent(rows[0]!.id)}`));
    expect(record?.status()).toBe(403);
    await context.close();
  });
});
