/**
 * Reads an uploaded file into a header and rows of cells: CSV (comma or
 * semicolon, detected from the header line; UTF-8 with or without a
 * byte-order mark, or Windows-1252 when the bytes are not valid UTF-8) or an
 * Excel workbook (.xlsx, its first worksheet). Excel dates come out as
 * `YYYY-MM-DD`; every other cell as the text it shows.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_FILE_BYTES, MAX_ROWS } from './columns.ts';

export interface ParsedRow {
  /** The row number the user sees in the spreadsheet: the header is row 1. */
  row: number;
  cells: string[];
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  /** For CSV: how the bytes were read. */
  encoding: 'utf-8' | 'windows-1252' | null;
  delimiter: ',' | ';' | null;
  headers: string[];
  rows: ParsedRow[];
}

/** A file that cannot be read at all: refused with this message. */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const isXlsx = (bytes: Uint8Array, fileName: string) =>
  ZIP_MAGIC.every((b, i) => bytes[i] === b) || /\.xlsx$/i.test(fileName);

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252, as Excel on Windows saves CSV. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Semicolons when the header line has more of them than commas (a European-locale Excel export). */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const tooMany = (rows: number) =>
  new UnreadableFileError(
    `the file has ${rows.toLocaleString('en-GB')} data rows; at most ${MAX_ROWS.toLocaleString('en-GB')} can be imported at once`,
  );

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function parseCsvFile(bytes: Uint8Array): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    });
    records = parsed as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UnreadableFileError(`the file is not a CSV file that can be read: ${message}`);
  }
  const [header, ...data] = records;
  if (!header || isBlank(header))
    throw new UnreadableFileError('the file is empty: the first row must hold the column headers');
  if (data.length > MAX_ROWS) throw tooMany(data.length);
  const rows = data.map((cells, i) => ({ row: i + 2, cells })).filter((r) => !isBlank(r.cells));
  return { format: 'csv', encoding, delimiter, headers: header, rows };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** What a worksheet cell shows, as text; dates as YYYY-MM-DD (Excel stores them as UTC midnight). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result);
  if ('error' in value) return String(value.error);
  return '';
}

async function parseXlsxFile(bytes: Uint8Array): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UnreadableFileError(`the file is not an Excel workbook (.xlsx) that can be read: ${message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) {
    throw new UnreadableFileError(
      'the workbook’s first worksheet is empty: its first row must hold the column headers',
    );
  }
  if (sheet.rowCount - 1 > MAX_ROWS) throw tooMany(sheet.rowCount - 1);
  const width = sheet.columnCount;
  const read = (r: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(r.getCell(i + 1).value).trim());
  const headers = read(sheet.getRow(1));
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length === 0)
    throw new UnreadableFileError('the first row of the worksheet must hold the column headers');
  const rows: ParsedRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = read(sheet.getRow(r));
    if (!isBlank(cells)) rows.push({ row: r, cells });
  }
  return { format: 'xlsx', encoding: null, delimiter: null, headers, rows };
}

/** Reads the file, refusing one too large, unreadable or with too many rows. */
export async function parseFile(bytes: Uint8Array, fileName: string): Promise<ParsedFile> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new UnreadableFileError(
      `the file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; at most ${MAX_FILE_BYTES / 1024 / 1024} MB can be imported`,
    );
  }
  if (bytes.byteLength === 0) throw new UnreadableFileError('the file is empty');
  return isXlsx(bytes, fileName) ? parseXlsxFile(bytes) : parseCsvFile(bytes);
}
