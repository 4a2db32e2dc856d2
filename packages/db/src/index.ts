export { createDb, type CreateDbOptions, type DbKind, type HandoverDb } from './create-db.ts';
export { migrateToLatest, createMigrator, migrationNames, MigrationError } from './migrator.ts';
export {
  seedDemo,
  isEmpty,
  DEMO_USERS,
  DEMO_PASSWORD,
  DEMO_TRANSFER_DATE,
  SNAPSHOT_DATE,
  type SeedResult,
} from './seed/index.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export type * from './schema.ts';
export {
  builtInTemplateId,
  loadBuiltInTemplates,
  readBuiltInTemplates,
  type BuiltInTemplate,
} from './builtin-templates.ts';
export * from './columns.ts';
