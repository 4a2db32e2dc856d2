import { gql } from '$lib/server/api';
import { allPages } from '$lib/server/list';
import { csvResponse, toCsv, type CsvColumn } from '$lib/server/csv';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { formatDate, humanise } from '$lib/format';
import { RAID_ROW_FIELDS, type RaidRow } from '../raid';
import { raidFilter } from '../query.server';
import type { RequestHandler } from './$types';

interface Result {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        raidItems: {
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          edges: { node: RaidRow }[];
        };
      };
    }[];
  };
}

const QUERY = programmeQuery(
  `raidItems(first: 200, after: $after, filter: $filter) {
    pageInfo { endCursor hasNextPage } edges { node { ${RAID_ROW_FIELDS} } } }`,
  '$after: String, $filter: RaidItemFilter',
);

/** The columns of the table on /raid, as it shows them. */
const COLUMNS: CsvColumn<RaidRow>[] = [
  { header: 'Ref', value: (r) => r.ref },
  { header: 'Type', value: (r) => humanise(r.type) },
  { header: 'Title', value: (r) => r.title },
  { header: 'Owner organisation', value: (r) => r.ownerOrganisation?.name ?? '' },
  { header: 'Status', value: (r) => humanise(r.status) },
  { header: 'Current score', value: (r) => r.current?.score ?? '' },
  { header: 'Band', value: (r) => humanise(r.current?.band) },
  { header: 'Due date', value: (r) => formatDate(r.dueDate) },
];

export const GET: RequestHandler = async ({ locals, url }) => {
  const filter = raidFilter(url);
  let today: string | undefined;
  const rows = await allPages(async (after) => {
    const data: Result = await gql<Result>(QUERY, { token: locals.token, variables: { after, filter } });
    today = data.today;
    return firstProgramme(data).raidItems;
  });
  return csvResponse(toCsv(rows, COLUMNS), 'raid-log', today ?? '');
};
