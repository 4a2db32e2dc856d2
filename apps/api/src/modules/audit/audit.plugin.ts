/**
 * Appends the events a request collected (reads of personal fields,
 * refusals) once its result is ready, in one statement. If they cannot be
 * written, the caller gets an error instead of the result: personal data is
 * never served unaudited. Every partner query is an event too: the ones that
 * run, and the ones refused by validation (asking for a field the partner
 * schema does not have), which never reach execution.
 */
import type { Database } from '@handover/db';
import { GraphQLError, getOperationAST, type DocumentNode, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { Context, Viewer } from '../../context.ts';
import { flushAudit, recordAudit } from './audit.service.ts';

export interface AuditFlushOptions {
  db: Kysely<Database>;
  /** The request's viewer (authenticated once per request). */
  viewerOf: (request: Request) => Promise<Viewer | null>;
  requestIdOf: (request: Request) => string;
  logError: (error: unknown) => void;
}

export function useAuditFlush({
  db,
  viewerOf,
  requestIdOf,
  logError,
}: AuditFlushOptions): Plugin<Record<string, never>> {
  /** A partner's query refused by validation (e.g. a field the partner schema lacks): execution never runs. */
  async function refusedPartnerQuery(
    request: Request,
    document: DocumentNode,
    errors: number,
  ): Promise<void> {
    const viewer = await viewerOf(request);
    if (viewer?.kind !== 'partner') return;
    await recordAudit(
      { db, viewer, requestId: requestIdOf(request) },
      {
        kind: 'PARTNER_QUERY',
        operation: getOperationAST(document, undefined)?.name?.value ?? null,
        // The messages can quote what was sent, so only their number is kept.
        reason: `INVALID: ${errors} validation error(s)`,
      },
    );
  }

  /** Requests whose partner query is already on the record (run, or refused by validation). */
  const partnerRecorded = new WeakSet<Request>();

  /** The trusted document a request named, if it named one (by id or by its sha256). */
  const documentIdOf = (params: unknown): string | null => {
    const p = params as { documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
    const id = p?.documentId ?? p?.extensions?.persistedQuery?.sha256Hash;
    return typeof id === 'string' ? id.slice(0, 200) : null;
  };

  /** The trusted document each request named, noted before the persisted-operations plugin reads it. */
  const documentIds = new WeakMap<Request, string>();

  return {
    onParams({ params, request }) {
      const id = documentIdOf(params);
      if (id) documentIds.set(request, id);
    },
    /**
     * A partner's request refused before GraphQL ran at all (an ad-hoc query where only the trusted
     * documents may run, a body that is not GraphQL): on the record too. Rate-limited requests (429)
     * are not, so that a flood cannot fill the audit table.
     */
    async onResponse({ request, response }) {
      if (partnerRecorded.has(request) || response.status < 400 || response.status === 429) return;
      if (!new URL(request.url).pathname.startsWith('/graphql')) return;
      try {
        const viewer = await viewerOf(request);
        if (viewer?.kind !== 'partner') return;
        await recordAudit(
          { db, viewer, requestId: requestIdOf(request) },
          {
            kind: 'PARTNER_QUERY',
            documentId: documentIds.get(request) ?? null,
            reason: `REFUSED: HTTP ${response.status}`,
          },
        );
      } catch (error) {
        logError(error);
      }
    },
    onValidate({ context, params }) {
      return ({ result }) => {
        if (result.length === 0) return;
        // Validation runs before the context is built: who is asking comes from the request.
        const { request } = context as { request?: Request };
        if (!request) return;
        const document = params.documentAST as DocumentNode;
        partnerRecorded.add(request);
        void refusedPartnerQuery(request, document, result.length).catch(logError);
      };
    },
    onExecute({ args }) {
      const { contextValue, document, operationName } = args as ExecutionArgs;
      const ctx = contextValue as Partial<Context>;
      if (!ctx.audit) return;
      ctx.audit.operationName = getOperationAST(document, operationName)?.name?.value ?? null;
      if (ctx.viewer?.kind === 'partner') {
        const { request } = contextValue as { request?: Request };
        if (request) partnerRecorded.add(request);
        ctx.audit.add({ kind: 'PARTNER_QUERY', documentId: (request && documentIds.get(request)) ?? null });
      }
    },
    async onExecutionResult(payload) {
      const { context } = payload;
      const ctx = context as unknown as Partial<Context>;
      if (!ctx.audit || ctx.audit.size === 0 || !ctx.db) return;
      try {
        await flushAudit(ctx as Context);
      } catch (error) {
        logError(error);
        payload.setResult({
          data: null,
          errors: [
            new GraphQLError('Unexpected error.', {
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            }),
          ],
        });
      }
    },
  };
}
