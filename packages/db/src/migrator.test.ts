import { describe, expect, it } from 'vitest';
import { createMigrator, migrateToLatest, migrationNames } from './migrator.ts';
import { openTestDatabase } from './testing.ts';

describe('migrations', () => {
  it('apply to an empty database, undo, and apply again', async () => {
    const handle = await openTestDatabase({ seeded: false });
    try {
      const applied = await migrateToLatest(handle.db);
      expect(applied?.map((m) => m.migrationName)).toEqual(migrationNames);
      expect(await migrateToLatest(handle.db)).toEqual([]);
      const down = await createMigrator(handle.db).migrateDown();
      expect(down.error).toBeUndefined();
      expect((await migrateToLatest(handle.db))?.length).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
