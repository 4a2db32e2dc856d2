import { gql } from '$lib/server/api';
import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { MILESTONE_FIELDS, type MilestoneRow } from './milestones';
import { milestoneFilter } from './query.server';
import type { PageServerLoad } from './$types';

interface Result {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        transferDate: string;
        milestones: { totalCount: number; edges: { node: MilestoneRow }[] };
      };
    }[];
  };
}

const QUERY = programmeQuery(
  `transferDate milestones(first: $first, after: $after, filter: $filter) {
    totalCount edges { node { ${MILESTONE_FIELDS} } } }`,
  '$first: Int, $after: String, $filter: MilestoneFilter',
);

export const load: PageServerLoad = async ({ locals, url }) => {
  const { page, first, after } = pageRequest(url);
  const filter = milestoneFilter(url);
  const data = await gql<Result>(QUERY, { token: locals.token, variables: { first, after, filter } });
  const programme = firstProgramme(data);
  return {
    today: data.today,
    transferDate: programme.transferDate,
    milestones: programme.milestones.edges.map((e) => e.node),
    pagination: pagination(url, page, programme.milestones.totalCount),
    filters: {
      critical: filter.critical === true,
      rags: filter.rags ?? [],
      achieved: url.searchParams.get('achieved') ?? '',
    },
    filtered: Object.keys(filter).length > 0,
    exportHref: exportHref(url, '/milestones/export.csv'),
  };
};
