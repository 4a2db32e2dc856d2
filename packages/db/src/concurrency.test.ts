import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from './testing.ts';

// PGlite is one connection: Kysely makes its callers take turns on it (the adapter says it has no
// second connection). These tests hold that promise, on PostgreSQL's pool as well.

describe('concurrent callers', () => {
  it('a statement from outside an open transaction is not swept into it', async () => {
    const handle = await openTestDatabase({ seeded: false });
    const { db } = handle;
    try {
      await sql`create table turn_probe (label text not null)`.execute(db);
      let inside!: () => void;
      const holding = new Promise<void>((resolve) => (inside = resolve));
      let letGo!: () => void;
      const released = new Promise<void>((resolve) => (letGo = resolve));

      const rolledBack = db
        .transaction()
        .execute(async (trx) => {
          await sql`insert into turn_probe (label) values ('inside')`.execute(trx);
          inside();
          await released;
          throw new Error('roll back');
        })
        .catch((error: unknown) => error);

      await holding;
      const outside = sql`insert into turn_probe (label) values ('outside')`.execute(db);
      // Give the outside statement every chance to run while the transaction is open.
      await new Promise((resolve) => setTimeout(resolve, 50));
      letGo();
      expect(await rolledBack).toBeInstanceOf(Error);
      await outside;

      const rows = await sql<{ label: string }>`select label from turn_probe`.execute(db);
      expect(rows.rows.map((r) => r.label)).toEqual(['outside']);
    } finally {
      await handle.close();
    }
  });

  it('many callers at once all get their answers', async () => {
    const handle = await openTestDatabase({ seeded: false });
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 5 === 0
            ? handle.db
                .transaction()
                .execute(
                  async (trx) => (await sql<{ n: number }>`select ${i}::int as n`.execute(trx)).rows[0]!.n,
                )
            : sql<{ n: number }>`select ${i}::int as n`.execute(handle.db).then((r) => r.rows[0]!.n),
        ),
      );
      expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => i));
    } finally {
      await handle.close();
    }
  });
});
