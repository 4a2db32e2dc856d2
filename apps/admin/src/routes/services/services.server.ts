/**
 * The services list, shared by the page (/services) and its CSV export
 * (/services/export.csv): the same filters from the query string, the same query.
 */
import { gql } from '$lib/server/api';
import { allPages, many, text } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';

export const DISPOSITIONS = ['TRANSFERS', 'VARIES', 'REGIONAL', 'RETAINED_BY_COUNCIL'] as const;
export const TRANSFER_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'READY', 'TRANSFERRED', 'RETAINED'] as const;

export type Disposition = (typeof DISPOSITIONS)[number];
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** The filters as the query string carries them: ?disposition=A&transferStatus=B&search=text. */
export interface ServiceFilters {
  dispositions: Disposition[];
  transferStatuses: TransferStatus[];
  search: string;
}

export interface ServiceRow {
  id: string;
  name: string;
  disposition: Disposition;
  transferStatus: TransferStatus;
  shadowDate: string | null;
  goLiveDate: string | null;
  headcount: { posts: number; vacantPosts: number; employees: number; fte: number };
  readiness: { applicable: number; shareComplete: number };
}

interface ServicesResult {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        services: {
          totalCount: number;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          edges: { node: ServiceRow }[];
        };
      };
    }[];
  };
}

const QUERY = programmeQuery(
  `services(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node {
      id name disposition transferStatus shadowDate goLiveDate
      headcount { posts vacantPosts employees fte }
      readiness { applicable shareComplete }
    } }
  }`,
  '$first: Int!, $after: String, $filter: ServiceFilter',
);

export function serviceFilters(url: URL): ServiceFilters {
  return {
    dispositions: many(url, 'disposition', DISPOSITIONS),
    transferStatuses: many(url, 'transferStatus', TRANSFER_STATUSES),
    search: text(url, 'search', 100) ?? '',
  };
}

/** The GraphQL ServiceFilter for the filters: empty lists and an empty search mean no filter. */
function apiFilter(filters: ServiceFilters): Record<string, unknown> {
  return {
    ...(filters.dispositions.length ? { dispositions: filters.dispositions } : {}),
    ...(filters.transferStatuses.length ? { transferStatuses: filters.transferStatuses } : {}),
    ...(filters.search ? { search: filters.search } : {}),
  };
}

/** One page of the programme's services that match the filters, by name. */
export async function fetchServices(
  token: string | null,
  filters: ServiceFilters,
  first: number,
  after: string | null,
) {
  const data = await gql<ServicesResult>(QUERY, {
    token,
    variables: { first, after, filter: apiFilter(filters) },
  });
  const programme = firstProgramme(data);
  return {
    today: data.today,
    programme: { id: programme.id, name: programme.name },
    totalCount: programme.services.totalCount,
    pageInfo: programme.services.pageInfo,
    services: programme.services.edges.map((e) => e.node),
  };
}

/** Every service that matches the filters, over all pages (for the CSV export). */
export async function fetchAllServices(token: string | null, filters: ServiceFilters) {
  let today = '';
  const rows = await allPages(async (after) => {
    const page = await fetchServices(token, filters, 200, after);
    today = page.today;
    return { pageInfo: page.pageInfo, edges: page.services.map((node) => ({ node })) };
  });
  return { today, rows };
}

/** Readiness as a whole percentage, or null for a service with no applicable items. */
export function readinessPercent(row: ServiceRow): number | null {
  return row.readiness.applicable > 0 ? Math.round(row.readiness.shareComplete * 100) : null;
}
