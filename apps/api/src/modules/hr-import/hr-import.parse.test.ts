/** Reading files and checking rows, without a database: spellings, encodings, delimiters, formats. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  MAX_ROWS,
  columnOfHeader,
  contractTypeOf,
  csvLine,
  pensionSchemeOf,
  templateCsv,
} from './columns.ts';
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

describe('files that used to be misread', () => {
  const headers = COLUMNS.map((c) => c.header);
  const line = (i: number, over: Partial<Record<string, string>> = {}) =>
    csvLine(
      COLUMNS.map((c) => {
        const n = String(i).padStart(5, '0');
        const v: Record<string, string> = {
          postNumber: `P${n}`,
          payrollNumber: `BR${n}`,
          pensionNumber: `WYPF16${n}`,
          niNumber: `AB${String(i).padStart(6, '0')}C`,
        };
        return over[c.header] ?? v[c.key] ?? c.example;
      }),
    );

  it('reads a 1,356-row CSV whose lines end partly in CRLF and partly in LF (every third CRLF): every row, no line break in a cell', async () => {
    const lines = [csvLine(headers)];
    for (let i = 1; i <= 1_356; i++) lines.push(line(i));
    const text = lines.map((l, i) => l + (i % 3 === 2 ? '\r\n' : '\n')).join('');
    expect(text.split('\r\n').length - 1).toBe(452);
    const file = await parseFile(enc(text), 'mixed.csv');
    expect(file.rows).toHaveLength(1_356);
    const checked = await checkFile(file, REF);
    expect(checked.errors).toEqual([]);
    expect(checked.rows).toHaveLength(1_356);
    const pensions = checked.rows.map((r) => r.employee!.pensionNumber!);
    expect(pensions.filter((p) => /[\r\n]/.test(p))).toEqual([]);
    expect(pensions[414]).toBe('WYPF1600415');
    // Old Mac line endings (CR alone) are read too.
    const cr = await parseFile(enc(lines.slice(0, 4).join('\r') + '\r'), 'cr.csv');
    expect(cr.rows.map((r) => r.cells[0])).toEqual(['P00001', 'P00002', 'P00003']);
  });

  it('refuses a row whose cell count differs from the header’s, naming the row, and checks no further cells of it', async () => {
    const text = [
      csvLine(headers),
      line(1),
      `${line(2)},extra`,
      line(3).split(',').slice(0, 5).join(','),
      line(4),
    ].join('\n');
    const { errors, rows } = await checkFile(await parseFile(enc(text), 'x.csv'), REF);
    expect(errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: '',
        message: expect.stringMatching(/has 20 cells but the header row has 19/),
      }),
      expect.objectContaining({
        row: 4,
        column: '',
        message: expect.stringMatching(/has 5 cells but the header row has 19/),
      }),
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 5]);
  });

  it('refuses a NUL byte, or any other control character, in any cell, naming the row and the column', async () => {
    const text = [
      csvLine(headers),
      line(1, { 'Last Name': 'Hus\u0000sain' }),
      line(2),
      line(3, { 'Pension Number': 'WYPF1658928\nP10002', 'Post Title': 'Social\tWorker' }),
    ].join('\r\n');
    const { errors } = await checkFile(await parseFile(enc(text), 'x.csv'), REF);
    expect(errors.map((e) => [e.row, e.column, e.value, e.personal])).toEqual([
      [2, 'Last Name', 'Hus\\u{0}sain', true],
      [4, 'Post Title', 'Social\\u{9}Worker', false],
      [4, 'Pension Number', 'WYPF1658928\\u{A}P10002', true],
    ]);
    expect(errors[0]!.message).toMatch(/control character \(NUL\)/);
    expect(errors[2]!.message).toMatch(/line break/);
  });

  it('reports an unterminated quote on the row where it opens, not where parsing gave up', async () => {
    const lines = [csvLine(headers)];
    for (let i = 2; i <= 600; i++)
      lines.push(i === 41 ? line(i).replace(',Social Worker,', ',"Social Worker,') : line(i));
    const opened = lines;
    expect(opened[40]).toContain(',"Social Worker,');
    // A later quoted value closes it too early, or nothing does: both are reported on row 41.
    for (const tail of ['', `\n${csvLine(['"x"'])}`, `\n"£1,000"`]) {
      const attempt = parseFile(enc(opened.join('\n') + tail), 'quote.csv');
      await expect(attempt).rejects.toMatchObject({
        row: 41,
        message: expect.stringMatching(/^row 41: a quoted value begins on this row/),
      });
    }
  });

  it('reads UTF-16 (little- or big-endian) with a byte-order mark, and asks for UTF-8 when it has none', async () => {
    const text = `${csvLine(headers)}\r\n${line(1, { 'First Name': 'Siân' })}\r\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const file = await parseFile(new Uint8Array(bytes), 'unicode.csv');
      expect(file.encoding).toBe(encoding);
      const checked = await checkFile(file, REF);
      expect(checked.errors).toEqual([]);
      expect(checked.rows[0]!.employee!.firstName).toBe('Siân');
    }
    await expect(parseFile(new Uint8Array(Buffer.from(text, 'utf16le')), 'unicode.csv')).rejects.toThrow(
      /UTF-16 text without a byte-order mark.*save it .*as "CSV UTF-8/,
    );
  });

  it('refuses a CSV of more rows than the limit as soon as it reads one too many, naming the limit', async () => {
    const text = `${csvLine(headers)}\n` + 'P1,x\n'.repeat(MAX_ROWS + 1);
    await expect(parseFile(enc(text), 'big.csv')).rejects.toThrow(
      /more than 50,000 data rows; at most 50,000/,
    );
    await expect(parseFile(enc('\uFEFF\r\n\r\n'), 'blank.csv')).rejects.toThrow(/the file is empty/);
  });
});
