/**
 * HR imports: each upload of the council's HR and payroll export is a job
 * row, with its progress (rows checked or applied of the total), its
 * counts, what changed and its error report. The error report can quote
 * personal values (a wrong NI number): it is HR's alone, like the staff
 * records. The file itself is not kept: only its name, size and SHA-256.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const STATUSES = ['QUEUED', 'CHECKING', 'APPLYING', 'SUCCEEDED', 'REFUSED', 'FAILED'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table hr_import (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    file_name text not null check (length(file_name) between 1 and 255),
    file_size integer not null check (file_size >= 0),
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by uuid references app_user (id),
    dry_run boolean not null,
    status text not null default 'QUEUED' check (status in (${list(STATUSES)})),
    rows_total integer,
    rows_done integer not null default 0,
    counts jsonb,
    changes jsonb not null default '[]'::jsonb,
    change_count integer not null default 0,
    errors jsonb not null default '[]'::jsonb,
    error_count integer not null default 0,
    message text,
    created_at timestamptz not null default now(),
    finished_at timestamptz
  )`.execute(db);
  await sql`create index hr_import_programme_idx on hr_import (programme_id, created_at desc)`.execute(db);
  await sql`create index hr_import_sha256_idx on hr_import (programme_id, sha256)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists hr_import`.execute(db);
}
