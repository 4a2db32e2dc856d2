/**
 * Prints the GraphQL contracts, apps/api/schema.graphql (the full schema) and
 * apps/api/partner.graphql (the partner schema), and the partners'
 * trusted-document manifest, apps/api/partner-queries/manifest.json, and the
 * access matrix for people, docs/access-matrix.md (the `generate` task). With
 * --check, exits 1 when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printAccessMatrix } from '../access/print.ts';
import { printPartnerSchemaFile, printSchemaFile } from '../print-schema.ts';
import { partnerSchema } from '../schema/index.ts';
import { loadTrustedDocuments, printManifest } from '../security/trusted-documents.ts';

const outputs = [
  { file: 'schema.graphql', printed: printSchemaFile() },
  { file: 'partner.graphql', printed: printPartnerSchemaFile() },
  { file: 'partner-queries/manifest.json', printed: printManifest(loadTrustedDocuments(partnerSchema)) },
  { file: '../../docs/access-matrix.md', printed: printAccessMatrix() },
];

let stale = false;
for (const { file, printed } of outputs) {
  const target = fileURLToPath(new URL(`../../${file}`, import.meta.url));
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== printed) {
      console.error(`apps/api/${file} is stale: run \`pnpm generate\` and commit it`);
      stale = true;
    } else {
      console.log(`apps/api/${file} is up to date`);
    }
  } else {
    writeFileSync(target, printed);
    console.log(`wrote apps/api/${file}`);
  }
}
if (stale) process.exit(1);
