/**
 * Optimistic concurrency, as the user sees it: the form carries the values it
 * was loaded with (as shown on screen) and the version; when the API answers
 * ConflictError, the page lists what changed meanwhile, keeps the user's input,
 * and carries the new version so that a second submit saves.
 */
export type Snapshot = Record<string, string>;

export interface Change {
  label: string;
  loaded: string;
  current: string;
}

export interface Conflict {
  version: number;
  /** The values as they are now: the form carries them as what it was loaded with. */
  snapshot: Snapshot;
  changes: Change[];
}

/** The hidden `loaded` field back as a snapshot; an empty one when it is missing or not ours. */
export function readSnapshot(form: FormData): Snapshot {
  const raw = form.get('loaded');
  if (typeof raw !== 'string' || raw.length > 50_000) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

export function conflict(version: number, loaded: Snapshot, current: Snapshot): Conflict {
  const changes = Object.keys(current)
    .filter((label) => loaded[label] !== current[label])
    .map((label) => ({ label, loaded: loaded[label] ?? 'Not known', current: current[label] ?? '' }));
  return { version, snapshot: current, changes };
}

// ---------------------------------------------------------------------------------------------
// Choosing, field by field, after a conflict (the checklist item, milestone and RAID item forms)
//
// The form carries, for each field it can change, the value it was loaded with as the API writes it
// (`was-<name>`), and sends only the fields whose value differs from it. When the API answers
// ConflictError, the page shows, for each field someone else changed, theirs and yours as a choice
// (`choose-<name>`: theirs unless the user had changed that field too), and carries theirs as the new
// `was-<name>` and the new version. The resubmit saves exactly what was chosen: "theirs" sends nothing
// for that field (it is already so), "yours" sends the user's value; fields only the user changed are
// sent as before. So saving again never silently reverts a colleague's change.

/** A field of such a form: its name (the API input field), its label, and how to show a value. */
export interface ChoiceField {
  name: string;
  label: string;
  show?: (value: string) => string;
}

/** One field someone else changed, with theirs and yours (values as the API writes them, and as shown). */
export interface FieldChoice {
  name: string;
  label: string;
  theirs: string;
  yours: string;
  theirsShown: string;
  yoursShown: string;
  /** What the form offers first: yours if the user changed this field too, else theirs. */
  chosen: 'theirs' | 'yours';
}

export interface FieldConflict extends Conflict {
  /** The fields someone else changed where yours differs: one choice each. */
  choices: FieldChoice[];
  /** The values as they are now (theirs), carried as the form's new `was-<name>`. */
  was: Record<string, string>;
}

/** The `was-<name>` fields of a posted form. */
export function readWas(form: FormData, fields: readonly ChoiceField[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = form.get(`was-${f.name}`);
      return [f.name, typeof v === 'string' ? v : ''];
    }),
  );
}

/**
 * The values to save, after the user's choices: a field chosen "theirs" takes the value it now has (sent
 * as no change), "yours" the user's value as it was when the conflict was shown. Other fields: as posted.
 */
export function applyChoices(
  form: FormData,
  fields: readonly ChoiceField[],
  posted: Record<string, string>,
): Record<string, string> {
  const out = { ...posted };
  for (const f of fields) {
    const choice = form.get(`choose-${f.name}`);
    const was = form.get(`was-${f.name}`);
    const yours = form.get(`yours-${f.name}`);
    if (choice === 'theirs' && typeof was === 'string') out[f.name] = was;
    else if (choice === 'yours' && typeof yours === 'string') out[f.name] = yours;
  }
  return out;
}

/** The names of the fields whose value differs from what the form was loaded with. */
export function changedFields(
  fields: readonly ChoiceField[],
  was: Record<string, string>,
  values: Record<string, string>,
): string[] {
  return fields.filter((f) => (values[f.name] ?? '') !== (was[f.name] ?? '')).map((f) => f.name);
}

/** After a ConflictError: what someone else changed, and for each such field theirs and yours. */
export function fieldConflict(
  version: number,
  fields: readonly ChoiceField[],
  loaded: Record<string, string>,
  theirs: Record<string, string>,
  yours: Record<string, string>,
): FieldConflict {
  const show = (f: ChoiceField, v: string) => (f.show ? f.show(v) : v) || 'None';
  const changedByThem = fields.filter((f) => (theirs[f.name] ?? '') !== (loaded[f.name] ?? ''));
  return {
    version,
    snapshot: {},
    changes: changedByThem.map((f) => ({
      label: f.label,
      loaded: show(f, loaded[f.name] ?? ''),
      current: show(f, theirs[f.name] ?? ''),
    })),
    choices: changedByThem
      .filter((f) => (yours[f.name] ?? '') !== (theirs[f.name] ?? ''))
      .map((f) => ({
        name: f.name,
        label: f.label,
        theirs: theirs[f.name] ?? '',
        yours: yours[f.name] ?? '',
        theirsShown: show(f, theirs[f.name] ?? ''),
        yoursShown: show(f, yours[f.name] ?? ''),
        chosen: (yours[f.name] ?? '') !== (loaded[f.name] ?? '') ? 'yours' : 'theirs',
      })),
    was: Object.fromEntries(fields.map((f) => [f.name, theirs[f.name] ?? ''])),
  };
}

/** The conflict banner's words on a form that offers the choice. */
export const CHOOSE_DETAIL =
  'Your changes have not been saved. Below the form, choose for each field they changed whether to keep theirs or use yours, then save again.';
