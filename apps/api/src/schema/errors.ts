/**
 * Expected failures, answered as data (the errors plugin turns these classes
 * into GraphQL types). Anything else thrown is unexpected and masked.
 * ValidationError and NotFoundError are GraphQLErrors too, so that where a
 * field has no error union (a bad ID given to a query) they still reach the
 * caller with their message and a code, rather than being masked.
 */
import { GraphQLError } from 'graphql';

/** Input that breaks a rule: names the field (a dotted path in the input) and what is wrong. */
export class ValidationError extends GraphQLError {
  override name = 'ValidationError';
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
    this.field = field;
  }
}

export class NotFoundError extends GraphQLError {
  override name = 'NotFoundError';
  readonly entity: string;
  readonly id: string;
  constructor(entity: string, id: string) {
    super(`${entity} ${id} was not found`, { extensions: { code: 'NOT_FOUND' } });
    this.entity = entity;
    this.id = id;
  }
}

/**
 * The caller's role may write, but not this row: an EDITOR changes only the
 * items of the workstreams they lead. `reason` names the rule for the audit
 * trail (no values); `workstreamName` is the workstream concerned, if any.
 */
export class ForbiddenError extends GraphQLError {
  override name = 'ForbiddenError';
  readonly reason: string;
  readonly workstreamName: string | null;
  constructor(message: string, reason: string, workstreamName: string | null) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
    this.reason = reason;
    this.workstreamName = workstreamName;
  }
}

/** The row moved on since the caller read it: nothing was changed. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  readonly entity: string;
  readonly expectedVersion: number;
  readonly currentVersion: number;
  /** The row as it is now (branded with its GraphQL type), so the caller can show what changed. */
  readonly current: object;
  constructor(entity: string, expectedVersion: number, currentVersion: number, current: object) {
    super(
      `${entity} was changed by someone else (you had version ${expectedVersion}, it is now ${currentVersion}); nothing was saved`,
    );
    this.entity = entity;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
    this.current = current;
  }
}

export class InvalidCredentialsError extends Error {
  override name = 'InvalidCredentialsError';
  constructor() {
    super('The email address or password is not right');
  }
}
