import { gql } from '$lib/server/api';
import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { RAID_ROW_FIELDS, type RaidRow } from './raid';
import { raidFilter, type RaidFilterInput } from './query.server';
import { OPEN_STATUSES, type RiskScore } from './scores';
import type { PageServerLoad } from './$types';

interface ListResult {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        riskBands: { band: string; min: number; max: number }[];
        raidItems: { totalCount: number; edges: { node: RaidRow }[] };
      };
    }[];
  };
}

interface HeatResult {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        raidItems: {
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          edges: { node: { id: string; current: RiskScore | null } }[];
        };
      };
    }[];
  };
}

const LIST = programmeQuery(
  `riskBands { band min max }
  raidItems(first: $first, after: $after, filter: $filter) { totalCount edges { node { ${RAID_ROW_FIELDS} } } }`,
  '$first: Int, $after: String, $filter: RaidItemFilter',
);

const HEAT = programmeQuery(
  `raidItems(first: 200, after: $after, filter: $filter) {
    pageInfo { endCursor hasNextPage } edges { node { id current { likelihood impact score band } } } }`,
  '$after: String, $filter: RaidItemFilter',
);

/** The open risks among the items the filters show: what the heat map counts. */
async function openRisks(token: string | null, filter: RaidFilterInput) {
  const open: readonly string[] = OPEN_STATUSES;
  const types = (filter.types ?? ['RISK']).filter((t) => t === 'RISK');
  const statuses = (filter.statuses ?? [...OPEN_STATUSES]).filter((s) => open.includes(s));
  if (types.length === 0 || statuses.length === 0) return [];
  const risks: { id: string; current: RiskScore | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const data: HeatResult = await gql<HeatResult>(HEAT, {
      token,
      variables: { after, filter: { ...filter, types, statuses } },
    });
    const { raidItems } = firstProgramme(data);
    risks.push(...raidItems.edges.map((e) => e.node));
    if (!raidItems.pageInfo.hasNextPage || !raidItems.pageInfo.endCursor) return risks;
    after = raidItems.pageInfo.endCursor;
  }
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const { page, first, after } = pageRequest(url);
  const filter = raidFilter(url);
  const [data, risks] = await Promise.all([
    gql<ListResult>(LIST, { token: locals.token, variables: { first, after, filter } }),
    openRisks(locals.token, filter),
  ]);
  const programme = firstProgramme(data);
  return {
    items: programme.raidItems.edges.map((e) => e.node),
    riskBands: programme.riskBands,
    risks,
    pagination: pagination(url, page, programme.raidItems.totalCount),
    filters: {
      types: filter.types ?? [],
      statuses: filter.statuses ?? [],
      bands: filter.bands ?? [],
      search: filter.search ?? '',
    },
    filtered: Object.keys(filter).length > 0,
    canEdit: locals.viewer?.role === 'ADMIN' || locals.viewer?.role === 'EDITOR',
    exportHref: exportHref(url, '/raid/export.csv'),
  };
};
