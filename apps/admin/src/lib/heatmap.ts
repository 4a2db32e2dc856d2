/**
 * The 5x5 risk heat map: likelihood down the side (almost certain at the top), impact along the
 * bottom, each cell the number of risks scored there and coloured by the programme's bands. One
 * grid serves the map on screen and its CSV export, so the two cannot disagree.
 */

export const LIKELIHOOD = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT = ['Insignificant', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export interface Scored {
  current: { likelihood: number; impact: number } | null;
}
export interface BandRange {
  band: string;
  min: number;
  max: number;
}
export interface HeatMapCell {
  impact: number;
  score: number;
  band: string;
  count: number;
}
export interface HeatMapRow {
  likelihood: number;
  label: string;
  cells: HeatMapCell[];
}

/** The band a score falls in; LOW when the programme's bands leave it out. */
export const bandOf = (score: number, bands: readonly BandRange[]): string =>
  bands.find((b) => score >= b.min && score <= b.max)?.band ?? 'LOW';

/** The grid's rows, likelihood 5 first; items without a current score are not counted. */
export function heatMapGrid(items: readonly Scored[], bands: readonly BandRange[]): HeatMapRow[] {
  const counts = new Map<string, number>();
  for (const { current } of items) {
    if (!current) continue;
    const key = `${current.likelihood}x${current.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [5, 4, 3, 2, 1].map((likelihood) => ({
    likelihood,
    label: LIKELIHOOD[likelihood - 1]!,
    cells: [1, 2, 3, 4, 5].map((impact) => ({
      impact,
      score: likelihood * impact,
      band: bandOf(likelihood * impact, bands),
      count: counts.get(`${likelihood}x${impact}`) ?? 0,
    })),
  }));
}
