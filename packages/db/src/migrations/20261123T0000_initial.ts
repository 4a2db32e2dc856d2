/**
 * The first schema: organisations, programmes, the service catalogue, the
 * plan (workstreams, checklist items, milestones, RAID) and the workforce
 * (posts, employees), users and sessions.
 *
 * Frozen: once released, a migration never changes; later changes are new
 * migrations. It imports nothing of the application, so the enumerations
 * are written out here as they stood when it was made.
 */
import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const ORGANISATION_TYPES = [
  'COUNCIL',
  'TRUST',
  'DFE',
  'OFSTED',
  'COMMISSIONER_OFFICE',
  'POLICE',
  'ICB',
  'NHS_TRUST',
  'SCHOOL',
  'ACADEMY_TRUST',
  'PENSION_FUND',
  'RAA',
  'PROVIDER',
  'UNION',
  'COURT',
  'CAFCASS',
  'VCS',
];
const PROGRAMME_STATUSES = ['PLANNING', 'SHADOW', 'LIVE', 'CLOSED'];
const DISPOSITIONS = ['TRANSFERS', 'RETAINED_BY_COUNCIL', 'VARIES', 'REGIONAL'];
const TRANSFER_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'READY', 'TRANSFERRED', 'RETAINED'];
const WORKSTREAMS = [
  'PROGRAMME_GOVERNANCE',
  'HR_TUPE',
  'PENSIONS',
  'FINANCE',
  'LEGAL_GOVERNANCE',
  'ICT_DATA',
  'INFORMATION_GOVERNANCE',
  'OFSTED_REGULATION',
  'PROPERTY_ASSETS',
  'CONTRACTS_COMMISSIONING',
  'SUPPORT_SERVICES_SLA',
  'COMMUNICATIONS_ENGAGEMENT',
  'INSURANCE',
  'HEALTH_SAFETY',
  'STATUTORY_ROLES',
  'SAFEGUARDING_PARTNERSHIP',
  'PRACTICE_CONTINUITY',
];
const CHECKLIST_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'BLOCKED',
  'AT_RISK',
  'COMPLETE',
  'NOT_APPLICABLE',
  'DEFERRED_POST_GO_LIVE',
];
const OWNER_ORGS = ['COUNCIL', 'TRUST', 'JOINT', 'DFE', 'PROVIDER'];
const RAGS = ['RED', 'AMBER', 'GREEN', 'BLUE', 'GREY'];
const RAID_TYPES = ['RISK', 'ASSUMPTION', 'ISSUE', 'DEPENDENCY', 'DECISION', 'ACTION'];
const RAID_STATUSES = ['OPEN', 'MONITORING', 'MITIGATED', 'CLOSED', 'MATERIALISED'];
const RAID_RESPONSES = ['AVOID', 'REDUCE', 'TRANSFER', 'ACCEPT', 'SHARE', 'EXPLOIT'];
const TUPE_STATUSES = [
  'IN_SCOPE_ASSIGNED',
  'IN_SCOPE_DISPUTED',
  'OUT_OF_SCOPE_NOT_ASSIGNED',
  'OBJECTED',
  'REDEPLOYED_PRE_TRANSFER',
  'SECONDED',
  'LEAVER_BEFORE_TRANSFER',
  'TRANSFERRED',
];
const CONTRACT_TYPES = [
  'PERMANENT',
  'FIXED_TERM',
  'CASUAL',
  'SESSIONAL',
  'APPRENTICE',
  'AGENCY_WORKER',
  'SECONDEE_IN',
];
const PENSION_SCHEMES = ['LGPS', 'TPS', 'NHS_PS', 'NONE', 'OPTED_OUT'];
const ASSIGNMENT_DECISIONS = ['ASSIGNED', 'NOT_ASSIGNED', 'DISPUTED'];
const ROLES = ['ADMIN', 'EDITOR', 'HR', 'VIEWER'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const versioned = sql`
    version integer not null default 1 check (version > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()`;
  const rating = (col: string) => sql.raw(`${col} smallint check (${col} between 1 and 5)`);

  await sql`create table organisation (
    id uuid primary key default gen_random_uuid(),
    key text not null unique,
    name text not null,
    type text not null check (type in (${list(ORGANISATION_TYPES)})),
    la_code text,
    ons_code text,
    ${versioned}
  )`.execute(db);

  await sql`create table programme (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    description text not null default '',
    transferor_id uuid not null references organisation (id),
    transferee_id uuid not null references organisation (id),
    transfer_at timestamptz not null,
    status text not null check (status in (${list(PROGRAMME_STATUSES)})),
    risk_bands jsonb not null,
    ${versioned}
  )`.execute(db);

  await sql`create table programme_organisation (
    programme_id uuid not null references programme (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    primary key (programme_id, organisation_id)
  )`.execute(db);

  await sql`create table service (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    key text not null,
    name text not null,
    description text not null default '',
    disposition text not null check (disposition in (${list(DISPOSITIONS)})),
    transfer_status text not null check (transfer_status in (${list(TRANSFER_STATUSES)})),
    shadow_date date,
    go_live_date date,
    ${versioned},
    unique (programme_id, key)
  )`.execute(db);

  await sql`create table team (
    id uuid primary key default gen_random_uuid(),
    service_id uuid not null references service (id) on delete cascade,
    name text not null,
    ${versioned},
    unique (service_id, name)
  )`.execute(db);

  await sql`create table app_user (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    name text not null,
    role text not null check (role in (${list(ROLES)})),
    password_hash text not null,
    active boolean not null default true,
    ${versioned}
  )`.execute(db);
  await sql`create unique index app_user_email_key on app_user (lower(email))`.execute(db);

  await sql`create table session (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references app_user (id) on delete cascade,
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`.execute(db);
  await sql`create index session_user_idx on session (user_id)`.execute(db);

  await sql`create table workstream (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    code text not null check (code in (${list(WORKSTREAMS)})),
    name text not null,
    description text not null default '',
    lead_organisation_id uuid references organisation (id),
    lead_user_id uuid references app_user (id),
    ${versioned},
    unique (programme_id, code)
  )`.execute(db);

  await sql`create table checklist_item (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    workstream_id uuid not null references workstream (id),
    service_id uuid references service (id),
    ref text not null,
    title text not null,
    description text not null default '',
    owner_org text not null check (owner_org in (${list(OWNER_ORGS)})),
    owner_user_id uuid references app_user (id),
    due_date date,
    day_one_critical boolean not null default false,
    status text not null check (status in (${list(CHECKLIST_STATUSES)})),
    evidence text[] not null default '{}',
    ${versioned},
    unique (programme_id, ref)
  )`.execute(db);
  await sql`create index checklist_item_workstream_idx on checklist_item (workstream_id)`.execute(db);
  await sql`create index checklist_item_service_idx on checklist_item (service_id)`.execute(db);
  await sql`create index checklist_item_programme_due_idx on checklist_item (programme_id, due_date)`.execute(
    db,
  );

  await sql`create table checklist_dependency (
    item_id uuid not null references checklist_item (id) on delete cascade,
    depends_on_id uuid not null references checklist_item (id) on delete cascade,
    primary key (item_id, depends_on_id),
    check (item_id <> depends_on_id)
  )`.execute(db);
  await sql`create index checklist_dependency_depends_on_idx on checklist_dependency (depends_on_id)`.execute(
    db,
  );

  await sql`create table milestone (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    workstream_id uuid references workstream (id),
    service_id uuid references service (id),
    name text not null,
    description text not null default '',
    baseline_date date not null,
    forecast_date date,
    actual_date date,
    rag text not null check (rag in (${list(RAGS)})),
    critical boolean not null default false,
    ${versioned}
  )`.execute(db);
  await sql`create index milestone_programme_idx on milestone (programme_id, baseline_date)`.execute(db);
  await sql`create index milestone_service_idx on milestone (service_id)`.execute(db);

  await sql`create table raid_item (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    ref text not null,
    type text not null check (type in (${list(RAID_TYPES)})),
    title text not null,
    statement text not null,
    workstream_id uuid references workstream (id),
    owner_organisation_id uuid references organisation (id),
    owner_user_id uuid references app_user (id),
    status text not null check (status in (${list(RAID_STATUSES)})),
    response text check (response in (${list(RAID_RESPONSES)})),
    response_plan text not null default '',
    due_date date,
    ${rating('inherent_likelihood')}, ${rating('inherent_impact')},
    ${rating('residual_likelihood')}, ${rating('residual_impact')},
    ${rating('target_likelihood')}, ${rating('target_impact')},
    closed_at timestamptz,
    ${versioned},
    unique (programme_id, ref),
    check ((inherent_likelihood is null) = (inherent_impact is null)),
    check ((residual_likelihood is null) = (residual_impact is null)),
    check ((target_likelihood is null) = (target_impact is null))
  )`.execute(db);

  await sql`create table post (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    team_id uuid not null references team (id),
    post_number text not null,
    title text not null,
    grade text not null,
    fte numeric(4, 3) not null check (fte > 0 and fte <= 1),
    cost_centre text not null,
    vacant boolean not null default false,
    ${versioned},
    unique (programme_id, post_number)
  )`.execute(db);
  await sql`create index post_team_idx on post (team_id)`.execute(db);

  await sql`create table employee (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    post_id uuid references post (id),
    payroll_number text not null,
    first_name text not null,
    last_name text not null,
    date_of_birth date not null,
    ni_number text not null,
    contract_type text not null check (contract_type in (${list(CONTRACT_TYPES)})),
    start_date date not null,
    continuous_service_date date not null,
    fte numeric(4, 3) not null check (fte > 0 and fte <= 1),
    salary numeric(10, 2) not null check (salary >= 0),
    pension_scheme text not null check (pension_scheme in (${list(PENSION_SCHEMES)})),
    pension_number text,
    tupe_status text not null check (tupe_status in (${list(TUPE_STATUSES)})),
    assignment_decision text check (assignment_decision in (${list(ASSIGNMENT_DECISIONS)})),
    assignment_rationale text,
    ${versioned},
    unique (programme_id, payroll_number)
  )`.execute(db);
  await sql`create index employee_post_idx on employee (post_id)`.execute(db);
  await sql`create index employee_programme_tupe_idx on employee (programme_id, tupe_status)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'employee',
    'post',
    'raid_item',
    'milestone',
    'checklist_dependency',
    'checklist_item',
    'workstream',
    'session',
    'app_user',
    'team',
    'service',
    'programme_organisation',
    'programme',
    'organisation',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
