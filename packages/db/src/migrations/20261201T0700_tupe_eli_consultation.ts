/**
 * The TUPE paperwork around the staff: employee liability information (ELI)
 * packages and who is in each, the measures each side envisages, the
 * consultation meetings with the unions, the measures letters sent, the
 * pension admission agreement, and the timeline steps HR records as done.
 * Each table is its own: the employee table is read, never changed.
 *
 * Frozen: once released, a migration never changes.
 */
import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// As they stood when this was made (packages/domain/src/tupe.ts).
const ELI_CATEGORIES = [
  'IDENTITY_AND_AGE',
  'WRITTEN_PARTICULARS',
  'DISCIPLINARY_AND_GRIEVANCE',
  'CLAIMS',
  'COLLECTIVE_AGREEMENTS',
];
const RECORDED_STEPS = [
  'ASSIGNMENT_COMPLETE',
  'PROVISIONAL_LIST_TO_STAFF',
  'PAYROLL_PARALLEL_RUN',
  'FINAL_LIST_AGREED',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const versioned = sql`
    version integer not null default 1 check (version > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()`;

  await sql`create table eli_package (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    number integer not null check (number > 0),
    kind text not null check (kind in ('INITIAL', 'UPDATE')),
    status text not null default 'DRAFT' check (status in ('DRAFT', 'SENT')),
    categories text[] not null default '{}'
      check (categories <@ array[${list(ELI_CATEGORIES)}]::text[]),
    notes text not null default '',
    sent_on date,
    sent_at timestamptz,
    sent_by uuid references app_user (id),
    ${versioned},
    unique (programme_id, number),
    check ((status = 'SENT') = (sent_on is not null and sent_at is not null))
  )`.execute(db);
  // At most one draft at a time per programme.
  await sql`create unique index eli_package_one_draft on eli_package (programme_id) where status = 'DRAFT'`.execute(
    db,
  );

  await sql`create table eli_package_employee (
    package_id uuid not null references eli_package (id) on delete cascade,
    employee_id uuid not null references employee (id) on delete cascade,
    reason text not null check (reason in ('NEW', 'CHANGED', 'OBJECTED')),
    -- The employee row's version when the package listed them: a later version is a change since.
    employee_version integer not null check (employee_version > 0),
    primary key (package_id, employee_id)
  )`.execute(db);
  await sql`create index eli_package_employee_employee_idx on eli_package_employee (employee_id)`.execute(db);

  await sql`create table tupe_measure (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    description text not null,
    envisaged_by text not null check (envisaged_by in ('TRANSFEROR', 'TRANSFEREE')),
    groups_affected text[] not null default '{}',
    consultation_required boolean not null,
    notified_on date,
    ${versioned}
  )`.execute(db);
  await sql`create index tupe_measure_programme_idx on tupe_measure (programme_id)`.execute(db);

  await sql`create table consultation_meeting (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    held_on date not null,
    unions text[] not null check (cardinality(unions) > 0
      and unions <@ array['UNISON', 'GMB', 'UNITE', 'OTHER']::text[]),
    other_union text,
    attendees text[] not null default '{}',
    issues_raised text[] not null default '{}',
    minutes_url text,
    ${versioned}
  )`.execute(db);
  await sql`create index consultation_meeting_programme_idx on consultation_meeting (programme_id, held_on)`.execute(
    db,
  );

  await sql`create table measures_letter (
    employee_id uuid primary key references employee (id) on delete cascade,
    programme_id uuid not null references programme (id) on delete cascade,
    sent_on date not null,
    recorded_by uuid references app_user (id),
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index measures_letter_programme_idx on measures_letter (programme_id)`.execute(db);

  await sql`create table pension_admission_agreement (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null unique references programme (id) on delete cascade,
    fund_name text not null,
    admission text not null check (admission in ('OPEN', 'CLOSED')),
    guarantor text not null default '',
    employer_rate numeric(5, 2) check (employer_rate >= 0 and employer_rate <= 100),
    pass_through boolean not null default false,
    bond_note text not null default '',
    signed_on date,
    ${versioned}
  )`.execute(db);

  await sql`create table tupe_step_record (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    step text not null check (step in (${list(RECORDED_STEPS)})),
    done_on date not null,
    recorded_by uuid references app_user (id),
    ${versioned},
    unique (programme_id, step)
  )`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'tupe_step_record',
    'pension_admission_agreement',
    'measures_letter',
    'consultation_meeting',
    'tupe_measure',
    'eli_package_employee',
    'eli_package',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
