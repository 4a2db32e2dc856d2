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
