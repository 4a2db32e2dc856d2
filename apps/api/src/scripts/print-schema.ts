/**
 * Prints the GraphQL contract to apps/api/schema.graphql and the partners'
 * trusted-document manifest to apps/api/partner-queries/manifest.json (the
 * `generate` task). With --check, exits 1 when either committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../print-schema.ts';
import { schema } from '../schema/index.ts';
import { loadTrustedDocuments, printManifest } from '../security/trusted-documents.ts';

const outputs = [
  {
    file: 'apps/api/schema.graphql',
    target: fileURLToPath(new URL('../../schema.graphql', import.meta.url)),
    printed: printSchemaFile(),
  },
  {
    file: 'apps/api/partner-queries/manifest.json',
    target: fileURLToPath(new URL('../../partner-queries/manifest.json', import.meta.url)),
    printed: printManifest(loadTrustedDocuments(schema)),
  },
];

if (process.argv.includes('--check')) {
  let stale = false;
  for (const { file, target, printed } of outputs) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== printed) {
      console.error(`${file} is stale: run \`pnpm generate\` and commit it`);
      stale = true;
    } else {
      console.log(`${file} is up to date`);
    }
  }
  if (stale) process.exit(1);
} else {
  for (const { file, target, printed } of outputs) {
    writeFileSync(target, printed);
    console.log(`wrote ${file}`);
  }
}
