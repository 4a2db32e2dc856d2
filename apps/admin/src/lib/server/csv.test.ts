import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv';

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
});
