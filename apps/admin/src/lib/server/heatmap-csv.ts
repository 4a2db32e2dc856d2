import { IMPACT, heatMapGrid, type BandRange, type HeatMapRow, type Scored } from '$lib/heatmap';
import type { CsvColumn, CsvTable } from './csv';

/** The heat map as a table: a row per likelihood, a column per impact, counts in the cells. */
export function heatMapTable(
  name: string,
  items: readonly Scored[],
  bands: readonly BandRange[],
): CsvTable<HeatMapRow> {
  const columns: CsvColumn<HeatMapRow>[] = [
    { header: 'Likelihood', value: (r) => `${r.likelihood} ${r.label}` },
    ...IMPACT.map((label, i) => ({
      header: `Impact ${i + 1} ${label}`,
      value: (r: HeatMapRow) => r.cells[i]!.count,
    })),
  ];
  return { name, rows: heatMapGrid(items, bands), columns };
}
