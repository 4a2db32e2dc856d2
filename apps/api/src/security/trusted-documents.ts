/**
 * Trusted documents (persisted operations) for partners. The published list
 * is the files `apps/api/partner-queries/*.graphql`, one operation each,
 * loaded at start and checked against the schema. A document is addressed by
 * the SHA-256 of its text (APQ form `extensions.persistedQuery.sha256Hash`,
 * or `documentId` as in the GraphQL-over-HTTP trusted documents proposal), or
 * by its operation name; `manifest.json` beside the files lists name -> hash.
 *
 * In production a partner may run only these; staff, and everyone in
 * development, may still send ad-hoc queries. Yoga decides this before the
 * context (and so the viewer) exists, so the caller is judged by a predicate
 * over the request, `isPartnerRequest`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

export type IsPartnerRequest = (request: Request) => boolean | Promise<boolean>;

/** The default until partner tokens exist: nobody is a partner. */
export const neverAPartner: IsPartnerRequest = () => false;

export interface TrustedDocument {
  operationName: string;
  sha256: string;
  text: string;
}

export const PARTNER_QUERIES_DIR = fileURLToPath(new URL('../../partner-queries/', import.meta.url));

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Reads and checks every `*.graphql` file in `dir`: one named operation each, valid against `schema`. */
export function loadTrustedDocuments(schema: GraphQLSchema, dir = PARTNER_QUERIES_DIR): TrustedDocument[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const documents = files.map((file) => {
    const text = readFileSync(`${dir}/${file}`, 'utf8').trim();
    const operations = parse(text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const name = operations[0]?.name?.value;
    if (operations.length !== 1 || !name) {
      throw new Error(`trusted document ${file}: must hold exactly one named operation`);
    }
    if (`${name}.graphql` !== file)
      throw new Error(`trusted document ${file}: its operation is named ${name}`);
    const errors = validate(schema, parse(text));
    if (errors.length) {
      throw new Error(
        `trusted document ${file} does not validate: ${errors.map((e) => e.message).join('; ')}`,
      );
    }
    return { operationName: name, sha256: sha256(text), text };
  });
  return documents;
}

/** The published manifest: operation name -> sha256, sorted by name. */
export function printManifest(documents: readonly TrustedDocument[]): string {
  const entries = [...documents]
    .sort((a, b) => a.operationName.localeCompare(b.operationName))
    .map((d) => [d.operationName, d.sha256] as const);
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

/** The id a request names a trusted document by, when it sends no query text. */
function documentIdOf(params: GraphQLParams & { documentId?: unknown }): string | null {
  const apq = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  if (typeof apq === 'string') return apq;
  if (typeof params.documentId === 'string') return params.documentId;
  return params.operationName ?? null;
}

const TRUSTED_ONLY =
  'Partners may run only the published trusted documents (see partner-queries/manifest.json): send a document id, not a query';

export function useTrustedDocuments(options: {
  documents: readonly TrustedDocument[];
  /** In production the list is enforced for partners; elsewhere everyone may send queries. */
  enforce: boolean;
  isPartnerRequest: IsPartnerRequest;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
}): Plugin<any> {
  const byId = new Map<string, string>();
  for (const d of options.documents) {
    byId.set(d.sha256, d.text);
    byId.set(`sha256:${d.sha256}`, d.text);
    byId.set(d.operationName, d.text);
  }
  return usePersistedOperations({
    getPersistedOperation: (id) => byId.get(id) ?? null,
    allowArbitraryOperations: async (request) =>
      !(options.enforce && (await options.isPartnerRequest(request))),
    extractPersistedOperationId: documentIdOf,
    customErrors: {
      persistedQueryOnly: {
        message: TRUSTED_ONLY,
        extensions: { code: 'TRUSTED_DOCUMENTS_ONLY', http: { status: 403 } },
      },
      notFound: {
        message: 'No trusted document has that id (see partner-queries/manifest.json)',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
      },
      keyNotFound: {
        message:
          'Send a query, or the id of a trusted document (documentId, or extensions.persistedQuery.sha256Hash)',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  });
}
