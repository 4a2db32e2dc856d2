/**
 * Prints the GraphQL contracts: apps/api/schema.graphql (the full schema)
 * and apps/api/partner.graphql (the partner schema), the `generate` task.
 * With --check, exits 1 when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printPartnerSchemaFile, printSchemaFile } from '../print-schema.ts';

const files = [
  { name: 'schema.graphql', printed: printSchemaFile() },
  { name: 'partner.graphql', printed: printPartnerSchemaFile() },
];

let stale = false;
for (const { name, printed } of files) {
  const target = fileURLToPath(new URL(`../../${name}`, import.meta.url));
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== printed) {
      console.error(`apps/api/${name} is stale: run \`pnpm generate\` and commit it`);
      stale = true;
    } else {
      console.log(`apps/api/${name} is up to date`);
    }
  } else {
    writeFileSync(target, printed);
    console.log(`wrote apps/api/${name}`);
  }
}
if (stale) process.exit(1);
