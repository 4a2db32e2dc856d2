import { gql } from '$lib/server/api';
import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { RAID_ROW_FIELDS, type RaidRow } from './raid';
import { openRisks, raidFilter } from './query.server';
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

const LIST = programmeQuery(
  `riskBands { band min max }
  raidItems(first: $first, after: $after, filter: $filter) { totalCount edges { node { ${RAID_ROW_FIELDS} } } }`,
  '$first: Int, $after: String, $filter: RaidItemFilter',
);

export const load: PageServerLoad = async ({ locals, url }) => {
  const { page, first, after } = pageRequest(url);
  const filter = raidFilter(url);
  const [data, heat] = await Promise.all([
    gql<ListResult>(LIST, { token: locals.token, variables: { first, after, filter } }),
    openRisks(locals.token, filter),
  ]);
  const programme = firstProgramme(data);
  return {
    items: programme.raidItems.edges.map((e) => e.node),
    riskBands: programme.riskBands,
    risks: heat.risks,
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
    heatMapHref: exportHref(url, '/raid/heat-map.csv'),
  };
};
