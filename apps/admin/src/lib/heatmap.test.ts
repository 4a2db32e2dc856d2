import { describe, expect, it } from 'vitest';
import { cellHref, heatMapGrid, type RiskHeatMap } from './heatmap';
import { heatMapTable } from './server/heatmap-csv';
import { toCsv } from './server/csv';

/** A map as the API answers it: 25 cells, likelihood 5 first; two risks at 5x4, one at 1x1. */
const MAP: RiskHeatMap = {
  total: 4,
  unscored: 1,
  types: ['RISK', 'ISSUE'],
  statuses: ['OPEN', 'MONITORING', 'MATERIALISED'],
  rule: 'The heat map counts open risks and issues.',
  cells: [5, 4, 3, 2, 1].flatMap((likelihood) =>
    [1, 2, 3, 4, 5].map((impact) => ({
      likelihood,
      impact,
      score: likelihood * impact,
      band: likelihood * impact >= 16 ? 'CRITICAL' : 'LOW',
      count: likelihood === 5 && impact === 4 ? 2 : likelihood === 1 && impact === 1 ? 1 : 0,
    })),
  ),
};

describe('the risk heat map', () => {
  it('lays the API’s cells out almost certain at the top, impact along the row', () => {
    const grid = heatMapGrid(MAP);
    expect(grid.map((r) => r.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(grid[0]!.label).toBe('Almost certain');
    expect(grid[0]!.cells[3]).toEqual({ likelihood: 5, impact: 4, score: 20, band: 'CRITICAL', count: 2 });
    expect(grid[4]!.cells[0]).toMatchObject({ impact: 1, score: 1, band: 'LOW', count: 1 });
    expect(grid.flatMap((r) => r.cells).reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('links a cell to the RAID list of what it counts, keeping the page’s own filters', () => {
    expect(cellHref(MAP, { likelihood: 5, impact: 4 })).toBe(
      '/raid?type=RISK&type=ISSUE&status=OPEN&status=MONITORING&status=MATERIALISED&likelihood=5&impact=4',
    );
    expect(
      cellHref(
        MAP,
        { likelihood: 2, impact: 3 },
        new URLSearchParams('type=RISK&search=pay&page=3&impact=1'),
      ),
    ).toBe(
      '/raid?type=RISK&search=pay&status=OPEN&status=MONITORING&status=MATERIALISED&likelihood=2&impact=3',
    );
  });

  it('exports as a table of likelihood rows and impact columns', () => {
    const table = heatMapTable('risk-heat-map', MAP);
    const lines = toCsv(table.rows, table.columns)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Likelihood,Impact 1 Insignificant,Impact 2 Minor,Impact 3 Moderate,Impact 4 Major,Impact 5 Severe',
    );
    expect(lines[1]).toBe('5 Almost certain,0,0,0,2,0');
    expect(lines[5]).toBe('1 Rare,1,0,0,0,0');
    expect(lines).toHaveLength(6);
  });
});
