/**
 * 5x5 risk scoring (DOMAIN.md 6.4): likelihood 1-5 x impact 1-5 gives a
 * score 1-25; bands are configurable per programme because organisations
 * band differently.
 */

import type { RaidStatus, RaidType } from './enums.ts';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export const RISK_BANDS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** A band covers the scores from `min` to `max`, inclusive. */
export interface RiskBandRange {
  band: RiskBand;
  min: number;
  max: number;
}

/** Default banding: 1-4 low, 5-9 medium, 10-15 high, 16-25 critical (DOMAIN.md 6.4, example b). */
export const DEFAULT_RISK_BANDS: readonly RiskBandRange[] = [
  { band: 'LOW', min: 1, max: 4 },
  { band: 'MEDIUM', min: 5, max: 9 },
  { band: 'HIGH', min: 10, max: 15 },
  { band: 'CRITICAL', min: 16, max: 25 },
];

export interface RiskScoreInput {
  likelihood: number;
  impact: number;
}

export function isValidRating(value: number): boolean {
  return Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX;
}

export function riskScore({ likelihood, impact }: RiskScoreInput): number {
  if (!isValidRating(likelihood))
    throw new RangeError(`likelihood must be a whole number 1-5, got ${likelihood}`);
  if (!isValidRating(impact)) throw new RangeError(`impact must be a whole number 1-5, got ${impact}`);
  return likelihood * impact;
}

/**
 * Checks that bands cover 1..25 in order with no gap or overlap; returns a
 * description of the first fault, or null when they are sound.
 */
export function riskBandsProblem(bands: readonly RiskBandRange[]): string | null {
  if (bands.length === 0) return 'at least one band is needed';
  let expected = 1;
  for (const b of bands) {
    if (b.min !== expected) return `band ${b.band} starts at ${b.min}; expected ${expected}`;
    if (b.max < b.min) return `band ${b.band} ends (${b.max}) before it starts (${b.min})`;
    expected = b.max + 1;
  }
  if (expected !== 26) return `bands end at ${expected - 1}; they must reach 25`;
  return null;
}

export function riskBand(score: number, bands: readonly RiskBandRange[] = DEFAULT_RISK_BANDS): RiskBand {
  const found = bands.find((b) => score >= b.min && score <= b.max);
  if (!found) throw new RangeError(`score ${score} falls in no band`);
  return found.band;
}

/** The range of scores a band covers under `bands`. */
export function bandRange(
  band: RiskBand,
  bands: readonly RiskBandRange[] = DEFAULT_RISK_BANDS,
): RiskBandRange | undefined {
  return bands.find((b) => b.band === band);
}

export interface ScoredRaidItem {
  inherent: RiskScoreInput | null;
  residual: RiskScoreInput | null;
}

/** The score that bands an item: residual (after current controls) when assessed, else inherent. */
export function currentScore(item: ScoredRaidItem): number | null {
  const s = item.residual ?? item.inherent;
  return s ? riskScore(s) : null;
}

/**
 * What "open" means for a RAID item: still being managed (OPEN, MONITORING, or MATERIALISED: a risk that
 * has happened and is being dealt with). MITIGATED and CLOSED items are not open.
 */
export const OPEN_RAID_STATUSES = ['OPEN', 'MONITORING', 'MATERIALISED'] as const satisfies readonly RaidStatus[];

export function isRaidItemOpen(status: RaidStatus): boolean {
  return (OPEN_RAID_STATUSES as readonly RaidStatus[]).includes(status);
}

/** The RAID types scored on the 5x5 heat map: risks, and issues (risks that have come to pass). */
export const HEAT_MAP_RAID_TYPES = ['RISK', 'ISSUE'] as const satisfies readonly RaidType[];

/** The heat map's rule, in a sentence, for the pages that show it. */
export const HEAT_MAP_RULE =
  'The heat map counts open risks and issues (status open, monitoring or materialised) by their current score: ' +
  'residual when assessed, else inherent; an item with neither is open but not yet scored. Cells are coloured by ' +
  "the programme's risk bands.";

/** Whether the heat map counts an item (of any score): an open risk or issue. */
export function countsOnHeatMap(item: { type: RaidType; status: RaidStatus }): boolean {
  return (HEAT_MAP_RAID_TYPES as readonly RaidType[]).includes(item.type) && isRaidItemOpen(item.status);
}

/** The rating that sets the current score: residual when assessed, else inherent, else none. */
export function currentRating(item: ScoredRaidItem): RiskScoreInput | null {
  return item.residual ?? item.inherent;
}

export interface HeatMapItem extends ScoredRaidItem {
  type: RaidType;
  status: RaidStatus;
}

export interface RiskHeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
  count: number;
}

export interface RiskHeatMap {
  /** Open risks and issues among the items given, scored or not. */
  total: number;
  /** Of those, how many have no score yet (not in any cell). */
  unscored: number;
  /** 25 cells: likelihood 5 (almost certain) first, then impact 1 to 5 within each. */
  cells: RiskHeatMapCell[];
}

/**
 * The 5x5 heat map of `items`: only those countsOnHeatMap, each in the cell of its current rating,
 * each cell banded by `bands`. Items it does not count are ignored, so a caller may pass any list.
 */
export function riskHeatMap(
  items: Iterable<HeatMapItem>,
  bands: readonly RiskBandRange[] = DEFAULT_RISK_BANDS,
): RiskHeatMap {
  const counts = new Map<string, number>();
  let total = 0;
  let unscored = 0;
  for (const item of items) {
    if (!countsOnHeatMap(item)) continue;
    total += 1;
    const r = currentRating(item);
    if (!r) {
      unscored += 1;
      continue;
    }
    const key = `${r.likelihood}x${r.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells: RiskHeatMapCell[] = [];
  for (let likelihood = SCORE_MAX; likelihood >= SCORE_MIN; likelihood -= 1) {
    for (let impact = SCORE_MIN; impact <= SCORE_MAX; impact += 1) {
      const score = likelihood * impact;
      cells.push({
        likelihood,
        impact,
        score,
        band: riskBand(score, bands),
        count: counts.get(`${likelihood}x${impact}`) ?? 0,
      });
    }
  }
  return { total, unscored, cells };
}
