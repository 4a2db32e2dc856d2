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

  return {
    onValidate({ context, params }) {
      return ({ result }) => {
        if (result.length === 0) return;
        // Validation runs before the context is built: who is asking comes from the request.
        const { request } = context as { request?: Request };
        if (!request) return;
        const document = params.documentAST as DocumentNode;
        void refusedPartnerQuery(request, document, result.length).catch(logError);
      };
    },
    onExecute({ args }) {
      const { contextValue, document, operationName } = args as ExecutionArgs;
      const ctx = contextValue as Partial<Context>;
      if (!ctx.audit) return;
      ctx.audit.operationName = getOperationAST(document, operationName)?.name?.value ?? null;
      if (ctx.viewer?.kind === 'partner') ctx.audit.add({ kind: 'PARTNER_QUERY' });
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
