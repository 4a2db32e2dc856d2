import { many, text } from '$lib/server/list';
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
