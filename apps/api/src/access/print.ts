/**
 * The access matrix for people: `docs/access-matrix.md`, printed by
 * `pnpm generate` and checked for staleness by a test.
 */
import { MATRIX_ROWS, RULES, SUBJECTS, operationOf, type Rule } from './matrix.ts';

/** A Markdown table, its columns padded as Prettier lays them out (so `pnpm format` leaves it be). */
function table(head: readonly string[], body: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(3, h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

/** The rows of the matrix by type: Query, then Mutation, then the other types by name. */
export function rowsByType(): Map<string, { field: string; rule: Rule }[]> {
  const byType = new Map<string, { field: string; rule: Rule }[]>();
  const rank = (t: string) => (t === 'Query' ? 0 : t === 'Mutation' ? 1 : 2);
  const keys = Object.keys(MATRIX_ROWS).sort((a, b) => {
    const [ta, fa] = a.split('.') as [string, string];
    const [tb, fb] = b.split('.') as [string, string];
    return rank(ta) - rank(tb) || ta.localeCompare(tb) || fa.localeCompare(fb);
  });
  for (const key of keys) {
    const [type, field] = key.split('.') as [string, string];
    const list = byType.get(type) ?? [];
    list.push({ field, rule: MATRIX_ROWS[key]! });
    byType.set(type, list);
  }
  return byType;
}

export function printAccessMatrix(): string {
  const out: string[] = [
    '# Handover access matrix',
    '',
    'Generated from `apps/api/src/access/matrix.ts` by `pnpm generate`; do not edit by hand.',
    '',
    'Who may read or write each field of the GraphQL API. A cell is **allow** (answers), **deny** (asking',
    'answers FORBIDDEN, or UNAUTHENTICATED when nobody is signed in, and no value) or **absent** (the field',
    "is not in that caller's schema at all: partners' API tokens are served the partner schema, which has no",
    'personal type and no mutation). Mutation fields are writes; all other fields are reads. The tests in',
    '`apps/api/src/access/matrix.test.ts` are generated from this table: every cell is asked for as that',
    'caller, and a field without a row fails them.',
    '',
    'The connection and edge types of lists (`...Connection`, `...ConnectionEdge`) and `PageInfo` have no',
    'rows of their own: they follow the field that returns them. Which rows of a list a caller sees (for',
    'instance, a partner only the data sharing agreements its organisation is party to) is decided by the',
    'service, not by this table.',
    '',
    '## Rules',
    '',
    ...table(
      ['Rule', 'Meaning', ...SUBJECTS],
      RULES.map((r) => [r.name, r.summary, ...SUBJECTS.map((s) => r.cells[s])]),
    ),
  ];
  for (const [type, fields] of rowsByType()) {
    out.push('', `## ${type}`, '');
    out.push(
      ...table(
        ['Field', 'Operation', 'Rule', ...SUBJECTS],
        fields.map(({ field, rule }) => [
          `\`${field}\``,
          operationOf(`${type}.${field}`),
          rule.name,
          ...SUBJECTS.map((s) => rule.cells[s]),
        ]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
