import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { HandoverDb } from './create-db.ts';
import { openTestDatabase } from './testing.ts';

describe('values come back the same from pg and PGlite', () => {
  let handle: HandoverDb;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle?.close());

  it('dates as YYYY-MM-DD strings, numeric and counts as numbers, instants as Dates', async () => {
    const e = await handle.db
      .selectFrom('employee')
      .select(['date_of_birth', 'salary', 'fte', 'created_at'])
      .orderBy('payroll_number')
      .executeTakeFirstOrThrow();
    expect(e.date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof e.salary).toBe('number');
    expect(typeof e.fte).toBe('number');
    expect(e.created_at).toBeInstanceOf(Date);
    const { n } = await handle.db
      .selectFrom('employee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(typeof n).toBe('number');
    const p = await handle.db.selectFrom('programme').select('risk_bands').executeTakeFirstOrThrow();
    expect(p.risk_bands[0]).toEqual({ band: 'LOW', min: 1, max: 4 });
  });

  it('stores text arrays as arrays', async () => {
    const item = await handle.db
      .selectFrom('checklist_item')
      .select('evidence')
      .where(sql<boolean>`cardinality(evidence) > 0`)
      .executeTakeFirstOrThrow();
    expect(Array.isArray(item.evidence)).toBe(true);
    expect(item.evidence.length).toBeGreaterThan(0);
  });
});
