/**
 * Prints the GraphQL contract to apps/api/schema.graphql (the `generate`
 * task). With --check, exits 1 when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../print-schema.ts';

const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const printed = printSchemaFile();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== printed) {
    console.error('apps/api/schema.graphql is stale: run `pnpm generate` and commit it');
    process.exit(1);
  }
  console.log('apps/api/schema.graphql is up to date');
} else {
  writeFileSync(target, printed);
  console.log('wrote apps/api/schema.graphql');
}
