import { describe, expect, it } from 'vitest';
import { neutralise, tableCsvResponse, toCsv } from './csv';

describe('CSV export', () => {
  it('neutralises values a spreadsheet would run as formulas', () => {
    expect(neutralise('=HYPERLINK("http://evil.example","x")')).toBe(
      '\'=HYPERLINK("http://evil.example","x")',
    );
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('Plain text = fine')).toBe('Plain text = fine');
    expect(neutralise(null)).toBe('');
    expect(neutralise(12)).toBe('12');
  });

  it('quotes commas, quotes and new lines, with a header row', () => {
    const csv = toCsv(
      [{ a: 'x, "y"\nz', b: 1 }],
      [
        { header: 'A', value: (r) => r.a },
        { header: 'B', value: (r) => r.b },
      ],
    );
    expect(csv).toBe('\uFEFFA,B\r\n"x, ""y""\nz",1\r\n');
  });

  it('downloads one of a page’s tables by name, and none for a name it does not have', async () => {
    const tables = {
      overdue: () => ({
        name: 'overdue-items',
        rows: [{ ref: 'ICT-01' }],
        columns: [{ header: 'Ref', value: (r: { ref: string }) => r.ref }],
      }),
    };
    const response = tableCsvResponse(tables, 'overdue', '2023-02-15')!;
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="overdue-items-2023-02-15.csv"',
    );
    // The byte-order mark stays (Response.text() would drop it): Excel needs it to read UTF-8.
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(body).toBe('\uFEFFRef\r\nICT-01\r\n');
    expect(tableCsvResponse(tables, 'constructor', '2023-02-15')).toBeNull();
    expect(tableCsvResponse(tables, 'blocked', '2023-02-15')).toBeNull();
  });
});
