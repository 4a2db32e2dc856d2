import { gql } from '$lib/server/api';
import { allPages } from '$lib/server/list';
import { csvResponse, toCsv, type CsvColumn } from '$lib/server/csv';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { formatDate, humanise } from '$lib/format';
import { MILESTONE_FIELDS, ownerOf, slippage, type MilestoneRow } from '../milestones';
import { milestoneFilter } from '../query.server';
import type { RequestHandler } from './$types';

interface Result {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        milestones: {
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          edges: { node: MilestoneRow }[];
        };
      };
    }[];
  };
}

const QUERY = programmeQuery(
  `milestones(first: 200, after: $after, filter: $filter) {
    pageInfo { endCursor hasNextPage } edges { node { ${MILESTONE_FIELDS} } } }`,
  '$after: String, $filter: MilestoneFilter',
);

/** The columns of the table on /milestones, as it shows them. */
const COLUMNS: CsvColumn<MilestoneRow>[] = [
  { header: 'Milestone', value: (m) => m.name },
  { header: 'Critical', value: (m) => (m.critical ? 'Critical' : '') },
  { header: 'Workstream or service', value: (m) => ownerOf(m) },
  { header: 'Planned date', value: (m) => formatDate(m.plannedDate) },
  { header: 'Forecast', value: (m) => formatDate(m.forecastDate) },
  { header: 'Actual', value: (m) => formatDate(m.actualDate) },
  { header: 'Slippage', value: (m) => slippage(m.slippageDays) },
  { header: 'RAG', value: (m) => humanise(m.rag) },
];

export const GET: RequestHandler = async ({ locals, url }) => {
  const filter = milestoneFilter(url);
  let today: string | undefined;
  const rows = await allPages(async (after) => {
    const data: Result = await gql<Result>(QUERY, { token: locals.token, variables: { after, filter } });
    today = data.today;
    return firstProgramme(data).milestones;
  });
  return csvResponse(toCsv(rows, COLUMNS), 'milestones', today ?? '');
};
