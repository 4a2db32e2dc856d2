/**
 * Checklist templates (issue 6): a template is a versioned list of items for
 * a workstream or a kind of service; a new version is a new row and the old
 * one is kept. Its items (the validated definition, as imported) are stored
 * whole in `definition`. A checklist item made by applying a template records
 * the template key, version and item key it came from, so that re-applying a
 * newer version adds only what is missing.
 *
 * Frozen: once released, a migration never changes.
 */
import { WORKSTREAM_CODES } from '@handover/domain';
import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table checklist_template (
    id uuid primary key default gen_random_uuid(),
    key text not null check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(key) <= 60),
    template_version integer not null check (template_version between 1 and 100000),
    name text not null check (length(name) between 1 and 200),
    description text not null default '',
    kind text not null check (kind in ('WORKSTREAM', 'SERVICE')),
    workstream_code text not null check (workstream_code in (${list(WORKSTREAM_CODES)})),
    service_kind text,
    built_in boolean not null default false,
    item_count integer not null check (item_count >= 0),
    definition jsonb not null,
    created_by uuid references app_user (id),
    created_at timestamptz not null default now(),
    unique (key, template_version)
  )`.execute(db);

  await sql`alter table checklist_item
    add column template_key text,
    add column template_version integer,
    add column template_item_key text,
    add constraint checklist_item_template_check check (
      (template_key is null and template_version is null and template_item_key is null)
      or (template_key is not null and template_version is not null and template_item_key is not null))`.execute(
    db,
  );
  // One item per template item in each scope (the programme, or one service of it).
  await sql`create unique index checklist_item_template_key on checklist_item (
    programme_id, template_key, template_item_key, coalesce(service_id, '00000000-0000-0000-0000-000000000000'::uuid)
  ) where template_key is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists checklist_item_template_key`.execute(db);
  await sql`alter table checklist_item drop constraint checklist_item_template_check,
    drop column template_key, drop column template_version, drop column template_item_key`.execute(db);
  await sql`drop table if exists checklist_template`.execute(db);
}
