import { IMPACT, heatMapGrid, type HeatMapRow, type RiskHeatMap } from '$lib/heatmap';
import type { CsvColumn, CsvTable } from './csv';

/** The heat map as a table: a row per likelihood, a column per impact, counts in the cells. */
export function heatMapTable(name: string, map: Pick<RiskHeatMap, 'cells'>): CsvTable<HeatMapRow> {
  const columns: CsvColumn<HeatMapRow>[] = [
    { header: 'Likelihood', value: (r) => `${r.likelihood} ${r.label}` },
    ...IMPACT.map((label, i) => ({
      header: `Impact ${i + 1} ${label}`,
      value: (r: HeatMapRow) => r.cells[i]!.count,
    })),
  ];
  return { name, rows: heatMapGrid(map), columns };
}
