/**
 * Repositories name the columns they read from a table with personal data (ARCHITECTURE.md): no
 * `selectAll()` on any of `PERSONAL_TABLES`, in the API's code or the database package's.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_TABLES } from '@handover/db';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Each query of a file that reads a personal table with selectAll: from `selectFrom(` to the end of its statement. */
export function selectAllOnPersonalTables(text: string, tables: readonly string[]): string[] {
  const found: string[] = [];
  for (const part of text.split(/(?=\.selectFrom\()/).slice(1)) {
    const statement = part.split(/;\s*$/m)[0]!;
    const table = /^\.selectFrom\(\s*'(\w+)'/.exec(statement)?.[1];
    const joined = [...statement.matchAll(/\.(?:inner|left|right|full)Join\(\s*'(\w+)'/g)].map((m) => m[1]!);
    const personal = [table, ...joined].filter((t): t is string => t !== undefined && tables.includes(t));
    if (personal.length === 0) continue;
    const all = /\.selectAll\(\s*(?:'(\w+)')?\s*\)/.exec(statement);
    if (all && (all[1] === undefined || personal.includes(all[1]))) found.push(personal.join('+'));
  }
  return found;
}

describe('repositories on tables with personal data', () => {
  it('never selectAll() on one: they name their columns', () => {
    const roots = [
      new URL('..', import.meta.url).pathname,
      new URL('../../../../packages/db/src', import.meta.url).pathname,
    ];
    const files = roots.flatMap(sources);
    expect(files.filter((f) => f.endsWith('.repository.ts')).length).toBeGreaterThan(15);
    expect(files.some((f) => f.includes('packages/db/src/seed'))).toBe(true);
    const problems = [null].flatMap(() =>
      files.flatMap((file) =>
        selectAllOnPersonalTables(readFileSync(file, 'utf8'), PERSONAL_TABLES).map((t) => `${file}: ${t}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('finds selectAll() on a personal table, joined or not, and lets other tables be', () => {
    const tables = ['employee'];
    expect(selectAllOnPersonalTables("db.selectFrom('employee').selectAll().execute();", tables)).toEqual([
      'employee',
    ]);
    expect(
      selectAllOnPersonalTables(
        "db.selectFrom('post').innerJoin('employee', 'a', 'b').selectAll('employee').execute();",
        tables,
      ),
    ).toEqual(['employee']);
    expect(selectAllOnPersonalTables("db.selectFrom('post').selectAll().execute();", tables)).toEqual([]);
    expect(
      selectAllOnPersonalTables("db.selectFrom('employee').select(EMPLOYEE_COLUMNS).execute();", tables),
    ).toEqual([]);
  });
});
