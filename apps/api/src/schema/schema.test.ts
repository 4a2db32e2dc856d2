import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printAccessMatrix } from '../access/print.ts';
import { printSchemaFile } from '../print-schema.ts';

describe('the GraphQL contract', () => {
  it('is printed and committed: apps/api/schema.graphql matches the code (run `pnpm generate`)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSchemaFile());
  });

  it('is printed for people: docs/access-matrix.md matches the access matrix (run `pnpm generate`)', () => {
    const committed = readFileSync(new URL('../../../../docs/access-matrix.md', import.meta.url), 'utf8');
    expect(committed).toBe(printAccessMatrix());
  });
});
