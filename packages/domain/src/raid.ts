/**
 * 5x5 risk scoring (DOMAIN.md 6.4): likelihood 1-5 x impact 1-5 gives a
 * score 1-25; bands are configurable per programme because organisations
 * band differently.
 */

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
