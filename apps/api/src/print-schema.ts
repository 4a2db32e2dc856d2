import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema/index.ts';

/** The schema as committed: sorted, with a header saying where it comes from. */
export function printSchemaFile(): string {
  return (
    '# The Handover GraphQL contract. Generated from apps/api/src by `pnpm generate`; do not edit by hand.\n\n' +
    printSchema(lexicographicSortSchema(schema)) +
    '\n'
  );
}
