/**
 * `pnpm bench`: how long the API takes to answer the queries the admin app
 * leans on, over the full seeded demo (about 1,700 posts, 430 checklist items).
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.ts';

let api: TestApi;
let token: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  token = await api.login('VIEWER');
  programmeId = await api.programmeId();
});
afterAll(async () => api.close());

async function run(query: string, variables: Record<string, unknown> = {}) {
  const res = await api.gql(query, { id: programmeId, ...variables }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

/** Runs `fn` as a Tinybench benchmark; the reporter prints its figures. */
const measure = (name: string, fn: () => Promise<void>) =>
  test(name, async ({ bench }) => {
    await bench(name, fn).run({ time: 2000 });
  });

describe('API queries on the Bradford demo', () => {
  measure('dashboard: readiness by workstream, headcount by TUPE status', () =>
    run(`query ($id: ID!) { programme(id: $id) { daysToTransfer readiness { shareComplete overdue dayOneCriticalOpen }
      readinessByWorkstream { workstream { name } readiness { shareComplete } } headcountByTupeStatus { tupeStatus employees } } }`),
  );
  measure('every service with teams, items, dependencies and headcount', () =>
    run(`query ($id: ID!) { programme(id: $id) { services(first: 50) { edges { node { name headcount { posts employees }
      teams { name } checklistItems { ref status blockedBy { ref } } } } } } }`),
  );
  measure('checklist page: overdue day-one critical items, 50 a page', () =>
    run(`query ($id: ID!) { programme(id: $id) { checklistItems(first: 50, filter: { overdue: true, dayOneCritical: true }) {
      totalCount edges { node { ref title status dueDate workstream { name } owner { name } } } } } }`),
  );
  measure('employees page: 200 by TUPE status', () =>
    run(`query ($id: ID!) { programme(id: $id) { employees(first: 200, filter: { tupeStatuses: [IN_SCOPE_ASSIGNED] }) {
      totalCount edges { node { payrollNumber tupeStatus post { title team { name } } } } } } }`),
  );
});
