import { describe, expect, it } from 'vitest';
import { exportHref, many, pageRequest, pagination, yesNo } from './list';

describe('list parameters', () => {
  it('turns a page number into offset cursors and refuses nonsense', () => {
    expect(pageRequest(new URL('http://x/a'))).toEqual({ page: 1, first: 25, after: null });
    const p3 = pageRequest(new URL('http://x/a?page=3'));
    expect(p3.page).toBe(3);
    expect(Buffer.from(p3.after!, 'base64').toString()).toBe('OffsetConnection:49');
    expect(pageRequest(new URL('http://x/a?page=-2')).page).toBe(1);
    expect(pageRequest(new URL('http://x/a?page=abc')).page).toBe(1);
  });

  it('keeps only allowed filter values', () => {
    const url = new URL('http://x/a?status=OPEN&status=EVIL&status=CLOSED&flag=yes');
    expect(many(url, 'status', ['OPEN', 'CLOSED'] as const)).toEqual(['OPEN', 'CLOSED']);
    expect(yesNo(url, 'flag')).toBe(true);
    expect(yesNo(url, 'other')).toBeUndefined();
  });

  it('links pages keeping the filters, and exports without the page', () => {
    const url = new URL('http://x/checklists?status=OPEN&page=2');
    const p = pagination(url, 2, 60);
    expect(p).toMatchObject({
      pages: 3,
      from: 26,
      to: 50,
      previous: '/checklists?status=OPEN',
      next: '/checklists?status=OPEN&page=3',
    });
    expect(exportHref(url, '/checklists/export.csv')).toBe('/checklists/export.csv?status=OPEN');
  });
});
