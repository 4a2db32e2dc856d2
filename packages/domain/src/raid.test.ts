import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_BANDS,
  currentScore,
  riskBand,
  riskBandsProblem,
  riskScore,
  type RiskBandRange,
} from './raid.ts';

describe('risk scoring', () => {
  it('multiplies likelihood by impact', () => {
    expect(riskScore({ likelihood: 4, impact: 5 })).toBe(20);
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
  });

  it('refuses ratings outside 1-5 or not whole', () => {
    expect(() => riskScore({ likelihood: 0, impact: 3 })).toThrow(/likelihood/);
    expect(() => riskScore({ likelihood: 3, impact: 6 })).toThrow(/impact/);
    expect(() => riskScore({ likelihood: 2.5, impact: 3 })).toThrow(/likelihood/);
  });

  it('bands by the default 1-4 / 5-9 / 10-15 / 16-25 rule at every edge', () => {
    expect([1, 4, 5, 9, 10, 15, 16, 25].map((s) => riskBand(s))).toEqual([
      'LOW',
      'LOW',
      'MEDIUM',
      'MEDIUM',
      'HIGH',
      'HIGH',
      'CRITICAL',
      'CRITICAL',
    ]);
  });

  it('bands by a programme’s own configuration', () => {
    const bands: RiskBandRange[] = [
      { band: 'LOW', min: 1, max: 6 },
      { band: 'MEDIUM', min: 7, max: 12 },
      { band: 'HIGH', min: 13, max: 20 },
      { band: 'CRITICAL', min: 21, max: 25 },
    ];
    expect(riskBandsProblem(bands)).toBeNull();
    expect(riskBand(6, bands)).toBe('LOW');
    expect(riskBand(20, bands)).toBe('HIGH');
    expect(riskBand(20)).toBe('CRITICAL');
  });

  it('names the fault in a bad banding', () => {
    expect(riskBandsProblem(DEFAULT_RISK_BANDS)).toBeNull();
    expect(riskBandsProblem([{ band: 'LOW', min: 1, max: 10 }])).toMatch(/reach 25/);
    expect(
      riskBandsProblem([
        { band: 'LOW', min: 1, max: 4 },
        { band: 'HIGH', min: 6, max: 25 },
      ]),
    ).toMatch(/HIGH starts at 6; expected 5/);
  });

  it('bands an item on its residual score when assessed, else inherent', () => {
    expect(
      currentScore({ inherent: { likelihood: 5, impact: 5 }, residual: { likelihood: 2, impact: 3 } }),
    ).toBe(6);
    expect(currentScore({ inherent: { likelihood: 4, impact: 4 }, residual: null })).toBe(16);
    expect(currentScore({ inherent: null, residual: null })).toBeNull();
  });
});
