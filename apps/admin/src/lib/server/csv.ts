/**
 * CSV exports of what a table shows. Quoting is csv-stringify's (a maintained
 * library); we add the one rule spreadsheets need: a cell that begins with
 * = + - @ or a tab or carriage return would run as a formula in Excel or
 * LibreOffice, so it is prefixed with an apostrophe and shows as text.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'object'
        ? JSON.stringify(value)
        : `${value as number}`;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** The rows as CSV, with a header row, a byte-order mark for Excel, and CRLF line ends. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const records = [
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => neutralise(c.value(row)))),
  ];
  return '\uFEFF' + stringify(records, { record_delimiter: 'windows' });
}

/** A download response for `csv`, named `<name>-<date>.csv`. */
export function csvResponse(csv: string, name: string, today: string): Response {
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${today}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

/** One table of a page, as its CSV export sees it: a file name and typed rows and columns. */
export interface CsvTable<T = never> {
  /** The file name's stem: `<name>-<today>.csv`. */
  name: string;
  rows: readonly T[];
  columns: readonly CsvColumn<T>[];
}

/** A page's tables by the slug its export route takes (/dashboard/overdue.csv -> "overdue"). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CsvTables = Record<string, () => CsvTable<any>>;

/** The download of one of `tables`, or null when the page has no table of that name. */
export function tableCsvResponse(tables: CsvTables, slug: string, today: string): Response | null {
  if (!Object.hasOwn(tables, slug)) return null;
  const table = tables[slug]!();
  return csvResponse(toCsv(table.rows, table.columns), table.name, today);
}
