import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import * as initial from './migrations/20261123T0000_initial.ts';
import * as audit from './migrations/20261201T0100_audit.ts';
import * as partner from './migrations/20261201T0200_partner.ts';
import * as signinThrottle from './migrations/20261201T0300_signin_throttle.ts';
import * as userWorkstream from './migrations/20261201T0400_user_workstream.ts';
import * as hrImport from './migrations/20261201T0500_hr_import.ts';
import * as tupeAssignment from './migrations/20261201T0600_tupe_assignment.ts';
import * as tupeEliConsultation from './migrations/20261201T0700_tupe_eli_consultation.ts';
import * as checklistPlan from './migrations/20261201T0800_checklist_plan.ts';
import * as checklistTemplate from './migrations/20261201T0900_checklist_template.ts';
import * as planBaseline from './migrations/20261201T1000_plan_baseline.ts';
import * as gate from './migrations/20261201T1100_gate.ts';
import * as hrImportHeartbeat from './migrations/20261201T1200_hr_import_heartbeat.ts';
import * as gateSetup from './migrations/20261201T1300_gate_setup.ts';
import * as checklistDueOffset from './migrations/20261208T0000_checklist_due_offset.ts';
import * as idempotencyKey from './migrations/20261201T1400_idempotency_key.ts';
import * as tupeEmploymentEnd from './migrations/20261207T1200_tupe_employment_end.ts';
import * as workOwners from './migrations/20261207T0100_work_owners.ts';

/** Every migration, in order. Listed statically so bundlers and tests see the same set. */
const migrations: Record<string, Migration> = {
  '20261123T0000_initial': initial,
  '20261201T0100_audit': audit,
  '20261201T0200_partner': partner,
  '20261201T0300_signin_throttle': signinThrottle,
  '20261201T0400_user_workstream': userWorkstream,
  '20261201T0500_hr_import': hrImport,
  '20261201T0600_tupe_assignment': tupeAssignment,
  '20261201T0700_tupe_eli_consultation': tupeEliConsultation,
  '20261201T0800_checklist_plan': checklistPlan,
  '20261201T0900_checklist_template': checklistTemplate,
  '20261201T1000_plan_baseline': planBaseline,
  '20261201T1100_gate': gate,
  '20261201T1200_hr_import_heartbeat': hrImportHeartbeat,
  '20261201T1300_gate_setup': gateSetup,
  '20261201T1400_idempotency_key': idempotencyKey,
  '20261207T0100_work_owners': workOwners,
  '20261207T1200_tupe_employment_end': tupeEmploymentEnd,
  '20261208T0000_checklist_due_offset': checklistDueOffset,
};

class StaticMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new StaticMigrationProvider() });
}

export class MigrationError extends Error {}

/** Brings the schema to the latest migration; throws naming the migration that failed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet['results']> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return results;
}

export const migrationNames = Object.keys(migrations);
