/**
 * Appends the events a request collected (reads of personal fields,
 * refusals) once its result is ready, in one statement. If they cannot be
 * written, the caller gets an error instead of the result: personal data is
 * never served unaudited.
 */
import { GraphQLError, getOperationAST, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../context.ts';
import { flushAudit } from './audit.service.ts';

export function useAuditFlush(logError: (error: unknown) => void): Plugin<Record<string, never>> {
  return {
    onExecute({ args }) {
      const { contextValue, document, operationName } = args as ExecutionArgs;
      const ctx = contextValue as Partial<Context>;
      if (ctx.audit) ctx.audit.operationName = getOperationAST(document, operationName)?.name?.value ?? null;
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
