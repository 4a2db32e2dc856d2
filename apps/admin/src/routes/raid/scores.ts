/** How risks are scored: likelihood and impact from 1 to 5, as the API and the heat map name them. */
import { IMPACT, LIKELIHOOD } from '$lib/heatmap';

export { IMPACT, LIKELIHOOD };

export const RAID_TYPES = ['RISK', 'ISSUE', 'ASSUMPTION', 'DEPENDENCY', 'DECISION', 'ACTION'] as const;
export const RAID_STATUSES = ['OPEN', 'MONITORING', 'MITIGATED', 'MATERIALISED', 'CLOSED'] as const;
export const RAID_RESPONSES = ['ACCEPT', 'AVOID', 'EXPLOIT', 'REDUCE', 'SHARE', 'TRANSFER'] as const;
export const RISK_BANDS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

export type RaidType = (typeof RAID_TYPES)[number];
export type RaidStatus = (typeof RAID_STATUSES)[number];
export type RaidResponse = (typeof RAID_RESPONSES)[number];
export type RiskBand = (typeof RISK_BANDS)[number];

export const SCORE_KINDS = [
  { kind: 'inherent', label: 'Inherent', hint: 'Before any response' },
  { kind: 'residual', label: 'Residual', hint: 'Now, with the response so far; it sets the current score' },
  { kind: 'target', label: 'Target', hint: 'Where the response should bring it' },
] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number]['kind'];

export interface RiskScore {
  likelihood: number;
  impact: number;
  score: number;
  band: string;
}

/** "4 Likely × 5 Severe = 20". */
export function describeScore(s: { likelihood: number; impact: number; score?: number } | null): string {
  if (!s) return 'Not assessed';
  const score = s.score ?? s.likelihood * s.impact;
  return `Likelihood ${s.likelihood} ${LIKELIHOOD[s.likelihood - 1] ?? ''}, impact ${s.impact} ${IMPACT[s.impact - 1] ?? ''}: score ${score}`;
}
