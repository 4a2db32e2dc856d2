/** The checklist list's filters, read from the query string, and its GraphQL query: shared by the page and its CSV export. */
import { OWNER_ORGS, SORTS, STATUSES } from '$lib/checklist';
import { many, text, yesNo } from '$lib/server/list';

export interface ChecklistRow {
  id: string;
  ref: string;
  title: string;
  status: string;
  dueDate: string | null;
  overdue: boolean;
  dayOneCritical: boolean;
  ownerOrg: string;
  owner: { name: string } | null;
  workstream: { name: string };
  service: { name: string } | null;
  blockedBy: { ref: string }[];
}

export const ROW_FIELDS =
  'id ref title status dueDate overdue dayOneCritical ownerOrg owner { name } workstream { name } service { name } blockedBy { ref }';

function ownerFilter(url: URL): '' | 'me' | 'none' {
  const v = url.searchParams.get('owner');
  if (v === 'me' || v === 'none') return v;
  return url.searchParams.get('mine') === 'yes' ? 'me' : '';
}

export function filtersFrom(url: URL, viewerId: string) {
  const workstream = text(url, 'workstream');
  const service = text(url, 'service');
  return {
    statuses: many(url, 'status', STATUSES),
    ownerOrgs: many(url, 'ownerOrg', OWNER_ORGS),
    overdue: yesNo(url, 'overdue'),
    open: yesNo(url, 'open'),
    dayOneCritical: yesNo(url, 'dayOneCritical'),
    /** Whose items: mine (also the older ?mine=yes), none (no named owner: unowned work), or anyone's (''). */
    owner: ownerFilter(url),
    workstream,
    service,
    search: text(url, 'search'),
    sort: SORTS.find((s) => s.value === url.searchParams.get('sort'))?.value ?? 'DUE_DATE',
    /** The GraphQL filter. */
    graphql(): Record<string, unknown> {
      return {
        ...(this.statuses.length ? { statuses: this.statuses } : {}),
        ...(this.ownerOrgs.length ? { ownerOrgs: this.ownerOrgs } : {}),
        ...(this.overdue !== undefined ? { overdue: this.overdue } : {}),
        ...(this.open !== undefined ? { open: this.open } : {}),
        ...(this.dayOneCritical !== undefined ? { dayOneCritical: this.dayOneCritical } : {}),
        ...(this.owner === 'me' ? { ownerIds: [viewerId] } : {}),
        ...(this.owner === 'none' ? { noOwner: true } : {}),
        ...(workstream ? { workstreamIds: [workstream] } : {}),
        ...(service ? { serviceIds: [service] } : {}),
        ...(this.search ? { search: this.search } : {}),
      };
    },
  };
}

export const LIST_QUERY = `query ($filter: ChecklistItemFilter, $sort: ChecklistItemSort, $first: Int, $after: String) {
  today
  programmes(first: 1) { edges { node {
    id
    workstreams { id name }
    services(first: 200) { edges { node { id name } } }
    checklistItems(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { node { ${ROW_FIELDS} } }
    }
  } } }
}`;

export interface ListResult {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        workstreams: { id: string; name: string }[];
        services: { edges: { node: { id: string; name: string } }[] };
        checklistItems: {
          totalCount: number;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          edges: { node: ChecklistRow }[];
        };
      };
    }[];
  };
}
