/** The gate's own refusal: a caller who may sign in general, but not this sign-off. */
import { GraphQLError } from 'graphql';

export class SignOffRefusedError extends GraphQLError {
  override name = 'SignOffRefusedError';
  /** Names the rule for the audit trail (no values). */
  readonly reason: string;
  constructor(message: string, reason: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
    this.reason = reason;
  }
}
