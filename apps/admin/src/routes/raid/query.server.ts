import { gql } from '$lib/server/api';
import { allPages, many, text, type PageOf } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import {
  OPEN_STATUSES,
  RAID_STATUSES,
  RAID_TYPES,
  RISK_BANDS,
  type RaidStatus,
  type RaidType,
  type RiskBand,
  type RiskScore,
} from './scores';

export interface RaidFilterInput {
  types?: RaidType[];
  statuses?: RaidStatus[];
  bands?: RiskBand[];
  search?: string;
}

/** The filters in the query string (?type=RISK&status=OPEN&band=HIGH&search=payroll) as the API's RaidItemFilter. */
export function raidFilter(url: URL): RaidFilterInput {
  const filter: RaidFilterInput = {};
  const types = many(url, 'type', RAID_TYPES);
  if (types.length) filter.types = types;
  const statuses = many(url, 'status', RAID_STATUSES);
  if (statuses.length) filter.statuses = statuses;
  const bands = many(url, 'band', RISK_BANDS);
  if (bands.length) filter.bands = bands;
  const search = text(url, 'search');
  if (search) filter.search = search;
  return filter;
}

interface HeatResult {
  today: string;
  programmes: {
    edges: {
      node: {
        id: string;
        name: string;
        riskBands: { band: string; min: number; max: number }[];
        raidItems: PageOf<{ id: string; current: RiskScore | null }>;
      };
    }[];
  };
}

const HEAT = programmeQuery(
  `riskBands { band min max }
  raidItems(first: 200, after: $after, filter: $filter) {
    pageInfo { endCursor hasNextPage } edges { node { id current { likelihood impact score band } } } }`,
  '$after: String, $filter: RaidItemFilter',
);

type RiskBands = HeatResult['programmes']['edges'][number]['node']['riskBands'];

const BANDS = programmeQuery('riskBands { band min max }');

/**
 * The open risks among the items the filters show (what the heat map counts, over every page), with
 * the programme's risk bands that colour the map.
 */
export async function openRisks(token: string | null, filter: RaidFilterInput) {
  const open: readonly string[] = OPEN_STATUSES;
  const types = (filter.types ?? ['RISK']).filter((t) => t === 'RISK');
  const statuses = (filter.statuses ?? [...OPEN_STATUSES]).filter((s) => open.includes(s));
  const filtered = Object.keys(filter).length > 0;
  if (types.length === 0 || statuses.length === 0) {
    // No open risk can match these filters: an empty map, coloured all the same.
    const data = await gql<{ today: string; programmes: { edges: { node: { riskBands: RiskBands } }[] } }>(
      BANDS,
      { token },
    );
    return { today: data.today, riskBands: firstProgramme(data).riskBands, risks: [], filtered };
  }
  let today = '';
  let riskBands: RiskBands = [];
  const risks = await allPages(async (after) => {
    const data = await gql<HeatResult>(HEAT, {
      token,
      variables: { after, filter: { ...filter, types, statuses } },
    });
    today = data.today;
    const programme = firstProgramme(data);
    riskBands = programme.riskBands;
    return programme.raidItems;
  });
  return { today, riskBands, risks, filtered };
}
