/**
 * Limits on what one GraphQL request may ask for (OWASP GraphQL cheat sheet,
 * ASVS 4.3.1): depth, aliases, tokens and cost, by GraphQL Armor's plugins.
 * Where introspection is off (production) it is removed for everyone and the
 * "Did you mean ...?" suggestions are hidden, so the schema cannot be guessed
 * field by field. Each refusal names the limit and the value found.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface QueryLimits {
  /** Deepest selection, counting each field (a Relay list costs three levels: list, edges, node). */
  maxDepth: number;
  /** Aliased fields in one document (`__typename` does not count). */
  maxAliases: number;
  /** Lexical tokens in one document. */
  maxTokens: number;
  /** GraphQL Armor's cost: 2 an object, 1 a scalar, times 1.5 per level of depth. */
  maxCost: number;
}

/**
 * Defaults sized on the largest queries we send or publish, with room to spare: the admin app's
 * dashboard (depth 8, 264 tokens, cost 38,040) and the published partner queries (the largest,
 * ServicesDeliveredBy, costs 174,211: cost grows by half with every level). Each published partner
 * query runs through these limits in partner.test.ts.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 1000,
  maxCost: 300_000,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPlugin = Plugin<any>;

export function queryLimitPlugins(limits: QueryLimits, options: { introspection: boolean }): AnyPlugin[] {
  const plugins: AnyPlugin[] = [
    // GraphiQL's introspection query is exempt from depth and cost (Armor's ignoreIntrospection), not from tokens.
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: limits.maxAliases }),
    maxTokensPlugin({ n: limits.maxTokens }),
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true }),
  ];
  if (!options.introspection) {
    plugins.push(useDisableIntrospection(), blockFieldSuggestionsPlugin(), useNoSuggestions());
  }
  return plugins;
}

export interface RequestSizeLimits {
  /** The largest request body, in bytes (the HR import's 15 MB file travels base64 inside it). */
  maxBodyBytes: number;
  /** The longest GraphQL document (the query text), in characters, checked before it is parsed. */
  maxDocumentLength: number;
}

export const DEFAULT_REQUEST_SIZE_LIMITS: RequestSizeLimits = {
  maxBodyBytes: 24 * 1024 * 1024,
  maxDocumentLength: 50_000,
};

const refusal = (status: number, code: string, message: string, limit: number): Response =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code, limit } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/**
 * Refuses, before anything is parsed, a body larger than `maxBodyBytes` (413; by its
 * Content-Length, or counted as it arrives when it has none) and a document (the query text, or
 * a GET's query string) longer than `maxDocumentLength` (413 for a body's, 400 for a GET's).
 */
export function useRequestSizeLimits(limits: RequestSizeLimits, endpoint: string): AnyPlugin {
  const tooLarge = () =>
    refusal(
      413,
      'REQUEST_TOO_LARGE',
      `The request is too large: at most ${limits.maxBodyBytes} bytes`,
      limits.maxBodyBytes,
    );
  const documentTooLong = (length: number, status: number) =>
    refusal(
      status,
      'DOCUMENT_TOO_LONG',
      `The GraphQL document is too long (${length} characters; at most ${limits.maxDocumentLength})`,
      limits.maxDocumentLength,
    );
  return {
    async onRequest(payload) {
      const { request, url, fetchAPI } = payload;
      const endResponse = (response: Response) => payload.endResponse(response);
      const setRequest = (next: Request) => payload.setRequest(next);
      if (url.pathname !== endpoint) return;
      if (request.method === 'GET') {
        // The query string carries the document and the variables; half as much again leaves room for them.
        const length = url.search.length;
        if (length > limits.maxDocumentLength * 1.5) endResponse(documentTooLong(length, 400));
        return;
      }
      if (request.method !== 'POST' || !request.body) return;
      const declared = Number(request.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared)) {
        if (declared > limits.maxBodyBytes) endResponse(tooLarge());
        return;
      }
      // No Content-Length (a chunked body): read it, counting, and give Yoga what was read.
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limits.maxBodyBytes) {
          await reader.cancel();
          endResponse(tooLarge());
          return;
        }
        chunks.push(value);
      }
      setRequest(
        new fetchAPI.Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: Buffer.concat(chunks),
          signal: request.signal,
        }),
      );
    },
    onParams({ params, setResult }) {
      const length = typeof params.query === 'string' ? params.query.length : 0;
      if (length > limits.maxDocumentLength) {
        setResult({
          errors: [
            new GraphQLError(
              `The GraphQL document is too long (${length} characters; at most ${limits.maxDocumentLength})`,
              {
                extensions: {
                  code: 'DOCUMENT_TOO_LONG',
                  limit: limits.maxDocumentLength,
                  http: { status: 413 },
                },
              },
            ),
          ],
        });
      }
    },
  };
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * No "Did you mean ...?" in any error: GraphQL Armor's plugin hides the suggested fields only;
 * enum values (in a literal or in a variable's coercion) and argument or type names are
 * suggested by graphql-js itself, and would let the schema be guessed value by value.
 */
export function useNoSuggestions(): AnyPlugin {
  return {
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const r of results) {
        const errors = (r as { errors?: readonly Error[] } | null)?.errors;
        if (!Array.isArray(errors)) continue;
        for (const e of errors as Error[]) {
          const stripped = typeof e.message === 'string' ? e.message.replace(SUGGESTION, '') : e.message;
          if (stripped !== e.message) e.message = stripped;
        }
      }
    },
  };
}
