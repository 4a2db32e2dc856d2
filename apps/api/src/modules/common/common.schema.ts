/** Types every module shares: the Error interface and the expected errors. */
import { createContextCache } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import type { Context } from '../../context.ts';
import { isUuid } from './ids.ts';
import { builder, type BuilderTypes } from '../../schema/builder.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  ValidationError,
} from '../../schema/errors.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, answered as data. Nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'Input that breaks a rule. `field` is the path of the offending input field.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field'),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
    id: t.exposeID('id'),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description:
    'The row changed since you read it (optimistic concurrency). Nothing was saved; `current` is the row as it is now.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
    expectedVersion: t.exposeInt('expectedVersion'),
    currentVersion: t.exposeInt('currentVersion'),
    current: t.field({
      type: builder.nodeInterfaceRef(),
      resolve: (e) => e.current,
    }),
  }),
});

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description:
    'Your role may change the plan, but not this item: an EDITOR changes only the items of the workstreams they lead. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    workstreamName: t.exposeString('workstreamName', { nullable: true }),
  }),
});

/** The errors every update can answer with. */
export const UPDATE_ERRORS = [ValidationError, NotFoundError, ConflictError];

/** The errors a change to a workstream's item can answer with: an update's, and the object-level refusal. */
export const EDIT_ERRORS = [...UPDATE_ERRORS, ForbiddenError];

/**
 * Reads a global ID given for `field`, checking that it names a `typename`;
 * a malformed or foreign ID is a ValidationError naming the field.
 */
export function decodeId(value: string, typename: string | readonly string[], field: string): string {
  const allowed = typeof typename === 'string' ? [typename] : typename;
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(value);
  } catch {
    throw new ValidationError(field, `"${value}" is not a valid ID`);
  }
  if (!allowed.includes(decoded.typename) || decoded.id === '' || !isUuid(decoded.id)) {
    throw new ValidationError(field, `"${value}" is not the ID of a ${allowed.join(' or ')}`);
  }
  return decoded.id;
}

/** Lists offset pages: cursors are opaque offsets, as Relay expects. */
/**
 * The optional argument every create takes (written once, used by each): the same key from the same
 * user answers the row the first create made (audit.service.ts auditedWrite), so a retry after a lost
 * answer, or a form submitted twice, makes one row.
 */
export const IDEMPOTENCY_KEY_ARG = {
  required: false,
  description:
    'Any text of up to 200 characters, new for each thing to create (e.g. a UUID per form shown): the same key ' +
    'from the same user answers the row the first create with it made, and makes no other.',
} as const;

export const MAX_PAGE_SIZE = 200;

/** A connection result that can also count every row its filter matches, when asked. */
export interface Counted {
  totalCount: () => Promise<number>;
}

/** Connection options adding `totalCount`; the resolver returns `{ ...connection, totalCount }`. */
export const withTotalCount = {
  fields: <Shape extends object>(c: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) => ({
    totalCount: c.int({
      description: 'How many rows match the filter, over all pages.',
      resolve: (conn) => (conn as unknown as Counted).totalCount(),
    }),
  }),
};

/**
 * A request-scoped DataLoader that fetches the rows of many parents in one
 * query and hands each parent its group, for fields that share one fetch.
 */
export function groupLoader<Row>(
  load: (ctx: Context, keys: readonly string[]) => Promise<Row[]>,
  groupOf: (row: Row) => string,
): (ctx: Context) => DataLoader<string, Row[]> {
  return createContextCache(
    (ctx: Context) =>
      new DataLoader<string, Row[]>(async (keys) => {
        const groups = new Map<string, Row[]>(keys.map((k) => [k, []]));
        for (const row of await load(ctx, keys)) groups.get(groupOf(row))?.push(row);
        return keys.map((k) => groups.get(k)!);
      }),
  );
}
