import { gql } from '$lib/server/api';
import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { RAID_ROW_FIELDS, type RaidRow } from './raid';
import { heatMap, raidFilter } from './query.server';
import type { PageServerLoad } from './$types';

interface ListResult {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        raidItems: { totalCount: number; edges: { node: RaidRow }[] };
      };
    }[];
  };
}

const LIST = programmeQuery(
  `raidItems(first: $first, after: $after, filter: $filter) { totalCount edges { node { ${RAID_ROW_FIELDS} } } }`,
  '$first: Int, $after: String, $filter: RaidItemFilter',
);

export const load: PageServerLoad = async ({ locals, url }) => {
  const { page, first, after } = pageRequest(url);
  const filter = raidFilter(url);
  const [data, heat] = await Promise.all([
    gql<ListResult>(LIST, { token: locals.token, variables: { first, after, filter } }),
    heatMap(locals.token, filter),
  ]);
  const programme = firstProgramme(data);
  return {
    items: programme.raidItems.edges.map((e) => e.node),
    heatMap: heat.map,
    /** The page's filters, kept by the heat map's cell links. */
    query: url.search,
    pagination: pagination(url, page, programme.raidItems.totalCount),
    filters: {
      types: filter.types ?? [],
      statuses: filter.statuses ?? [],
      bands: filter.bands ?? [],
      search: filter.search ?? '',
      cell:
        filter.likelihood !== undefined || filter.impact !== undefined
          ? { likelihood: filter.likelihood ?? null, impact: filter.impact ?? null }
          : null,
    },
    filtered: Object.keys(filter).length > 0,
    canEdit: locals.viewer?.role === 'ADMIN' || locals.viewer?.role === 'EDITOR',
    exportHref: exportHref(url, '/raid/export.csv'),
    heatMapHref: exportHref(url, '/raid/heat-map.csv'),
  };
};
