/**
 * Checklist templates: a reusable list of checklist items for a workstream or
 * for a kind of service, versioned by key + version. This module holds the
 * rules a template must meet (the same for the built-in YAML files and for
 * imports) and the arithmetic of applying one; parsing YAML/JSON and the
 * database are the callers' business.
 *
 * Dependencies ("dependsOn") name items:
 * - in the same template by item key: `eli-issued`;
 * - in another template by `templateKey:itemKey`: `ict-data:cms-access`.
 *   A cross-template reference is checked for its form only (the other
 *   template may be imported later); when the template is applied it links to
 *   the item of that template already applied in the same scope (the same
 *   service, else the programme) and is reported as unresolved otherwise.
 * References inside a template must name an item of it, and must not form a
 * cycle: both are refused naming the items.
 */
import { addCalendarDays, type IsoDate } from './dates.ts';
import { OWNER_ORGS, WORKSTREAM_CODES, type OwnerOrg, type WorkstreamCode } from './enums.ts';

export const TEMPLATE_KINDS = ['WORKSTREAM', 'SERVICE'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface TemplateItem {
  /** Stable within the template (lower-case letters, digits and hyphens). */
  key: string;
  title: string;
  description: string;
  workstream: WorkstreamCode;
  ownerOrg: OwnerOrg;
  /** Days from the transfer day: -90 is T-90. */
  dueOffsetDays: number;
  /** Expected effort in days (checklist_item.duration_days). */
  durationDays: number;
  dayOneCritical: boolean;
  /** The accountable role that signs it off ("DCS"), or null. */
  signOffRole: string | null;
  /** Item keys of this template, or `templateKey:itemKey` of another. */
  dependsOn: string[];
}

export interface ChecklistTemplateDefinition {
  key: string;
  version: number;
  name: string;
  description: string;
  kind: TemplateKind;
  /** The workstream it belongs to (WORKSTREAM kind), or the main one of a service template. */
  workstream: WorkstreamCode;
  /** For SERVICE templates: the kind of service, e.g. "Children's home re-registration". */
  serviceKind: string | null;
  items: TemplateItem[];
}

/** One problem with a template file: where (a path like `items[3].dueOffsetDays`) and what. */
export interface TemplateError {
  path: string;
  message: string;
}

export type TemplateValidation =
  { ok: true; template: ChecklistTemplateDefinition } | { ok: false; errors: TemplateError[] };

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ITEMS = 500;
const MAX_OFFSET = 1000;

const TOP_FIELDS = ['key', 'version', 'name', 'description', 'kind', 'workstream', 'serviceKind', 'items'];
const ITEM_FIELDS = [
  'key',
  'title',
  'description',
  'workstream',
  'ownerOrg',
  'dueOffsetDays',
  'durationDays',
  'dayOneCritical',
  'signOffRole',
  'dependsOn',
];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `templateKey:itemKey` split, or null when the reference is to this template's own item. */
export function splitTemplateRef(ref: string): { templateKey: string; itemKey: string } | null {
  const at = ref.indexOf(':');
  if (at < 0) return null;
  return { templateKey: ref.slice(0, at), itemKey: ref.slice(at + 1) };
}

/** Checks a parsed template file (YAML or JSON) and returns it typed, or every error found. */
export function validateTemplate(input: unknown): TemplateValidation {
  const errors: TemplateError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [
        { path: '(file)', message: 'must be a mapping (an object) with key, version, name and items' },
      ],
    };
  }
  for (const k of Object.keys(input))
    if (!TOP_FIELDS.includes(k)) err(k, `is not a template field (expected one of ${TOP_FIELDS.join(', ')})`);

  const text = (path: string, v: unknown, opts: { required: boolean; max: number }): string | null => {
    if (v === undefined || v === null || v === '') {
      if (opts.required) err(path, 'is required');
      return null;
    }
    if (typeof v !== 'string') {
      err(path, 'must be text');
      return null;
    }
    const t = v.trim();
    if (opts.required && t === '') err(path, 'is required');
    if (t.length > opts.max) err(path, `must be at most ${opts.max} characters`);
    return t;
  };
  const int = (
    path: string,
    v: unknown,
    min: number,
    max: number,
    fallback: number | null,
  ): number | null => {
    if (v === undefined || v === null) {
      if (fallback === null) err(path, 'is required');
      return fallback;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      err(path, 'must be a whole number');
      return null;
    }
    if (v < min || v > max) err(path, `must be between ${min} and ${max}`);
    return v;
  };
  const oneOf = <T extends string>(
    path: string,
    v: unknown,
    values: readonly T[],
    fallback: T | null,
  ): T | null => {
    if (v === undefined || v === null) {
      if (fallback === null) err(path, `is required (one of ${values.join(', ')})`);
      return fallback;
    }
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      err(path, `must be one of ${values.join(', ')}`);
      return null;
    }
    return v as T;
  };

  const key = text('key', input.key, { required: true, max: 60 });
  if (key && !KEY.test(key)) err('key', 'must be lower-case letters, digits and hyphens, e.g. hr-tupe');
  const version = int('version', input.version, 1, 100000, null);
  const name = text('name', input.name, { required: true, max: 200 });
  const description = text('description', input.description, { required: false, max: 2000 }) ?? '';
  const kind = oneOf('kind', input.kind, TEMPLATE_KINDS, null);
  const workstream = oneOf('workstream', input.workstream, WORKSTREAM_CODES, null);
  const serviceKind = text('serviceKind', input.serviceKind, { required: kind === 'SERVICE', max: 200 });
  if (kind === 'WORKSTREAM' && serviceKind) err('serviceKind', 'is only for SERVICE templates');

  const items: TemplateItem[] = [];
  // Every item with a key, valid or not, so that its references are checked too.
  const checked: { index: number; key: string; dependsOn: string[] }[] = [];
  if (!Array.isArray(input.items)) {
    err('items', 'is required: a list of items');
  } else {
    if (input.items.length === 0) err('items', 'must list at least one item');
    if (input.items.length > MAX_ITEMS) err('items', `must list at most ${MAX_ITEMS} items`);
    input.items.forEach((raw: unknown, i) => {
      const p = `items[${i}]`;
      if (!isRecord(raw)) {
        err(p, 'must be a mapping (an object)');
        return;
      }
      for (const k of Object.keys(raw))
        if (!ITEM_FIELDS.includes(k))
          err(`${p}.${k}`, `is not an item field (expected one of ${ITEM_FIELDS.join(', ')})`);
      const itemKey = text(`${p}.key`, raw.key, { required: true, max: 60 });
      if (itemKey && !KEY.test(itemKey)) err(`${p}.key`, 'must be lower-case letters, digits and hyphens');
      const title = text(`${p}.title`, raw.title, { required: true, max: 300 });
      const itemDescription = text(`${p}.description`, raw.description, { required: false, max: 4000 }) ?? '';
      const itemWorkstream = oneOf(
        `${p}.workstream`,
        raw.workstream,
        WORKSTREAM_CODES,
        workstream ?? 'PROGRAMME_GOVERNANCE',
      );
      const ownerOrg = oneOf(`${p}.ownerOrg`, raw.ownerOrg, OWNER_ORGS, null);
      const dueOffsetDays = int(`${p}.dueOffsetDays`, raw.dueOffsetDays, -MAX_OFFSET, MAX_OFFSET, null);
      const durationDays = int(`${p}.durationDays`, raw.durationDays, 0, 1000, 1);
      let dayOneCritical = false;
      if (raw.dayOneCritical !== undefined && raw.dayOneCritical !== null) {
        if (typeof raw.dayOneCritical !== 'boolean') err(`${p}.dayOneCritical`, 'must be true or false');
        else dayOneCritical = raw.dayOneCritical;
      }
      const signOffRole = text(`${p}.signOffRole`, raw.signOffRole, { required: false, max: 200 });
      const dependsOn: string[] = [];
      if (raw.dependsOn !== undefined && raw.dependsOn !== null) {
        if (!Array.isArray(raw.dependsOn)) err(`${p}.dependsOn`, 'must be a list of item keys');
        else
          raw.dependsOn.forEach((d: unknown, j) => {
            const dp = `${p}.dependsOn[${j}]`;
            if (typeof d !== 'string' || d.trim() === '')
              return err(dp, 'must be an item key or templateKey:itemKey');
            const ref = d.trim();
            const cross = splitTemplateRef(ref);
            if (cross) {
              if (!KEY.test(cross.templateKey) || !KEY.test(cross.itemKey))
                return err(dp, `"${ref}" must be templateKey:itemKey (lower-case keys)`);
            } else if (!KEY.test(ref)) return err(dp, `"${ref}" is not an item key`);
            if (dependsOn.includes(ref)) return err(dp, `"${ref}" is listed twice`);
            dependsOn.push(ref);
          });
      }
      if (itemKey) checked.push({ index: i, key: itemKey, dependsOn });
      if (itemKey && title && itemWorkstream && ownerOrg && dueOffsetDays !== null && durationDays !== null) {
        items.push({
          key: itemKey,
          title,
          description: itemDescription,
          workstream: itemWorkstream,
          ownerOrg,
          dueOffsetDays,
          durationDays,
          dayOneCritical,
          signOffRole,
          dependsOn,
        });
      }
    });
  }

  // Keys unique; references known; no cycle.
  const seen = new Map<string, number>();
  if (Array.isArray(input.items)) {
    (input.items as unknown[]).forEach((raw, i) => {
      const k = isRecord(raw) && typeof raw.key === 'string' ? raw.key.trim() : null;
      if (!k) return;
      const first = seen.get(k);
      if (first !== undefined) err(`items[${i}].key`, `"${k}" is already the key of items[${first}]`);
      else seen.set(k, i);
    });
  }
  const keys = new Set(checked.map((c) => c.key));
  checked.forEach((it) => {
    it.dependsOn.forEach((d, j) => {
      const at = `items[${it.index}].dependsOn[${j}]`;
      const cross = splitTemplateRef(d);
      if (cross) {
        if (key && cross.templateKey === key && !keys.has(cross.itemKey))
          err(at, `"${d}" names no item of this template`);
        return;
      }
      if (d === it.key) err(at, `"${d}" is the item itself`);
      else if (!keys.has(d)) err(at, `"${d}" names no item of this template`);
    });
  });
  for (const cycle of findCycles(checked, key)) {
    err(`items[${seen.get(cycle[0]!)!}].dependsOn`, `dependency cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
  }

  if (errors.length > 0 || !key || version === null || !name || !kind || !workstream) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    template: {
      key,
      version,
      name,
      description,
      kind,
      workstream,
      serviceKind: kind === 'SERVICE' ? serviceKind : null,
      items,
    },
  };
}

/** The cycles among a template's own items (each once, as the keys around it). */
function findCycles(
  items: readonly Pick<TemplateItem, 'key' | 'dependsOn'>[],
  templateKey: string | null,
): string[][] {
  const local = (d: string): string | null => {
    const cross = splitTemplateRef(d);
    if (!cross) return d;
    return cross.templateKey === templateKey ? cross.itemKey : null;
  };
  const edges = new Map(
    items.map((it) => [it.key, it.dependsOn.map(local).filter((d): d is string => d !== null)]),
  );
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (k: string) => {
    state.set(k, 'visiting');
    stack.push(k);
    for (const d of edges.get(k) ?? []) {
      if (!edges.has(d)) continue;
      const s = state.get(d);
      if (s === 'visiting') cycles.push(stack.slice(stack.indexOf(d)));
      else if (s === undefined) visit(d);
    }
    stack.pop();
    state.set(k, 'done');
  };
  for (const it of items) if (!state.has(it.key)) visit(it.key);
  return cycles;
}

/** An item's due date: the transfer day plus its offset. */
export function templateDueDate(transferDay: IsoDate, item: Pick<TemplateItem, 'dueOffsetDays'>): IsoDate {
  return addCalendarDays(transferDay, item.dueOffsetDays);
}

/** The checklist reference of an applied item: `TEMPLATE-KEY/ITEM-KEY`, or with the service key between. */
export function templateItemRef(templateKey: string, itemKey: string, serviceKey: string | null): string {
  return [templateKey, serviceKey, itemKey]
    .filter((p) => p !== null)
    .join('/')
    .toUpperCase();
}
