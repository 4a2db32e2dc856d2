import { error } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { formatDate, humanise } from '$lib/format';
import type { CsvColumn, CsvTables } from '$lib/server/csv';

export interface ServicePage {
  __typename: 'Service';
  id: string;
  name: string;
  description: string;
  disposition: string;
  transferStatus: string;
  /** Where the recorded status contradicts readiness, what is wrong (the API's rule); else null. */
  statusContradiction: string | null;
  version: number;
  shadowDate: string | null;
  goLiveDate: string | null;
  headcount: { posts: number; vacantPosts: number; employees: number; fte: number };
  readiness: {
    applicable: number;
    complete: number;
    shareComplete: number;
    overdue: number;
    blocked: number;
    dayOneCritical: number;
    dayOneCriticalOpen: number;
  };
  teams: { id: string; name: string }[];
  checklistItems: {
    id: string;
    ref: string;
    title: string;
    status: string;
    dueDate: string | null;
    overdue: boolean;
    dayOneCritical: boolean;
    workstream: { name: string };
  }[];
  milestones: {
    id: string;
    name: string;
    plannedDate: string;
    forecastDate: string | null;
    actualDate: string | null;
    rag: string;
    critical: boolean;
    slippageDays: number | null;
  }[];
}

interface Result {
  today: string;
  node: ServicePage | { __typename: string } | null;
}

const QUERY = `query ($id: ID!) {
  today
  node(id: $id) {
    __typename
    ... on Service {
      id name description disposition transferStatus statusContradiction version shadowDate goLiveDate
      headcount { posts vacantPosts employees fte }
      readiness { applicable complete shareComplete overdue blocked dayOneCritical dayOneCriticalOpen }
      teams { id name }
      checklistItems { id ref title status dueDate overdue dayOneCritical workstream { name } }
      milestones { id name plannedDate forecastDate actualDate rag critical slippageDays }
    }
  }
}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `id` reads as a service's global ID (canonical base64 of "Service:<uuid>", as the API
 * writes them). Anything else names no service: it is not found without asking the API, which
 * answers some malformed IDs with an internal error rather than null.
 */
function looksLikeServiceId(id: string): boolean {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  if (Buffer.from(decoded, 'utf8').toString('base64') !== id) return false;
  const [typename, key, ...rest] = decoded.split(':');
  return typename === 'Service' && rest.length === 0 && UUID.test(key ?? '');
}

const isService = (node: Result['node']): node is ServicePage => node?.__typename === 'Service';

/** The service of that ID, or a 404 when there is none (or the ID is malformed). */
export async function loadService(
  token: string | null,
  id: string,
): Promise<{ today: string; service: ServicePage }> {
  if (!looksLikeServiceId(id)) error(404, 'Service not found');
  let data: Result;
  try {
    data = await gql<Result>(QUERY, { token, variables: { id } });
  } catch (e) {
    if (e instanceof ApiError && e.codes.includes('BAD_USER_INPUT')) error(404, 'Service not found');
    throw e;
  }
  if (!isService(data.node)) error(404, 'Service not found');
  return { today: data.today, service: data.node };
}

const notSet = (date: string | null, none = 'Not set') => (date ? formatDate(date) : none);

/** The service page's tables, as it shows them, by the name of their CSV export. */
export function serviceTables(s: ServicePage): CsvTables {
  const stem = s.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    'checklist-items': () => ({
      name: `${stem}-checklist-items`,
      rows: s.checklistItems,
      columns: [
        { header: 'Ref', value: (i) => i.ref },
        { header: 'Item', value: (i) => i.title },
        { header: 'Day-one critical', value: (i) => (i.dayOneCritical ? 'Yes' : 'No') },
        { header: 'Workstream', value: (i) => i.workstream.name },
        { header: 'Due date', value: (i) => notSet(i.dueDate) },
        { header: 'Overdue', value: (i) => (i.overdue ? 'Yes' : 'No') },
        { header: 'Status', value: (i) => humanise(i.status) },
      ] satisfies CsvColumn<ServicePage['checklistItems'][number]>[],
    }),
    milestones: () => ({
      name: `${stem}-milestones`,
      rows: s.milestones,
      columns: [
        { header: 'Milestone', value: (m) => m.name },
        { header: 'Critical', value: (m) => (m.critical ? 'Yes' : 'No') },
        { header: 'Planned date', value: (m) => formatDate(m.plannedDate) },
        { header: 'Forecast', value: (m) => notSet(m.forecastDate) },
        {
          header: 'Days after its planned date',
          value: (m) => (!m.actualDate && m.slippageDays && m.slippageDays > 0 ? m.slippageDays : 0),
        },
        { header: 'Actual', value: (m) => notSet(m.actualDate, 'Not yet') },
        { header: 'RAG', value: (m) => humanise(m.rag) },
      ] satisfies CsvColumn<ServicePage['milestones'][number]>[],
    }),
  };
}
