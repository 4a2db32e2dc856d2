/**
 * Reads an uploaded file into a header and rows of cells: CSV (comma or
 * semicolon, detected from the header line; UTF-8 with or without a
 * byte-order mark, UTF-16 with one, or Windows-1252 when the bytes are not
 * valid UTF-8; lines ending in CRLF, LF or CR, mixed in any way) or an Excel
 * workbook (.xlsx, its first worksheet, read as a stream). Excel dates come
 * out as `YYYY-MM-DD`; every other cell as the text it shows.
 *
 * Reading stops at the first data row past `MAX_ROWS`. It runs in a worker
 * thread (check.worker.ts), never on the API's event loop.
 */
import { Readable } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_FILE_BYTES, MAX_ROWS } from './columns.ts';

export interface ParsedRow {
  /** The row number the user sees in the spreadsheet: the header is row 1. */
  row: number;
  cells: string[];
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  /** For CSV: how the bytes were read. */
  encoding: TextEncoding | null;
  delimiter: ',' | ';' | null;
  headers: string[];
  rows: ParsedRow[];
}

/** A file that cannot be read at all: refused with this message (and the row where reading stopped). */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  /** The spreadsheet row the problem is on, when there is one (the header is row 1). */
  readonly row: number;
  constructor(message: string, row = 0) {
    super(message);
    this.row = row;
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const isXlsx = (bytes: Uint8Array, fileName: string) =>
  ZIP_MAGIC.every((b, i) => bytes[i] === b) || /\.xlsx$/i.test(fileName);

const SAVE_AS_UTF8 = 'save it from Excel as "CSV UTF-8 (Comma delimited)" and upload it again';

/** Zero bytes at alternate positions: UTF-16 text, which no UTF-8 or Windows-1252 export holds. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  return Math.max(even, odd) > n / 2 / 3;
}

/**
 * UTF-16 when the bytes begin with its byte-order mark; UTF-8 when they are valid UTF-8 (a BOM is
 * dropped); else Windows-1252, as Excel on Windows saves CSV. UTF-16 without a BOM is refused.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const utf16: TextEncoding | null =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      throw new UnreadableFileError(
        `the file begins as UTF-16 text but is not valid UTF-16: ${SAVE_AS_UTF8}`,
      );
    }
  }
  if (looksLikeUtf16(bytes)) {
    throw new UnreadableFileError(
      `the file looks like UTF-16 text without a byte-order mark, which cannot be read safely: ${SAVE_AS_UTF8}`,
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Semicolons when the header line has more of them than commas (a European-locale Excel export). */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const tooMany = () =>
  new UnreadableFileError(
    `the file has more than ${MAX_ROWS.toLocaleString('en-GB')} data rows; at most ${MAX_ROWS.toLocaleString('en-GB')} can be imported at once: split it into smaller files`,
  );

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** What went wrong on the row where a record the parser could not finish begins, as a person reads it. */
function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value begins on this row and its closing quote never comes (the rest of the file was read into it): close the quote or remove it';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted value begins on this row and is not closed where its cell ends (text follows its closing quote): a quote inside a quoted value is written twice ("")';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote (") appears inside a value that does not begin with one: put the whole value in quotes and write the quote twice ("")';
    default:
      return `this row cannot be read as CSV (${error.code})`;
  }
}

function parseCsvFile(bytes: Uint8Array): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new UnreadableFileError('the file is empty: the first row must hold the column headers');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    const parsed: unknown = parseCsv(text, {
      bom: true,
      delimiter,
      // Any mix of line endings: CRLF first, so that it is one ending and not a CR and then an LF.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Rows of another width are read as they are and each is refused by the checks, naming it.
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      // The header, the most rows allowed and one more, to know there are too many: no further.
      to: MAX_ROWS + 2,
    });
    records = parsed as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      // `records` counts the records read before the one that failed: that one begins on the next row.
      const row = (error as CsvError & { records?: number }).records ?? 0;
      throw new UnreadableFileError(`row ${row + 1}: ${csvProblem(error)}`, row + 1);
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header || isBlank(header))
    throw new UnreadableFileError('the file is empty: the first row must hold the column headers', 1);
  if (data.length > MAX_ROWS) throw tooMany();
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

/** The first worksheet, read row by row as the workbook streams in: stops at the first row too many. */
async function parseXlsxFile(bytes: Uint8Array): Promise<ParsedFile> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let headers: string[] | null = null;
  const rows: ParsedRow[] = [];
  let width = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number - 1 > MAX_ROWS) throw tooMany();
        const cells = Array.from({ length: row.cellCount }, (_, i) =>
          cellText(row.getCell(i + 1).value).trim(),
        );
        if (headers === null) {
          if (row.number !== 1) break;
          headers = cells;
          continue;
        }
        width = Math.max(width, cells.length);
        if (!isBlank(cells)) rows.push({ row: row.number, cells });
      }
      break;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UnreadableFileError(`the file is not an Excel workbook (.xlsx) that can be read: ${message}`);
  }
  if (headers === null) {
    throw new UnreadableFileError(
      'the workbook’s first worksheet is empty or does not begin on row 1: its first row must hold the column headers',
    );
  }
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length === 0)
    throw new UnreadableFileError('the first row of the worksheet must hold the column headers', 1);
  // Cells right of the last header keep their place: the checks name a column with values but no header.
  while (headers.length < width) headers.push('');
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
