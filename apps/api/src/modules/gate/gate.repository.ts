import type {
  Database,
  Evidence,
  Gate,
  GateCriterion,
  GateSignatory,
  GateSignOff,
  GateSignOffWithdrawal,
} from '@handover/db';
import type { GateCriterionStatus } from '@handover/domain';
import type { Kysely } from 'kysely';
import { onlyUuids } from '../common/ids.ts';

export async function gatesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Gate[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('gate').selectAll().where('id', 'in', valid).execute();
}

export async function gatesByProgrammeIds(db: Kysely<Database>, ids: readonly string[]): Promise<Gate[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('gate').selectAll().where('programme_id', 'in', ids).execute();
}

export async function criteriaByIds(db: Kysely<Database>, ids: readonly string[]): Promise<GateCriterion[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('gate_criterion').selectAll().where('id', 'in', valid).execute();
}

export async function criteriaByGateIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<GateCriterion[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('gate_criterion')
    .selectAll()
    .where('gate_id', 'in', ids)
    .orderBy('position')
    .execute();
}

export async function signatoriesByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<GateSignatory[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('gate_signatory').selectAll().where('id', 'in', valid).execute();
}

/** The signatories still required (a removed one is kept only for its sign-offs' history). */
export async function signatoriesByGateIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<GateSignatory[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('gate_signatory')
    .selectAll()
    .where('gate_id', 'in', ids)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .execute();
}

export async function signOffsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<GateSignOff[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('gate_sign_off').selectAll().where('id', 'in', valid).execute();
}

export async function signOffsByGateIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<GateSignOff[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('gate_sign_off')
    .selectAll()
    .where('gate_id', 'in', ids)
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
}

export async function withdrawalsBySignOffIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<GateSignOffWithdrawal[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('gate_sign_off_withdrawal').selectAll().where('sign_off_id', 'in', ids).execute();
}

/** The sign-offs of a gate's signatory that have not been withdrawn. */
export async function currentSignOffsOf(db: Kysely<Database>, signatoryId: string): Promise<GateSignOff[]> {
  return db
    .selectFrom('gate_sign_off')
    .selectAll()
    .where('signatory_id', '=', signatoryId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('gate_sign_off_withdrawal')
            .select('gate_sign_off_withdrawal.id')
            .whereRef('gate_sign_off_withdrawal.sign_off_id', '=', 'gate_sign_off.id'),
        ),
      ),
    )
    .execute();
}

export async function insertSignOff(
  db: Kysely<Database>,
  row: Omit<GateSignOff, 'id'>,
): Promise<GateSignOff> {
  return db.insertInto('gate_sign_off').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertWithdrawal(
  db: Kysely<Database>,
  row: Omit<GateSignOffWithdrawal, 'id'>,
): Promise<GateSignOffWithdrawal> {
  return db.insertInto('gate_sign_off_withdrawal').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCriterionIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: {
    status?: GateCriterionStatus;
    rationale?: string | null;
    title?: string;
    owner?: string;
    owner_user_id?: string | null;
    owner_workstream_id?: string | null;
  },
  now: Date,
): Promise<GateCriterion | undefined> {
  return db
    .updateTable('gate_criterion')
    .set({ ...patch, version: expectedVersion + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Evidence without its file's bytes (lists never carry them). */
export type EvidenceRow = Omit<Evidence, 'content'>;
const EVIDENCE_COLUMNS = [
  'id',
  'programme_id',
  'checklist_item_id',
  'gate_criterion_id',
  'kind',
  'label',
  'url',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'added_by',
  'added_at',
  'removed_by',
  'removed_at',
] as const;

export async function evidenceByIds(db: Kysely<Database>, ids: readonly string[]): Promise<EvidenceRow[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('evidence').select(EVIDENCE_COLUMNS).where('id', 'in', valid).execute();
}

/** The evidence of checklist items or of gate criteria (removed ones too), oldest first. */
export async function evidenceOf(
  db: Kysely<Database>,
  on: 'checklist_item_id' | 'gate_criterion_id',
  ids: readonly string[],
): Promise<EvidenceRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('evidence')
    .select(EVIDENCE_COLUMNS)
    .where(on, 'in', ids)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

export async function evidenceContent(db: Kysely<Database>, id: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('evidence').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content ?? null;
}

export async function insertEvidence(
  db: Kysely<Database>,
  row: Omit<Evidence, 'id' | 'removed_by' | 'removed_at'>,
): Promise<EvidenceRow> {
  return db.insertInto('evidence').values(row).returning(EVIDENCE_COLUMNS).executeTakeFirstOrThrow();
}

export async function markEvidenceRemoved(
  db: Kysely<Database>,
  id: string,
  by: string | null,
  now: Date,
): Promise<EvidenceRow | undefined> {
  return db
    .updateTable('evidence')
    .set({ removed_by: by, removed_at: now })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .returning(EVIDENCE_COLUMNS)
    .executeTakeFirst();
}

export async function checklistItemProgramme(
  db: Kysely<Database>,
  id: string,
): Promise<{ programme_id: string } | undefined> {
  return db.selectFrom('checklist_item').select('programme_id').where('id', '=', id).executeTakeFirst();
}

export async function criterionProgramme(
  db: Kysely<Database>,
  id: string,
): Promise<{ programme_id: string } | undefined> {
  return db
    .selectFrom('gate_criterion')
    .innerJoin('gate', 'gate.id', 'gate_criterion.gate_id')
    .select('gate.programme_id')
    .where('gate_criterion.id', '=', id)
    .executeTakeFirst();
}
