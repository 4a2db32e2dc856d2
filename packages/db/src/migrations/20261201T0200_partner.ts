/**
 * Partner agencies: API tokens (stored as SHA-256 hashes, never the token),
 * data sharing agreements with their parties, and the front-door contact
 * routes partners use, each in force between two dates.
 *
 * Frozen once released; it imports nothing of the application, so the
 * enumerations are written out here as they stood when it was made.
 */
import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** UK GDPR Article 6(1). */
const LAWFUL_BASES = [
  'CONSENT',
  'CONTRACT',
  'LEGAL_OBLIGATION',
  'VITAL_INTERESTS',
  'PUBLIC_TASK',
  'LEGITIMATE_INTERESTS',
];
/** UK GDPR Article 9(2)(a) to (j). */
const SPECIAL_CATEGORY_CONDITIONS = [
  'EXPLICIT_CONSENT',
  'EMPLOYMENT_SOCIAL_SECURITY',
  'VITAL_INTERESTS',
  'NOT_FOR_PROFIT_BODY',
  'MADE_PUBLIC',
  'LEGAL_CLAIMS',
  'SUBSTANTIAL_PUBLIC_INTEREST',
  'HEALTH_SOCIAL_CARE',
  'PUBLIC_HEALTH',
  'ARCHIVING_RESEARCH',
];
const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'PORTAL'];
const CONTACT_AUDIENCES = ['PUBLIC', 'PROFESSIONALS', 'OUT_OF_HOURS'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const versioned = sql`
    version integer not null default 1 check (version > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()`;

  await sql`create table api_token (
    id uuid primary key default gen_random_uuid(),
    name text not null check (length(name) between 1 and 100),
    organisation_id uuid not null references organisation (id),
    token_hash text not null unique,
    token_prefix text not null,
    created_by uuid references app_user (id),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz,
    revoked_by uuid references app_user (id),
    last_used_at timestamptz
  )`.execute(db);
  await sql`create index api_token_organisation_idx on api_token (organisation_id)`.execute(db);

  await sql`create table data_sharing_agreement (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    ref text not null,
    title text not null,
    purpose text not null,
    lawful_basis text not null check (lawful_basis in (${list(LAWFUL_BASES)})),
    special_category_condition text
      check (special_category_condition in (${list(SPECIAL_CATEGORY_CONDITIONS)})),
    legal_gateway text not null default '',
    datasets text[] not null default '{}',
    start_date date not null,
    review_date date not null,
    end_date date,
    ${versioned},
    unique (programme_id, ref),
    check (review_date >= start_date),
    check (end_date is null or end_date >= start_date)
  )`.execute(db);

  await sql`create table data_sharing_agreement_party (
    agreement_id uuid not null references data_sharing_agreement (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    primary key (agreement_id, organisation_id)
  )`.execute(db);
  await sql`create index data_sharing_agreement_party_organisation_idx
    on data_sharing_agreement_party (organisation_id)`.execute(db);

  await sql`create table contact_route (
    id uuid primary key default gen_random_uuid(),
    programme_id uuid not null references programme (id) on delete cascade,
    service_id uuid references service (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    audience text not null check (audience in (${list(CONTACT_AUDIENCES)})),
    channel text not null check (channel in (${list(CONTACT_CHANNELS)})),
    label text not null,
    value text not null,
    hours text not null default '',
    from_date date,
    to_date date,
    ${versioned},
    check (to_date is null or from_date is null or to_date >= from_date)
  )`.execute(db);
  await sql`create index contact_route_service_idx on contact_route (service_id)`.execute(db);
  await sql`create index contact_route_programme_idx on contact_route (programme_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'contact_route',
    'data_sharing_agreement_party',
    'data_sharing_agreement',
    'api_token',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
