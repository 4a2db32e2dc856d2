import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_BANDS,
  countsOnHeatMap,
  currentScore,
  isRaidItemOpen,
  riskHeatMap,
  type HeatMapItem,
  riskBand,
  riskBandsProblem,
  riskScore,
  type RiskBandRange,
} from './raid.ts';
import { RAID_STATUSES } from './enums.ts';

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

describe('the risk heat map', () => {
  const item = (
    type: HeatMapItem['type'],
    status: HeatMapItem['status'],
    inherent: [number, number] | null,
    residual: [number, number] | null = null,
  ): HeatMapItem => ({
    type,
    status,
    inherent: inherent && { likelihood: inherent[0], impact: inherent[1] },
    residual: residual && { likelihood: residual[0], impact: residual[1] },
  });

  it('counts open risks and issues, scored or not, by current rating; nothing else', () => {
    const map = riskHeatMap([
      item('RISK', 'OPEN', [5, 5], [4, 5]), // residual 4x5
      item('ISSUE', 'MATERIALISED', [4, 5]), // 4x5
      item('RISK', 'MONITORING', [4, 5]), // 4x5
      item('RISK', 'OPEN', null), // open, not yet scored
      item('RISK', 'MITIGATED', [4, 5]), // not open
      item('RISK', 'CLOSED', [4, 5]), // not open
      item('ACTION', 'OPEN', [4, 5]), // not a risk or issue
    ]);
    expect(map.total).toBe(4);
    expect(map.unscored).toBe(1);
    expect(map.cells).toHaveLength(25);
    expect(map.cells[0]).toEqual({ likelihood: 5, impact: 1, score: 5, band: 'MEDIUM', count: 0 });
    expect(map.cells.find((c) => c.likelihood === 4 && c.impact === 5)).toEqual({
      likelihood: 4,
      impact: 5,
      score: 20,
      band: 'CRITICAL',
      count: 3,
    });
    expect(map.cells.reduce((n, c) => n + c.count, 0)).toBe(map.total - map.unscored);
  });

  it('says which statuses are open', () => {
    expect(RAID_STATUSES.filter(isRaidItemOpen)).toEqual(['OPEN', 'MONITORING', 'MATERIALISED']);
    expect(countsOnHeatMap({ type: 'ISSUE', status: 'OPEN' })).toBe(true);
    expect(countsOnHeatMap({ type: 'DEPENDENCY', status: 'OPEN' })).toBe(false);
  });
});
