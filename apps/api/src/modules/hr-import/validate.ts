/**
 * Checks every row of a parsed file before anything is written, collecting
 * every error (not the first): headers, required values, formats, the rules
 * between columns, uniqueness in the file and references to the programme's
 * services and teams. Each error names the row as the spreadsheet shows it
 * (the header is row 1), the column as the file spells it, the value and
 * what is wrong; errors whose value is personal data are marked so.
 */
import type { ContractType, IsoDate, PensionScheme } from '@handover/domain';
import { isIsoDate } from '@handover/domain';
import {
  COLUMNS,
  MAX_TEXT_LENGTH,
  columnByKey,
  columnOfHeader,
  contractTypeOf,
  pensionSchemeOf,
  type Column,
  type ColumnKey,
} from './columns.ts';
import type { ParsedFile } from './parse.ts';

export interface ImportError {
  /** As the spreadsheet shows it: the header is row 1; 0 for the file as a whole. */
  row: number;
  /** The header as the file spells it (the canonical header for a missing column); '' for the whole file. */
  column: string;
  value: string;
  message: string;
  /** The value is personal data (name, date of birth, NI number, salary, pension number). */
  personal: boolean;
}

export interface ImportEmployee {
  payrollNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: IsoDate;
  niNumber: string;
  contractType: ContractType;
  startDate: IsoDate;
  continuousServiceDate: IsoDate;
  fte: number;
  salary: number;
  pensionScheme: PensionScheme;
  pensionNumber: string | null;
}

/** One checked row: a post, and the employee in it unless it is vacant. */
export interface ImportRow {
  row: number;
  postNumber: string;
  title: string;
  grade: string;
  fte: number;
  costCentre: string;
  teamId: string;
  serviceId: string;
  employee: ImportEmployee | null;
}

export interface ReferenceData {
  services: readonly { id: string; name: string; key: string }[];
  teams: readonly { id: string; service_id: string; name: string }[];
  /** The transfer date in the UK calendar. */
  transferDate: IsoDate;
}

export interface Checked {
  rows: ImportRow[];
  errors: ImportError[];
}

const NI = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$/;
const NI_NEVER_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** A UK National Insurance number, spaces removed and upper-cased, or the reason it is not one. */
export function checkNiNumber(value: string): { ok: string } | { error: string } {
  const ni = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{6}[A-Z]$/.test(ni)) {
    return {
      error:
        'is not a National Insurance number: two letters, six digits and a letter A to D, e.g. AB123456C',
    };
  }
  if (NI_NEVER_PREFIXES.has(ni.slice(0, 2)))
    return { error: `cannot begin ${ni.slice(0, 2)}: HMRC never issues that prefix` };
  if (!NI.test(ni)) {
    return /[A-D]$/.test(ni)
      ? {
          error: `cannot begin ${ni.slice(0, 2)}: D, F, I, Q, U and V are never used, nor O as the second letter`,
        }
      : { error: 'must end with a letter A to D' };
  }
  return { ok: ni };
}

const pad = (n: string) => n.padStart(2, '0');

/** DD/MM/YYYY (also D/M/YYYY, with - or .), or YYYY-MM-DD; a real calendar day. */
export function parseDate(value: string): IsoDate | null {
  const v = value.trim();
  let iso: string | null = null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (dmy) iso = `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(v);
  if (ymd) iso = `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}`;
  return iso && isIsoDate(iso) ? iso : null;
}

/** Whole years from `from` to `to` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const fmtDate = (iso: IsoDate) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A number as a council export writes it: commas, a £ sign and spaces allowed. */
const parseNumber = (value: string): number | null => {
  const v = value.replace(/[£,\s]/g, '');
  return /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : null;
};

const decimals = (value: string) =>
  (value.replace(/[£,\s]/g, '').split('.')[1] ?? '').replace(/0+$/, '').length;

/** Names of services and teams compared as headers are: case, spaces and punctuation ignored. */
const nameKey = (name: string) =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export type Progress = (rowsDone: number) => Promise<void> | void;

/** How many rows are checked between progress reports (and yields to other work). */
export const PROGRESS_EVERY = 500;

const EMPLOYEE_KEYS = COLUMNS.filter((c) => c.part === 'employee').map((c) => c.key);

/** C0 and C1 control characters and DEL: line breaks and tabs included, as no cell of an export needs one. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_ALL = /[\u0000-\u001F\u007F-\u009F]/g;
const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'a tab',
  0x0a: 'a line break (LF)',
  0x0d: 'a carriage return (CR)',
  0x7f: 'DEL',
};
const controlName = (ch: string) => {
  const code = ch.charCodeAt(0);
  return CONTROL_NAMES[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
};
/** The value with each control character written as \u{...}, so that the report shows where it is. */
const visible = (value: string) =>
  value.replace(CONTROL_ALL, (ch) => `\\u{${ch.charCodeAt(0).toString(16).toUpperCase()}}`);

/**
 * Every cell holding a control character, named by row and column: a NUL byte, a stray line break or
 * carriage return (the mark of a file whose line endings were misread) or any other.
 */
function controlCharacterErrors(file: ParsedFile): ImportError[] {
  const errors: ImportError[] = [];
  const columnName = (i: number) => file.headers[i]?.trim() || `(column ${i + 1})`;
  const scan = (row: number, cells: readonly string[]) => {
    cells.forEach((cell, i) => {
      const found = CONTROL.exec(cell);
      if (!found) return;
      const header = file.headers[i] ?? '';
      errors.push({
        row,
        column: row === 1 ? `(column ${i + 1})` : columnName(i),
        value: visible(cell.length > 60 ? cell.slice(0, 60) + '…' : cell),
        message: `contains a control character (${controlName(found[0])}), which no value may hold: remove it`,
        personal: row !== 1 && (columnOfHeader(header)?.personal ?? true),
      });
    });
  };
  scan(1, file.headers);
  for (const r of file.rows) scan(r.row, r.cells);
  return errors;
}

export async function checkFile(file: ParsedFile, ref: ReferenceData, progress?: Progress): Promise<Checked> {
  const errors: ImportError[] = [];
  const rows: ImportRow[] = [];

  // Control characters anywhere, the header included: each cell named, and its row checked no further.
  const controlErrors = controlCharacterErrors(file);
  const controlRows = new Set(controlErrors.map((e) => e.row));

  // Headers: each known once; unknown ones reported; required ones missing reported once.
  const index = new Map<ColumnKey, number>();
  const spelled = new Map<ColumnKey, string>();
  file.headers.forEach((raw, i) => {
    const header = raw.trim();
    if (header === '') {
      const used = file.rows.some((r) => (r.cells[i] ?? '').trim() !== '');
      if (used) {
        errors.push({
          row: 1,
          column: `(column ${i + 1})`,
          value: '',
          message: 'this column has values but no header',
          personal: false,
        });
      }
      return;
    }
    const column = columnOfHeader(header);
    if (!column) {
      errors.push({
        row: 1,
        column: header,
        value: header,
        message:
          'unknown column: not one of the import’s columns (see the template for the headers and their spellings)',
        personal: false,
      });
      return;
    }
    if (index.has(column.key)) {
      errors.push({
        row: 1,
        column: header,
        value: header,
        message: `a second column for ${column.header} (the first is "${spelled.get(column.key)}")`,
        personal: false,
      });
      return;
    }
    index.set(column.key, i);
    spelled.set(column.key, header);
  });
  for (const c of COLUMNS) {
    if (c.required && !index.has(c.key)) {
      errors.push({
        row: 1,
        column: c.header,
        value: '',
        message: 'required column missing',
        personal: false,
      });
    }
  }
  const headersOk = errors.length === 0 && !controlRows.has(1);
  errors.push(...controlErrors);

  const servicesByName = new Map<string, { id: string; name: string }>();
  for (const s of ref.services) {
    servicesByName.set(nameKey(s.name), s);
    servicesByName.set(nameKey(s.key), s);
  }
  const teamsByService = new Map<string, Map<string, { id: string; name: string }>>();
  const teamServices = new Map<string, string[]>();
  for (const t of ref.teams) {
    const byName = teamsByService.get(t.service_id) ?? new Map<string, { id: string; name: string }>();
    byName.set(nameKey(t.name), t);
    teamsByService.set(t.service_id, byName);
    const s = ref.services.find((x) => x.id === t.service_id);
    teamServices.set(nameKey(t.name), [...(teamServices.get(nameKey(t.name)) ?? []), s?.name ?? '']);
  }

  const firstPostRow = new Map<string, number>();
  const firstPayrollRow = new Map<string, number>();
  let done = 0;

  for (const r of file.rows) {
    done += 1;
    if (progress && done % PROGRESS_EVERY === 0) await progress(done);
    // A CSV row must have as many cells as the header: a row merged with the next, or split, is refused
    // whole (its cells would be read into the wrong columns).
    if (file.format === 'csv' && r.cells.length !== file.headers.length) {
      errors.push({
        row: r.row,
        column: '',
        value: '',
        message: `has ${r.cells.length} cells but the header row has ${file.headers.length}: every row needs one cell per column (check for a stray delimiter, quote or line break)`,
        personal: false,
      });
      continue;
    }
    if (controlRows.has(r.row)) continue;
    const at = (key: ColumnKey) => {
      const i = index.get(key);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const fail = (c: Column, value: string, message: string) =>
      errors.push({
        row: r.row,
        column: spelled.get(c.key) ?? c.header,
        value,
        message,
        personal: c.personal,
      });
    const text = (key: ColumnKey, required: boolean): string | null => {
      const c = columnByKey(key);
      const v = at(key);
      if (v === '') {
        if (required && index.has(key)) fail(c, v, 'is blank: a value is required');
        return null;
      }
      if (v.length > MAX_TEXT_LENGTH) {
        fail(c, v.slice(0, 50) + '…', `is ${v.length} characters long; at most ${MAX_TEXT_LENGTH}`);
        return null;
      }
      return v;
    };
    const date = (key: ColumnKey, required: boolean): IsoDate | null => {
      const c = columnByKey(key);
      const v = at(key);
      if (v === '') {
        if (required && index.has(key)) fail(c, v, 'is blank: a value is required');
        return null;
      }
      const d = parseDate(v);
      if (!d) fail(c, v, 'is not a date: write it as DD/MM/YYYY (e.g. 31/03/2023) or YYYY-MM-DD');
      return d;
    };
    const fte = (key: ColumnKey): number | null => {
      const c = columnByKey(key);
      const v = at(key);
      if (v === '') {
        if (index.has(key)) fail(c, v, 'is blank: a value is required');
        return null;
      }
      const n = parseNumber(v);
      if (n === null) fail(c, v, 'is not a number: a full-time equivalent such as 1, 0.6 or 0.5');
      else if (n <= 0 || n > 1) fail(c, v, 'must be more than 0 and at most 1 (a full-time equivalent)');
      else if (decimals(v) > 3) fail(c, v, 'has more than 3 decimal places');
      else return n;
      return null;
    };

    const postNumber = text('postNumber', true);
    const title = text('postTitle', true);
    const grade = text('grade', true);
    const postFte = fte('postFte');
    const costCentre = text('costCentre', true);
    const serviceName = text('service', true);
    const teamName = text('team', true);

    if (postNumber !== null) {
      const first = firstPostRow.get(postNumber.toUpperCase());
      if (first !== undefined) {
        fail(columnByKey('postNumber'), postNumber, `post number also on row ${first}: one row per post`);
      } else firstPostRow.set(postNumber.toUpperCase(), r.row);
    }

    let serviceId: string | null = null;
    let teamId: string | null = null;
    if (serviceName !== null) {
      const service = servicesByName.get(nameKey(serviceName));
      if (!service) fail(columnByKey('service'), serviceName, 'no service of the programme has this name');
      else serviceId = service.id;
      if (service && teamName !== null) {
        const team = teamsByService.get(service.id)?.get(nameKey(teamName));
        if (team) teamId = team.id;
        else {
          const elsewhere = (teamServices.get(nameKey(teamName)) ?? []).filter(Boolean);
          fail(
            columnByKey('team'),
            teamName,
            elsewhere.length > 0
              ? `is not a team of ${service.name}: it belongs to ${elsewhere.join(', ')}`
              : `no team of ${service.name} has this name`,
          );
        }
      }
    }

    // The employee: all their columns blank means a vacant post.
    const filled = EMPLOYEE_KEYS.filter((k) => at(k) !== '');
    let employee: ImportEmployee | null = null;
    let employeeOk = true;
    if (filled.length > 0) {
      const before = errors.length;
      const payrollNumber = text('payrollNumber', true);
      if (payrollNumber === null && at('payrollNumber') === '' && index.has('payrollNumber')) {
        // Named once more, so that the row's problem is clear: someone without a payroll number.
        errors[errors.length - 1]!.message =
          `is blank: a payroll number is required when the row has an employee (${spelled.get(filled[0]!) ?? columnByKey(filled[0]!).header} is filled); leave every employee column blank for a vacant post`;
      }
      const firstName = text('firstName', true);
      const lastName = text('lastName', true);
      const dateOfBirth = date('dateOfBirth', true);
      const niRaw = text('niNumber', true);
      let niNumber: string | null = null;
      if (niRaw !== null) {
        const checked = checkNiNumber(niRaw);
        if ('error' in checked) fail(columnByKey('niNumber'), niRaw, checked.error);
        else niNumber = checked.ok;
      }
      const contractRaw = text('contractType', true);
      let contractType: ContractType | null = null;
      if (contractRaw !== null) {
        contractType = contractTypeOf(contractRaw) ?? null;
        if (!contractType) {
          fail(
            columnByKey('contractType'),
            contractRaw,
            `is not a contract type: ${columnByKey('contractType').description.replace(/\.$/, '')}`,
          );
        }
      }
      const startDate = date('startDate', true);
      const csdGiven = date('continuousServiceDate', false);
      const employeeFte = fte('employeeFte');
      const salaryRaw = text('salary', true);
      let salary: number | null = null;
      if (salaryRaw !== null) {
        const c = columnByKey('salary');
        const n = parseNumber(salaryRaw);
        if (n === null) fail(c, salaryRaw, 'is not an amount of money: write it like 28500 or £28,500.00');
        else if (n <= 0) fail(c, salaryRaw, 'must be more than £0');
        else if (n >= 10_000_000) fail(c, salaryRaw, 'is too large: an annual salary under £10,000,000');
        else if (decimals(salaryRaw) > 2) fail(c, salaryRaw, 'has more than 2 decimal places (pence)');
        else salary = n;
      }
      const pensionRaw = text('pensionScheme', true);
      let pensionScheme: PensionScheme | null = null;
      if (pensionRaw !== null) {
        pensionScheme = pensionSchemeOf(pensionRaw) ?? null;
        if (!pensionScheme) {
          fail(
            columnByKey('pensionScheme'),
            pensionRaw,
            `is not a pension scheme: ${columnByKey('pensionScheme').description.replace(/\.$/, '')}`,
          );
        }
      }
      const pensionNumber = text('pensionNumber', false);

      if (dateOfBirth) {
        const age = ageOn(dateOfBirth, ref.transferDate);
        if (age < 16 || age > 80) {
          fail(
            columnByKey('dateOfBirth'),
            at('dateOfBirth'),
            `gives an age of ${age} on the transfer date (${fmtDate(ref.transferDate)}); it must be 16 to 80`,
          );
        }
      }
      if (startDate && startDate > ref.transferDate) {
        fail(
          columnByKey('startDate'),
          at('startDate'),
          `is after the transfer date (${fmtDate(ref.transferDate)})`,
        );
      }
      if (startDate && csdGiven && csdGiven > startDate) {
        fail(
          columnByKey('continuousServiceDate'),
          at('continuousServiceDate'),
          `is after the start date (${fmtDate(startDate)}): continuous service cannot begin after employment`,
        );
      }
      if (employeeFte !== null && postFte !== null && employeeFte > postFte) {
        fail(columnByKey('employeeFte'), at('employeeFte'), `is more than the post’s FTE (${at('postFte')})`);
      }
      if (payrollNumber !== null) {
        const first = firstPayrollRow.get(payrollNumber.toUpperCase());
        if (first !== undefined) {
          fail(
            columnByKey('payrollNumber'),
            payrollNumber,
            `payroll number also on row ${first}: each employee once`,
          );
        } else firstPayrollRow.set(payrollNumber.toUpperCase(), r.row);
      }
      employeeOk = errors.length === before;
      if (
        employeeOk &&
        payrollNumber &&
        firstName &&
        lastName &&
        dateOfBirth &&
        niNumber &&
        contractType &&
        startDate &&
        employeeFte !== null &&
        salary !== null &&
        pensionScheme
      ) {
        employee = {
          payrollNumber,
          firstName,
          lastName,
          dateOfBirth,
          niNumber,
          contractType,
          startDate,
          continuousServiceDate: csdGiven ?? startDate,
          fte: employeeFte,
          salary,
          pensionScheme,
          pensionNumber,
        };
      }
    }

    if (postNumber && title && grade && postFte !== null && costCentre && serviceId && teamId && employeeOk) {
      rows.push({
        row: r.row,
        postNumber,
        title,
        grade,
        fte: postFte,
        costCentre,
        teamId,
        serviceId,
        employee,
      });
    }
  }
  if (progress) await progress(done);
  if (!headersOk) return { rows: [], errors };
  if (file.rows.length === 0) {
    errors.push({
      row: 0,
      column: '',
      value: '',
      message: 'the file has a header but no rows',
      personal: false,
    });
  }
  return { rows, errors };
}
