/**
 * Checklist templates: import and export (YAML or JSON, one schema: see
 * `validateTemplate` in @handover/domain) and applying a template version to
 * the programme or to one of its services.
 *
 * Applying is additive and idempotent. It creates the template's items that
 * are not yet in the scope (matched by template key + item key), dated from
 * the programme's transfer day, and their dependencies; items already there
 * keep their status, owner, dates and evidence (only the template version
 * they are recorded against moves on); items no longer in the template are
 * reported, never deleted. Applying the same version twice changes nothing
 * and says so. A `templateKey:itemKey` dependency links to that template's
 * item in the same service, else the programme's; if it is not applied yet
 * it is reported as unresolved and made when the template is applied again.
 */
import type { ChecklistItem, ChecklistTemplate, Database } from '@handover/db';
import {
  londonDate,
  splitTemplateRef,
  templateDueDate,
  templateItemRef,
  validateTemplate,
  type ChecklistTemplateDefinition,
  type TemplateError,
  type WorkstreamCode,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import { parse, stringify, YAMLParseError } from 'yaml';
import type { Viewer } from '../../context.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { assertMayEditWorkstream } from '../user/user.service.ts';
import {
  insertTemplate,
  itemsFromTemplate,
  latestVersion,
  programmeDependencies,
  refsInUse,
  templatesByIds,
  templateItemsOfProgramme,
} from './template.repository.ts';

export const TEMPLATE_FORMATS = ['YAML', 'JSON'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** The most a template file may hold (a 500-item template is well under). */
export const MAX_TEMPLATE_BYTES = 1_000_000;

/** A template file that cannot be stored: every problem found, by path. Nothing was stored. */
export class TemplateFileError extends Error {
  override name = 'TemplateFileError';
  readonly problems: TemplateError[];
  constructor(problems: TemplateError[]) {
    super(
      `The template was not imported (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}): ` +
        problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    );
    this.problems = problems;
  }
}

export function definitionOf(t: ChecklistTemplate): ChecklistTemplateDefinition {
  const d = t.definition;
  return (typeof d === 'string' ? JSON.parse(d) : d) as ChecklistTemplateDefinition;
}

/** Reads a YAML or JSON file into a checked template, or throws TemplateFileError naming every problem. */
export function parseTemplateFile(format: TemplateFormat, content: string): ChecklistTemplateDefinition {
  if (content.length > MAX_TEMPLATE_BYTES) {
    throw new TemplateFileError([
      { path: '(file)', message: `is larger than ${MAX_TEMPLATE_BYTES} characters` },
    ]);
  }
  if (content.trim() === '') throw new TemplateFileError([{ path: '(file)', message: 'is empty' }]);
  let data: unknown;
  try {
    data = format === 'JSON' ? JSON.parse(content) : parse(content, { maxAliasCount: 100 });
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: `
        : '';
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new TemplateFileError([{ path: '(file)', message: `is not valid ${format}: ${where}${message}` }]);
  }
  const result = validateTemplate(data);
  if (!result.ok) throw new TemplateFileError(result.errors);
  return result.template;
}

/** The template as a file to edit and import again (the same fields, in the same order). */
export function exportTemplate(t: ChecklistTemplate, format: TemplateFormat): string {
  const d = definitionOf(t);
  const file = {
    key: d.key,
    version: d.version,
    name: d.name,
    description: d.description,
    kind: d.kind,
    workstream: d.workstream,
    ...(d.serviceKind ? { serviceKind: d.serviceKind } : {}),
    items: d.items.map((i) => ({
      key: i.key,
      title: i.title,
      ...(i.description ? { description: i.description } : {}),
      workstream: i.workstream,
      ownerOrg: i.ownerOrg,
      dueOffsetDays: i.dueOffsetDays,
      durationDays: i.durationDays,
      dayOneCritical: i.dayOneCritical,
      ...(i.signOffRole ? { signOffRole: i.signOffRole } : {}),
      ...(i.dependsOn.length ? { dependsOn: i.dependsOn } : {}),
    })),
  };
  return format === 'JSON' ? `${JSON.stringify(file, null, 2)}\n` : stringify(file, { lineWidth: 0 });
}

/** Stores an imported template version; the same key and version twice is refused. */
export async function importTemplate(
  db: Kysely<Database>,
  format: TemplateFormat,
  content: string,
  createdBy: string | null,
  now: Date,
): Promise<ChecklistTemplate> {
  const t = parseTemplateFile(format, content);
  const latest = await latestVersion(db, t.key);
  if (latest !== null && t.version <= latest) {
    throw new TemplateFileError([
      {
        path: 'version',
        message: `${t.key} version ${latest} is already stored; a new version needs a number above ${latest} (versions are never replaced)`,
      },
    ]);
  }
  return insertTemplate(db, t, createdBy, now);
}

export interface ApplyTarget {
  templateId: string;
  programmeId: string;
  serviceId: string | null;
}

export interface ApplyResult {
  template: ChecklistTemplate;
  programmeId: string;
  serviceId: string | null;
  created: ChecklistItem[];
  /** Items already there from an earlier version, now recorded against this one. */
  updated: number;
  /** Items already there from this version. */
  kept: number;
  dependenciesAdded: number;
  /** Items made from an earlier version that this one no longer lists: reported, not deleted. */
  removedFromTemplate: ChecklistItem[];
  /** `itemKey -> templateKey:itemKey` references whose item is not applied in this scope yet. */
  unresolved: string[];
  unchanged: boolean;
  message: string;
}

/** Applies a template version in one transaction (`db` is the transaction). */
export async function applyTemplate(
  db: Kysely<Database>,
  viewer: Viewer | null,
  target: ApplyTarget,
  now: Date,
): Promise<ApplyResult> {
  const template = (await templatesByIds(db, [target.templateId]))[0];
  if (!template) throw new NotFoundError('ChecklistTemplate', target.templateId);
  const def = definitionOf(template);
  const programme = await db
    .selectFrom('programme')
    .select(['id', 'transfer_at'])
    .where('id', '=', target.programmeId)
    .executeTakeFirst();
  if (!programme) throw new NotFoundError('Programme', target.programmeId);
  let serviceKey: string | null = null;
  if (target.serviceId) {
    const service = await db
      .selectFrom('service')
      .select(['id', 'key', 'programme_id'])
      .where('id', '=', target.serviceId)
      .executeTakeFirst();
    if (!service) throw new NotFoundError('Service', target.serviceId);
    if (service.programme_id !== programme.id)
      throw new ValidationError('serviceId', 'is a service of another programme');
    serviceKey = service.key;
  } else if (def.kind === 'SERVICE') {
    throw new ValidationError(
      'serviceId',
      `${def.name} is a template for a service: choose the service to apply it to`,
    );
  }

  const workstreams = await db
    .selectFrom('workstream')
    .select(['id', 'code'])
    .where('programme_id', '=', programme.id)
    .execute();
  const workstreamId = new Map<WorkstreamCode, string>(workstreams.map((w) => [w.code, w.id]));
  const missing = def.items.map((i, n) => ({ i, n })).filter(({ i }) => !workstreamId.has(i.workstream));
  if (missing.length > 0) {
    throw new ValidationError(
      `items[${missing[0]!.n}].workstream`,
      `the programme has no ${missing[0]!.i.workstream} workstream to put the item in`,
    );
  }
  // An EDITOR applies only templates whose items all land in workstreams they lead.
  for (const code of new Set(def.items.map((i) => i.workstream))) {
    await assertMayEditWorkstream(db, viewer, workstreamId.get(code)!, 'checklist_item');
  }

  const existing = await itemsFromTemplate(db, programme.id, def.key, target.serviceId);
  const newer = existing.find((e) => (e.template_version ?? 0) > def.version);
  if (newer) {
    throw new ValidationError(
      'templateId',
      `version ${newer.template_version} of ${def.key} is already applied here; apply that version or a newer one`,
    );
  }
  const byKey = new Map(existing.map((e) => [e.template_item_key!, e]));
  const toCreate = def.items.filter((i) => !byKey.has(i.key));
  const refs = toCreate.map((i) => templateItemRef(def.key, i.key, serviceKey));
  const taken = await refsInUse(db, programme.id, refs);
  if (taken.length > 0) {
    throw new ValidationError(
      'templateId',
      `checklist references already used by other items: ${taken.join(', ')}`,
    );
  }

  const transferDay = londonDate(programme.transfer_at);
  const created =
    toCreate.length === 0
      ? []
      : await db
          .insertInto('checklist_item')
          .values(
            toCreate.map((i, n) => ({
              programme_id: programme.id,
              workstream_id: workstreamId.get(i.workstream)!,
              service_id: target.serviceId,
              ref: refs[n]!,
              title: i.title,
              description: i.description,
              owner_org: i.ownerOrg,
              due_date: templateDueDate(transferDay, i),
              // Dated from the transfer day: a what-if with another transfer day re-dates it.
              due_offset_days: i.dueOffsetDays,
              day_one_critical: i.dayOneCritical,
              status: 'NOT_STARTED' as const,
              duration_days: i.durationDays,
              sign_off_role: i.signOffRole,
              template_key: def.key,
              template_version: def.version,
              template_item_key: i.key,
              created_at: now,
              updated_at: now,
            })),
          )
          .returningAll()
          .execute();
  for (const c of created) byKey.set(c.template_item_key!, c);

  const inTemplate = new Set(def.items.map((i) => i.key));
  const older = existing.filter(
    (e) => inTemplate.has(e.template_item_key!) && e.template_version! < def.version,
  );
  if (older.length > 0) {
    await db
      .updateTable('checklist_item')
      .set((eb) => ({ template_version: def.version, version: eb('version', '+', 1), updated_at: now }))
      .where(
        'id',
        'in',
        older.map((o) => o.id),
      )
      .execute();
  }

  // Dependencies: this template's own, and references to items of other templates in the programme.
  const others = await templateItemsOfProgramme(db, programme.id);
  const findOther = (templateKey: string, itemKey: string) =>
    others.find(
      (o) =>
        o.template_key === templateKey &&
        o.template_item_key === itemKey &&
        o.service_id === target.serviceId,
    ) ??
    others.find(
      (o) => o.template_key === templateKey && o.template_item_key === itemKey && o.service_id === null,
    );
  const wanted: { item_id: string; depends_on_id: string }[] = [];
  const unresolved: string[] = [];
  for (const i of def.items) {
    for (const d of i.dependsOn) {
      const cross = splitTemplateRef(d);
      const on =
        !cross || cross.templateKey === def.key
          ? byKey.get(cross ? cross.itemKey : d)?.id
          : findOther(cross.templateKey, cross.itemKey)?.id;
      if (on) wanted.push({ item_id: byKey.get(i.key)!.id, depends_on_id: on });
      else unresolved.push(`${i.key} -> ${d}`);
    }
  }
  const current = await programmeDependencies(db, programme.id);
  const has = new Set(current.map((c) => `${c.item_id}>${c.depends_on_id}`));
  const toAdd = wanted.filter((w) => !has.has(`${w.item_id}>${w.depends_on_id}`));
  if (toAdd.length > 0) {
    const cycle = findCycle([...current, ...toAdd]);
    if (cycle) {
      const refOf = new Map([...others.map((o) => [o.id, o.ref] as const)]);
      const names = await db
        .selectFrom('checklist_item')
        .select(['id', 'ref'])
        .where('id', 'in', cycle)
        .execute();
      for (const n of names) refOf.set(n.id, n.ref);
      throw new ValidationError(
        'templateId',
        `applying it would make a dependency cycle: ${[...cycle, cycle[0]!].map((id) => refOf.get(id) ?? id).join(' -> ')}`,
      );
    }
    await db.insertInto('checklist_dependency').values(toAdd).execute();
  }

  const removedFromTemplate = existing.filter((e) => !inTemplate.has(e.template_item_key!));
  const kept = existing.length - older.length - removedFromTemplate.length;
  const unchanged = created.length === 0 && older.length === 0 && toAdd.length === 0;
  const parts = [
    `${created.length} ${created.length === 1 ? 'item' : 'items'} created`,
    `${toAdd.length} ${toAdd.length === 1 ? 'dependency' : 'dependencies'} added`,
    ...(older.length
      ? [
          `${older.length} kept from version ${Math.min(...older.map((o) => o.template_version!))} and moved to version ${def.version}`,
        ]
      : []),
    ...(kept ? [`${kept} already there left as they are`] : []),
    ...(removedFromTemplate.length
      ? [`${removedFromTemplate.length} no longer in the template (kept, not deleted)`]
      : []),
    ...(unresolved.length ? [`${unresolved.length} dependencies on other templates not applied yet`] : []),
  ];
  return {
    template,
    programmeId: programme.id,
    serviceId: target.serviceId,
    created,
    updated: older.length,
    kept,
    dependenciesAdded: toAdd.length,
    removedFromTemplate,
    unresolved,
    unchanged,
    message: unchanged
      ? `${def.name} version ${def.version} is already applied here: nothing changed.`
      : `${def.name} version ${def.version} applied: ${parts.join(', ')}.`,
  };
}

/** A cycle among dependency edges (as item ids around it), or null. */
function findCycle(edges: readonly { item_id: string; depends_on_id: string }[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.item_id, [...(next.get(e.item_id) ?? []), e.depends_on_id]);
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 1);
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 1) return stack.slice(stack.indexOf(m));
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of next.keys()) {
    if (!state.has(n)) {
      const found = visit(n);
      if (found) return found;
    }
  }
  return null;
}
