/**
 * The go/no-go gate (DOMAIN.md 6.6) and evidence.
 *
 * - gate: one per programme (name, decision due date).
 * - gate_criterion: what must hold for GO; PENDING, PASS, FAIL or WAIVED, and
 *   a waiver always has its rationale (checked here too).
 * - gate_signatory: the accountable role titles that must sign, each with the
 *   user who will sign.
 * - gate_sign_off: who signed, as which role, when, and exactly what they saw
 *   (the snapshot text and its SHA-256). Never changed or deleted: a trigger
 *   refuses UPDATE and DELETE, whoever asks.
 * - gate_sign_off_withdrawal: a sign-off withdrawn, with its reason: a record of
 *   its own (one per sign-off), never changed or deleted either.
 * - evidence: a link or a file (stored here, bytea, up to 10 MB, with its name,
 *   type and SHA-256) attached to a checklist item or a gate criterion; removing
 *   it marks it removed (who, when), so the history keeps it.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

const STATUSES = ['PENDING', 'PASS', 'FAIL', 'WAIVED'];
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const versioned = sql`
    version integer not null default 1 check (version > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table gate (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null unique references programme (id) on delete cascade,
    name text not null check (length(name) between 1 and 200),
    decision_due date not null,
    ${versioned}
  )`.execute(db);

  await sql`create table gate_criterion (
    id uuid primary key default gen_random_uuid(),
    gate_id uuid not null references gate (id) on delete cascade,
    position integer not null,
    title text not null check (length(title) between 1 and 300),
    owner text not null default '' check (length(owner) <= 200),
    status text not null default 'PENDING' check (status in (${list(STATUSES)})),
    rationale text check (rationale is null or length(rationale) <= 4000),
    ${versioned},
    unique (gate_id, position),
    check (status <> 'WAIVED' or length(trim(coalesce(rationale, ''))) > 0)
  )`.execute(db);

  await sql`create table gate_signatory (
    id uuid primary key default gen_random_uuid(),
    gate_id uuid not null references gate (id) on delete cascade,
    position integer not null,
    role_title text not null check (length(role_title) between 1 and 200),
    user_id uuid not null references app_user (id),
    ${versioned},
    unique (gate_id, position),
    unique (gate_id, role_title)
  )`.execute(db);

  await sql`create table gate_sign_off (
    id uuid primary key default gen_random_uuid(),
    gate_id uuid not null references gate (id),
    signatory_id uuid not null references gate_signatory (id),
    user_id uuid not null references app_user (id),
    role_title text not null,
    signed_at timestamptz not null default now(),
    snapshot text not null,
    snapshot_sha256 text not null check (snapshot_sha256 ~ '^[0-9a-f]{64}$')
  )`.execute(db);
  await sql`create index gate_sign_off_gate_idx on gate_sign_off (gate_id, signed_at)`.execute(db);

  await sql`create table gate_sign_off_withdrawal (
    id uuid primary key default gen_random_uuid(),
    sign_off_id uuid not null unique references gate_sign_off (id),
    user_id uuid not null references app_user (id),
    withdrawn_at timestamptz not null default now(),
    reason text not null check (length(trim(reason)) between 1 and 4000)
  )`.execute(db);

  await sql`create function gate_sign_off_unchangeable() returns trigger language plpgsql as $$
    begin
      raise exception '% is never changed: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege',
              hint = 'a sign-off is withdrawn by inserting a gate_sign_off_withdrawal, never edited or deleted';
    end
  $$`.execute(db);
  for (const table of ['gate_sign_off', 'gate_sign_off_withdrawal']) {
    await sql`create trigger ${sql.raw(`${table}_unchangeable`)}
      before update or delete on ${sql.table(table)}
      for each row execute function gate_sign_off_unchangeable()`.execute(db);
  }

  await sql`create table evidence (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    checklist_item_id uuid references checklist_item (id) on delete cascade,
    gate_criterion_id uuid references gate_criterion (id) on delete cascade,
    kind text not null check (kind in ('LINK', 'FILE')),
    label text not null check (length(label) between 1 and 300),
    url text check (url is null or length(url) <= 2000),
    file_name text check (file_name is null or length(file_name) between 1 and 255),
    content_type text,
    size_bytes integer check (size_bytes is null or size_bytes between 0 and 10485760),
    sha256 text check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
    content bytea,
    added_by uuid references app_user (id),
    added_at timestamptz not null default now(),
    removed_by uuid references app_user (id),
    removed_at timestamptz,
    check ((checklist_item_id is null) <> (gate_criterion_id is null)),
    check (
      (kind = 'LINK' and url is not null and content is null)
      or (kind = 'FILE' and url is null and content is not null and file_name is not null
          and content_type is not null and size_bytes = octet_length(content) and sha256 is not null)
    )
  )`.execute(db);
  await sql`create index evidence_item_idx on evidence (checklist_item_id, added_at)`.execute(db);
  await sql`create index evidence_criterion_idx on evidence (gate_criterion_id, added_at)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists evidence`.execute(db);
  await sql`drop table if exists gate_sign_off_withdrawal`.execute(db);
  await sql`drop table if exists gate_sign_off`.execute(db);
  await sql`drop function if exists gate_sign_off_unchangeable()`.execute(db);
  await sql`drop table if exists gate_signatory`.execute(db);
  await sql`drop table if exists gate_criterion`.execute(db);
  await sql`drop table if exists gate`.execute(db);
}
