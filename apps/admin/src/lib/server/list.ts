/**
 * Server-side lists: page numbers and filters live in the query string, so
 * every view can be bookmarked, works without JavaScript, and exports as CSV
 * with the same filters.
 */
export const PAGE_SIZE = 25;

export interface PageRequest {
  page: number;
  /** The GraphQL `first` and `after` arguments for that page (offset cursors). */
  first: number;
  after: string | null;
}

/** Relay offset cursors as Pothos encodes them: base64 of "OffsetConnection:<offset>". */
function offsetCursor(offset: number): string {
  return Buffer.from(`OffsetConnection:${offset}`).toString('base64');
}

export function pageRequest(url: URL, size = PAGE_SIZE): PageRequest {
  const n = Number(url.searchParams.get('page') ?? '1');
  const page = Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
  return { page, first: size, after: page > 1 ? offsetCursor((page - 1) * size - 1) : null };
}

/** Values of a repeated query parameter (?status=A&status=B), limited to the allowed ones. */
export function many<T extends string>(url: URL, name: string, allowed: readonly T[]): T[] {
  return url.searchParams.getAll(name).filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** "yes" / "no" as true / false; anything else as undefined (no filter). */
export function yesNo(url: URL, name: string): boolean | undefined {
  const v = url.searchParams.get(name);
  return v === 'yes' ? true : v === 'no' ? false : undefined;
}

export function text(url: URL, name: string, max = 200): string | undefined {
  const v = url.searchParams.get(name)?.trim();
  return v ? v.slice(0, max) : undefined;
}

/** Page links for a result of `total` rows, keeping the other query parameters. */
export function pagination(url: URL, page: number, total: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const href = (p: number) => {
    const u = new URL(url);
    if (p === 1) u.searchParams.delete('page');
    else u.searchParams.set('page', String(p));
    return `${u.pathname}${u.search}`;
  };
  return {
    page,
    pages,
    total,
    from: total === 0 ? 0 : (page - 1) * size + 1,
    to: Math.min(page * size, total),
    previous: page > 1 ? href(page - 1) : null,
    next: page < pages ? href(page + 1) : null,
    links: Array.from({ length: pages }, (_, i) => i + 1)
      .filter((p) => p === 1 || p === pages || Math.abs(p - page) <= 2)
      .map((p) => ({ page: p, href: href(p), current: p === page })),
  };
}

export type Pagination = ReturnType<typeof pagination>;

/** The same view as CSV: /checklists?x=y -> /checklists/export.csv?x=y (no page). */
export function exportHref(url: URL, path: string): string {
  const u = new URL(url);
  u.searchParams.delete('page');
  return `${path}${u.search}`;
}

/** A submitted form field as trimmed text ('' when absent or a file). */
export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
}

/** One page of a Relay connection. */
export interface PageOf<T> {
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { node: T }[];
}

/** Every row of a connection, page after page, for an export of all that a filtered list shows. */
export async function allPages<T>(fetchPage: (after: string | null) => Promise<PageOf<T>>): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: PageOf<T> = await fetchPage(after);
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
    after = page.pageInfo.endCursor;
  }
}
