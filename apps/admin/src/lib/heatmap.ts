/**
 * The 5x5 risk heat map: likelihood down the side (almost certain at the top), impact along the
 * bottom, each cell the number of open risks and issues scored there and coloured by the
 * programme's bands. What it counts (which items are open, which score, the bands) is decided once,
 * in the domain, and answered by the API's `riskHeatMap`: the dashboard, the RAID page and both CSV
 * exports show that one answer, so none can disagree. Each cell links to the RAID list of what it counts.
 */

export const LIKELIHOOD = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT = ['Insignificant', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

/** The fields of `riskHeatMap` the pages ask for. */
export const HEAT_MAP_FIELDS =
  'total unscored types statuses rule cells { likelihood impact score band count }';

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  band: string;
  count: number;
}
export interface RiskHeatMap {
  total: number;
  unscored: number;
  /** The RAID types and statuses it counts, to list what a cell counts. */
  types: string[];
  statuses: string[];
  rule: string;
  /** 25 cells, likelihood 5 first, then impact 1 to 5. */
  cells: HeatMapCell[];
}
export interface HeatMapRow {
  likelihood: number;
  label: string;
  cells: HeatMapCell[];
}

/** The grid's rows, likelihood 5 first, each with its cells by impact. */
export function heatMapGrid(map: Pick<RiskHeatMap, 'cells'>): HeatMapRow[] {
  return [5, 4, 3, 2, 1].map((likelihood) => ({
    likelihood,
    label: LIKELIHOOD[likelihood - 1]!,
    cells: map.cells.filter((c) => c.likelihood === likelihood).sort((a, b) => a.impact - b.impact),
  }));
}

/**
 * The RAID list of what a cell counts: the map's types and statuses (or the page's own, when it
 * has narrowed them), the other filters of the page kept, and the cell's likelihood and impact.
 */
export function cellHref(
  map: Pick<RiskHeatMap, 'types' | 'statuses'>,
  cell: Pick<HeatMapCell, 'likelihood' | 'impact'>,
  pageFilters: URLSearchParams = new URLSearchParams(),
): string {
  const q = new URLSearchParams();
  for (const [k, v] of pageFilters) {
    if (!['page', 'likelihood', 'impact'].includes(k)) q.append(k, v);
  }
  if (!q.has('type')) for (const t of map.types) q.append('type', t);
  if (!q.has('status')) for (const s of map.statuses) q.append('status', s);
  q.set('likelihood', String(cell.likelihood));
  q.set('impact', String(cell.impact));
  return `/raid?${q.toString()}`;
}
