import { describe, expect, it } from 'vitest';
import { heatMapGrid } from './heatmap';
import { heatMapTable } from './server/heatmap-csv';
import { toCsv } from './server/csv';

const BANDS = [
  { band: 'LOW', min: 1, max: 4 },
  { band: 'MEDIUM', min: 5, max: 9 },
  { band: 'HIGH', min: 10, max: 15 },
  { band: 'CRITICAL', min: 16, max: 25 },
];
const risk = (likelihood: number, impact: number) => ({ current: { likelihood, impact } });

describe('the risk heat map', () => {
  it('counts each risk in its cell, almost certain at the top, and leaves unscored ones out', () => {
    const grid = heatMapGrid([risk(5, 4), risk(5, 4), risk(1, 1), { current: null }], BANDS);
    expect(grid.map((r) => r.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(grid[0]!.label).toBe('Almost certain');
    expect(grid[0]!.cells[3]).toEqual({ impact: 4, score: 20, band: 'CRITICAL', count: 2 });
    expect(grid[4]!.cells[0]).toEqual({ impact: 1, score: 1, band: 'LOW', count: 1 });
    expect(grid.flatMap((r) => r.cells).reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('colours cells by the programme’s own bands', () => {
    const grid = heatMapGrid([], [{ band: 'HIGH', min: 1, max: 25 }]);
    expect(new Set(grid.flatMap((r) => r.cells.map((c) => c.band)))).toEqual(new Set(['HIGH']));
  });

  it('exports as a table of likelihood rows and impact columns', () => {
    const table = heatMapTable('risk-heat-map', [risk(4, 2)], BANDS);
    const lines = toCsv(table.rows, table.columns)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Likelihood,Impact 1 Insignificant,Impact 2 Minor,Impact 3 Moderate,Impact 4 Major,Impact 5 Severe',
    );
    expect(lines[1]).toBe('5 Almost certain,0,0,0,0,0');
    expect(lines[2]).toBe('4 Likely,0,1,0,0,0');
    expect(lines).toHaveLength(6);
  });
});
