/** Reading files and checking rows, without a database: spellings, encodings, delimiters, formats. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, columnOfHeader, contractTypeOf, pensionSchemeOf, templateCsv } from './columns.ts';
import { decodeText, detectDelimiter, parseFile } from './parse.ts';
import { ageOn, checkFile, checkNiNumber, parseDate, type ReferenceData } from './validate.ts';

const REF: ReferenceData = {
  services: [
    { id: 's1', name: 'Assessment and Duty', key: 'assessment' },
    { id: 's2', name: 'Fostering', key: 'fostering' },
  ],
  teams: [
    { id: 't1', service_id: 's1', name: 'Duty and Assessment Team Keighley' },
    { id: 't2', service_id: 's2', name: 'Fostering Recruitment Team' },
  ],
  transferDate: '2023-04-01',
};

const enc = (s: string) => new TextEncoder().encode(s);

describe('the column layout', () => {
  it('matches headers whatever their case, spaces and punctuation, and the common council spellings', () => {
    const cases: [string, string][] = [
      ['Payroll No', 'payrollNumber'],
      ['payroll number', 'payrollNumber'],
      ['Emp No.', 'payrollNumber'],
      ['NI No', 'niNumber'],
      ['National Insurance Number', 'niNumber'],
      ['DOB', 'dateOfBirth'],
      ['Date of Birth', 'dateOfBirth'],
      ['FTE', 'employeeFte'],
      ['Post FTE', 'postFte'],
      ['Cost Centre', 'costCentre'],
      ['COST CENTER', 'costCentre'],
      ['Surname', 'lastName'],
      ['Forename', 'firstName'],
    ];
    for (const [header, key] of cases) expect([header, columnOfHeader(header)?.key]).toEqual([header, key]);
    expect(columnOfHeader('Favourite colour')).toBeUndefined();
  });

  it('reads contract types and pension schemes as people write them', () => {
    expect(
      ['Permanent', 'perm', 'Fixed term', 'Fixed-Term', 'FTC', 'Secondee in', 'Agency'].map(contractTypeOf),
    ).toEqual([
      'PERMANENT',
      'PERMANENT',
      'FIXED_TERM',
      'FIXED_TERM',
      'FIXED_TERM',
      'SECONDEE_IN',
      'AGENCY_WORKER',
    ]);
    expect(
      ['LGPS', 'Opted out', 'opt-out', 'NHS Pension', "Teachers' Pension Scheme", 'None'].map(
        pensionSchemeOf,
      ),
    ).toEqual(['LGPS', 'OPTED_OUT', 'OPTED_OUT', 'NHS_PS', 'TPS', 'NONE']);
    expect(contractTypeOf('Zero hours')).toBeUndefined();
  });

  it('makes a template whose headers are the canonical ones and whose example row passes the checks', async () => {
    const csv = templateCsv();
    const file = await parseFile(enc(csv), 'template.csv');
    expect(file.headers).toEqual(COLUMNS.map((c) => c.header));
    const checked = await checkFile(file, REF);
    expect(checked.errors).toEqual([]);
    expect(checked.rows).toHaveLength(1);
    expect(checked.rows[0]!.employee?.niNumber).toBe('AB123456C');
  });
});

describe('formats', () => {
  it('accepts UK NI numbers and refuses the prefixes HMRC never issues', () => {
    expect(checkNiNumber('ab 12 34 56 c')).toEqual({ ok: 'AB123456C' });
    expect(checkNiNumber('QQ123456C')).toHaveProperty('error');
    expect(checkNiNumber('GB123456A')).toHaveProperty('error');
    expect(checkNiNumber('AO123456A')).toHaveProperty('error');
    expect(checkNiNumber('AB123456E')).toHaveProperty('error');
    expect(checkNiNumber('AB12345C')).toHaveProperty('error');
  });

  it('reads DD/MM/YYYY, D/M/YYYY and YYYY-MM-DD, and refuses days that do not exist', () => {
    expect(parseDate('01/04/2023')).toBe('2023-04-01');
    expect(parseDate('1/4/2023')).toBe('2023-04-01');
    expect(parseDate('2023-04-01')).toBe('2023-04-01');
    expect(parseDate('31/02/2023')).toBeNull();
    expect(parseDate('04/31/2023')).toBeNull();
    expect(parseDate('2023/13/01')).toBeNull();
    expect(ageOn('2007-04-02', '2023-04-01')).toBe(15);
    expect(ageOn('2007-04-01', '2023-04-01')).toBe(16);
  });
});

describe('reading files', () => {
  const header =
    'Post No;Job Title;Grade;Post FTE;Cost Center;Team Name;Service Area;Emp No;Forename;Surname;DOB;NI No;Contract;Start Date;CSD;FTE;Annual Salary;Pension;Pension No';
  const row =
    'P1;Social Worker;Grade 9;1;CS02123;Duty and Assessment Team Keighley;assessment;BR1;Siân;Ó Briain;3/7/1980;AB 12 34 56 C;Perm;01/09/2015;;1;"£39,850.00";LGPS;';

  it('reads a semicolon-separated file with a byte-order mark and council header spellings', async () => {
    const file = await parseFile(enc(`\uFEFF${header}\r\n${row}\r\n`), 'export.csv');
    expect(file.delimiter).toBe(';');
    expect(file.headers[0]).toBe('Post No');
    const checked = await checkFile(file, REF);
    expect(checked.errors).toEqual([]);
    expect(checked.rows[0]).toMatchObject({ postNumber: 'P1', serviceId: 's1', teamId: 't1' });
    expect(checked.rows[0]!.employee).toMatchObject({
      firstName: 'Siân',
      dateOfBirth: '1980-07-03',
      continuousServiceDate: '2015-09-01',
      salary: 39850,
      contractType: 'PERMANENT',
    });
  });

  it('reads a Windows-1252 file (as Excel saves CSV) and keeps its accented letters', async () => {
    const text = `${header.replaceAll(';', ',')}\r\n${row.replaceAll(';', ',').replace('"£39,850.00"', '39850')}\r\n`;
    const bytes = Uint8Array.from(
      [...text].map((ch) => (ch === 'â' ? 0xe2 : ch === 'Ó' ? 0xd3 : ch.charCodeAt(0))),
    );
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const file = await parseFile(bytes, 'export.csv');
    expect(file.delimiter).toBe(',');
    const checked = await checkFile(file, REF);
    expect(checked.errors).toEqual([]);
    expect(checked.rows[0]!.employee).toMatchObject({ firstName: 'Siân', lastName: 'Ó Briain' });
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
  });

  it('reads an .xlsx workbook with real Excel dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Staff');
    ws.addRow(COLUMNS.map((c) => c.header));
    ws.addRow(
      COLUMNS.map((c) =>
        c.key === 'dateOfBirth'
          ? new Date(Date.UTC(1985, 2, 14))
          : c.key === 'startDate'
            ? new Date(Date.UTC(2015, 8, 1))
            : c.key === 'postFte' || c.key === 'employeeFte'
              ? 0.6
              : c.key === 'salary'
                ? 23910.5
                : c.example,
      ),
    );
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = await parseFile(bytes, 'export.xlsx');
    expect(file.format).toBe('xlsx');
    const checked = await checkFile(file, REF);
    expect(checked.errors).toEqual([]);
    expect(checked.rows[0]!.employee).toMatchObject({
      dateOfBirth: '1985-03-14',
      startDate: '2015-09-01',
      fte: 0.6,
      salary: 23910.5,
    });
  });

  it('refuses a file that is not a workbook though it says .xlsx, and an empty one, with a clear message', async () => {
    await expect(parseFile(enc('PK\u0003\u0004 not really'), 'x.xlsx')).rejects.toThrow(
      /not an Excel workbook/,
    );
    await expect(parseFile(new Uint8Array(), 'x.csv')).rejects.toThrow(/empty/);
  });

  it('reports a required column missing once, not on every row, and an unknown column', async () => {
    const headers = COLUMNS.filter((c) => c.key !== 'grade').map((c) => c.header);
    const values = COLUMNS.filter((c) => c.key !== 'grade').map((c) => c.example);
    const lines = [
      [...headers, 'Favourite Colour'],
      [...values, 'blue'],
      [...values, 'red'],
    ];
    const file = await parseFile(enc(lines.map((l) => l.join(',')).join('\n')), 'x.csv');
    const { errors, rows } = await checkFile(file, REF);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'Favourite Colour',
        message: expect.stringMatching(/unknown column/),
      }),
      expect.objectContaining({ row: 1, column: 'Grade', message: 'required column missing' }),
      // The second example row repeats the first one's post and payroll numbers.
      expect.objectContaining({ row: 3, column: 'Post Number' }),
      expect.objectContaining({ row: 3, column: 'Payroll Number' }),
    ]);
  });
});
