/**
 * TUPE assignment, objection, redeployment and the transfer run.
 *
 * - `assignment_decision_record`: every assignment decision made for an employee, append-only
 *   (the employee row keeps the current one in `assignment_decision` / `assignment_rationale`).
 * - `assignment_appeal`: appeals against a disputed decision; an outcome resolves the dispute.
 * - `transfer_run`: each run of the transfer at the instant, with its counts.
 * - employee: the dates of an objection, its withdrawal, a redeployment, leaving, and the transfer.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// As they stood when this was made.
const DECISIONS = ['ASSIGNED', 'NOT_ASSIGNED', 'DISPUTED'];
const SOURCES = ['DECISION', 'TEAM', 'APPEAL', 'RECORD'];
const OUTCOMES = ['PENDING', 'UPHELD', 'REJECTED'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table employee
    add column objection_received_on date,
    add column objection_withdrawn_on date,
    add column objection_note text,
    add column redeployed_on date,
    add column redeployment_note text,
    add column left_on date,
    add column leaving_note text,
    add column transferred_at timestamptz,
    add column transfer_run_id uuid`.execute(db);

  await sql`create table assignment_appeal (
    id uuid primary key default gen_random_uuid(),
    employee_id uuid not null references employee (id) on delete cascade,
    lodged_on date not null,
    sought_decision text not null check (sought_decision in ('ASSIGNED', 'NOT_ASSIGNED')),
    outcome text not null check (outcome in (${list(OUTCOMES)})),
    outcome_on date,
    note text not null default '',
    recorded_by uuid references app_user (id) on delete set null,
    version integer not null default 1 check (version > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((outcome = 'PENDING') = (outcome_on is null)),
    check (outcome_on is null or outcome_on >= lodged_on)
  )`.execute(db);
  await sql`create index assignment_appeal_employee_idx on assignment_appeal (employee_id)`.execute(db);

  await sql`create table assignment_decision_record (
    id uuid primary key default gen_random_uuid(),
    employee_id uuid not null references employee (id) on delete cascade,
    decision text not null check (decision in (${list(DECISIONS)})),
    time_on_service_percent smallint check (time_on_service_percent between 0 and 100),
    role_note text not null default '',
    charged_to text not null default '',
    rationale text not null default '',
    source text not null check (source in (${list(SOURCES)})),
    appeal_id uuid references assignment_appeal (id) on delete set null,
    decided_by uuid references app_user (id) on delete set null,
    decided_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index assignment_decision_record_employee_idx
    on assignment_decision_record (employee_id, decided_at)`.execute(db);

  await sql`create table transfer_run (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    run_by uuid references app_user (id) on delete set null,
    run_at timestamptz not null,
    transfer_at timestamptz not null,
    transferred integer not null check (transferred >= 0),
    skipped_disputed integer not null default 0,
    skipped_objected integer not null default 0,
    skipped_not_assigned integer not null default 0,
    skipped_redeployed integer not null default 0,
    skipped_seconded integer not null default 0,
    skipped_leaver integer not null default 0
  )`.execute(db);
  await sql`create index transfer_run_programme_idx on transfer_run (programme_id, run_at)`.execute(db);
  await sql`alter table employee add constraint employee_transfer_run_fk
    foreign key (transfer_run_id) references transfer_run (id)`.execute(db);

  // The decisions already on the employee rows begin their history (who decided is not known).
  await sql`insert into assignment_decision_record (employee_id, decision, rationale, source, decided_at)
    select id, assignment_decision, coalesce(assignment_rationale, ''), 'RECORD', updated_at
    from employee where assignment_decision is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table employee drop constraint if exists employee_transfer_run_fk`.execute(db);
  for (const table of ['assignment_decision_record', 'assignment_appeal', 'transfer_run']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table employee
    drop column if exists objection_received_on,
    drop column if exists objection_withdrawn_on,
    drop column if exists objection_note,
    drop column if exists redeployed_on,
    drop column if exists redeployment_note,
    drop column if exists left_on,
    drop column if exists leaving_note,
    drop column if exists transferred_at,
    drop column if exists transfer_run_id`.execute(db);
}
