/**
 * The built-in checklist templates: one YAML file per template in
 * `templates/` (the seventeen workstreams of DOMAIN.md section 3 and the
 * service templates), checked by the same rules as an import. They are
 * loaded into `checklist_template` by the seed and at every start: a
 * (key, version) already stored is left alone, so loading is idempotent and
 * the same files always give the same rows.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { validateTemplate, type ChecklistTemplateDefinition } from '@handover/domain';
import type { Kysely } from 'kysely';
import { parse } from 'yaml';
import type { Database } from './schema.ts';

const DIR = new URL('./templates/', import.meta.url);

export interface BuiltInTemplate {
  file: string;
  template: ChecklistTemplateDefinition;
}

/** Reads and validates every built-in template file, in file-name order; throws naming the file and errors. */
export function readBuiltInTemplates(): BuiltInTemplate[] {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.map((file) => {
    const result = validateTemplate(parse(readFileSync(new URL(file, DIR), 'utf8')));
    if (!result.ok) {
      throw new Error(
        `built-in template ${file} is not valid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      );
    }
    return { file, template: result.template };
  });
}

/** A built-in template version's id: the same on every database (a name-based UUID of key@version). */
export function builtInTemplateId(key: string, version: number): string {
  const h = createHash('sha1').update(`handover-checklist-template:${key}@${version}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Stores the built-in templates that are not stored yet; returns how many were added. */
export async function loadBuiltInTemplates(db: Kysely<Database>): Promise<number> {
  const templates = readBuiltInTemplates();
  const rows = templates.map(({ template: t }) => ({
    id: builtInTemplateId(t.key, t.version),
    key: t.key,
    template_version: t.version,
    name: t.name,
    description: t.description,
    kind: t.kind,
    workstream_code: t.workstream,
    service_kind: t.serviceKind,
    built_in: true,
    item_count: t.items.length,
    definition: JSON.stringify(t),
    created_by: null,
  }));
  const inserted = await db
    .insertInto('checklist_template')
    .values(rows)
    .onConflict((oc) => oc.columns(['key', 'template_version']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
