import { gql } from '$lib/server/api';
import { HEAT_MAP_FIELDS, type RiskHeatMap } from '$lib/heatmap';
import { many, text } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import {
  RAID_STATUSES,
  RAID_TYPES,
  RISK_BANDS,
  type RaidStatus,
  type RaidType,
  type RiskBand,
} from './scores';

export interface RaidFilterInput {
  types?: RaidType[];
  statuses?: RaidStatus[];
  bands?: RiskBand[];
  search?: string;
  /** One cell of the heat map: the current rating's likelihood and impact. */
  likelihood?: number;
  impact?: number;
}

/** A rating 1-5 from the query string, or undefined. */
function rating(url: URL, name: string): number | undefined {
  const v = url.searchParams.get(name);
  return v !== null && /^[1-5]$/.test(v) ? Number(v) : undefined;
}

/**
 * The filters in the query string (?type=RISK&status=OPEN&band=HIGH&search=payroll, and a heat-map
 * cell's likelihood=4&impact=5) as the API's RaidItemFilter.
 */
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
  const likelihood = rating(url, 'likelihood');
  if (likelihood !== undefined) filter.likelihood = likelihood;
  const impact = rating(url, 'impact');
  if (impact !== undefined) filter.impact = impact;
  return filter;
}

interface HeatResult {
  today: string;
  programmes: { edges: { node: { id: string; name: string; riskHeatMap: RiskHeatMap } }[] };
}

const HEAT = programmeQuery(`riskHeatMap(filter: $filter) { ${HEAT_MAP_FIELDS} }`, '$filter: RaidItemFilter');

/**
 * The heat map of the items the filters show: the API counts the open risks and issues among them
 * (one definition, the dashboard's too), cell by cell.
 */
export async function heatMap(token: string | null, filter: RaidFilterInput) {
  const data = await gql<HeatResult>(HEAT, { token, variables: { filter } });
  return { today: data.today, map: firstProgramme(data).riskHeatMap };
}
