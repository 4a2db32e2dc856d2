import { lexicographicSortSchema, printSchema } from 'graphql';
import { partnerSchema, schema } from './schema/index.ts';

/** The schema as committed: sorted, with a header saying where it comes from. */
export function printSchemaFile(): string {
  return (
    '# The Handover GraphQL contract. Generated from apps/api/src by `pnpm generate`; do not edit by hand.\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}

/** The partner schema as committed (apps/api/partner.graphql): what an API token can ask for. */
export function printPartnerSchemaFile(): string {
  return (
    "# The Handover partner API contract: the schema served to partner agencies' API tokens. It holds no\n" +
    '# personal data by design. Generated from apps/api/src by `pnpm generate`; do not edit by hand.\n\n' +
    printSchema(lexicographicSortSchema(partnerSchema)) +
    '\n'
  );
}
