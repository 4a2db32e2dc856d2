/** Setting up a gate: the gate itself, its criteria and its required signatories (Kysely). */
import type { Database, Gate, GateCriterion, GateSignatory } from '@handover/db';
import { sql, type Kysely } from 'kysely';

export async function programmeTransfer(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; transfer_at: Date } | undefined> {
  return db.selectFrom('programme').select(['id', 'transfer_at']).where('id', '=', id).executeTakeFirst();
}

export async function insertGate(
  db: Kysely<Database>,
  row: { programme_id: string; name: string; decision_due: string },
): Promise<Gate> {
  return db.insertInto('gate').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateGateIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: { name?: string; decision_due?: string },
  now: Date,
): Promise<Gate | undefined> {
  return db
    .updateTable('gate')
    .set({ ...patch, version: expectedVersion + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Takes the turn for changing the order of a gate's criteria or signatories (appends and removals). */
export async function lockPositions(
  db: Kysely<Database>,
  table: 'gate_criterion' | 'gate_signatory',
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${table}))`.execute(db);
}

export async function nextCriterionPosition(db: Kysely<Database>, gateId: string): Promise<number> {
  const row = await db
    .selectFrom('gate_criterion')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('gate_id', '=', gateId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function nextSignatoryPosition(db: Kysely<Database>, gateId: string): Promise<number> {
  const row = await db
    .selectFrom('gate_signatory')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('gate_id', '=', gateId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertCriterion(
  db: Kysely<Database>,
  row: {
    gate_id: string;
    position: number;
    title: string;
    owner: string;
    owner_user_id?: string | null;
    owner_workstream_id?: string | null;
  },
): Promise<GateCriterion> {
  return db.insertInto('gate_criterion').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function evidenceCountOfCriterion(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('gate_criterion_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteCriterion(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('gate_criterion').where('id', '=', id).execute();
}

/**
 * Closes the gap a removed row left at `position`: the rows after it move up
 * one. In two steps (through negative positions), so that no step ever holds
 * two rows at one position, whatever order the database updates them in.
 */
export async function closePositionGap(
  db: Kysely<Database>,
  table: 'gate_criterion' | 'gate_signatory',
  gateId: string,
  position: number,
): Promise<void> {
  const active = table === 'gate_signatory' ? sql`and removed_at is null` : sql``;
  await sql`update ${sql.table(table)} set position = -position
    where gate_id = ${gateId} and position > ${position} ${active}`.execute(db);
  await sql`update ${sql.table(table)} set position = -position - 1
    where gate_id = ${gateId} and position < 0 ${active}`.execute(db);
}

export async function insertSignatory(
  db: Kysely<Database>,
  row: { gate_id: string; position: number; role_title: string; user_id: string },
): Promise<GateSignatory> {
  return db.insertInto('gate_signatory').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteSignatory(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('gate_signatory').where('id', '=', id).execute();
}

export async function markSignatoryRemoved(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<GateSignatory | undefined> {
  return db
    .updateTable('gate_signatory')
    .set((eb) => ({ removed_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function userForSignatory(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; name: string; active: boolean } | undefined> {
  return db.selectFrom('app_user').select(['id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
}

/** Every sign-off made as a signatory, withdrawn ones too, with the signer's name and whether it was withdrawn. */
export async function signOffsOfSignatory(
  db: Kysely<Database>,
  signatoryId: string,
): Promise<{ id: string; signed_at: Date; signer: string; withdrawn: boolean }[]> {
  const rows = await db
    .selectFrom('gate_sign_off')
    .innerJoin('app_user', 'app_user.id', 'gate_sign_off.user_id')
    .leftJoin('gate_sign_off_withdrawal', 'gate_sign_off_withdrawal.sign_off_id', 'gate_sign_off.id')
    .select([
      'gate_sign_off.id',
      'gate_sign_off.signed_at',
      'app_user.name as signer',
      'gate_sign_off_withdrawal.id as withdrawal_id',
    ])
    .where('gate_sign_off.signatory_id', '=', signatoryId)
    .orderBy('gate_sign_off.signed_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    signed_at: r.signed_at,
    signer: r.signer,
    withdrawn: r.withdrawal_id !== null,
  }));
}

/** How many sign-offs of a gate are current (not withdrawn). */
export async function currentSignOffCount(db: Kysely<Database>, gateId: string): Promise<number> {
  const row = await db
    .selectFrom('gate_sign_off')
    .leftJoin('gate_sign_off_withdrawal', 'gate_sign_off_withdrawal.sign_off_id', 'gate_sign_off.id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('gate_sign_off.gate_id', '=', gateId)
    .where('gate_sign_off_withdrawal.id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
