/**
 * Users, for ADMINs: the users table, creating users (an initial password
 * shown once), roles and led workstreams, deactivation and password resets.
 * Every write is audited (field names only, never a password or its hash).
 */
import type { AppUser } from '@handover/db';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import { createContextCache } from '@pothos/core';
import type { Context } from '../../context.ts';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { RoleEnum, UserRef } from '../auth/auth.schema.ts';
import { WorkstreamRef } from '../checklist/checklist.schema.ts';
import {
  IDEMPOTENCY_KEY_ARG,
  MAX_PAGE_SIZE,
  UPDATE_ERRORS,
  decodeId,
  groupLoader,
  withTotalCount,
} from '../common/common.schema.ts';
import { countUsers, lastSignIns, listUsers, workstreamsOfUsers } from './user.repository.ts';
import { createUser, deactivateUser, reactivateUser, resetUserPassword, updateUser } from './user.service.ts';

const workstreamsOf = groupLoader(
  (ctx, ids) => workstreamsOfUsers(ctx.db, ids),
  (row) => row.user_id,
);

const lastSignInOf = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, Date | null>(async (ids) => {
      const found = new Map((await lastSignIns(ctx.db, ids)).map((r) => [r.user_id, r.at]));
      return ids.map((id) => found.get(id) ?? null);
    }),
);

builder.objectFields(UserRef, (t) => ({
  workstreams: t.field({
    type: [WorkstreamRef],
    authScopes: scopesFor('User.workstreams'),
    description: 'The workstreams this user leads: as an EDITOR they change only these workstreams’ items.',
    resolve: (u, _args, ctx) => workstreamsOf(ctx).load(u.id),
  }),
  createdAt: t.expose('created_at', { type: 'DateTime', authScopes: scopesFor('User.createdAt') }),
  lastSignInAt: t.field({
    type: 'DateTime',
    nullable: true,
    authScopes: scopesFor('User.lastSignInAt'),
    description: 'When they last signed in (from the audit trail); null if never.',
    resolve: (u, _args, ctx) => lastSignInOf(ctx).load(u.id),
  }),
  version: t.exposeInt('version', { authScopes: scopesFor('User.version') }),
}));

builder.queryField('userAccounts', (t) =>
  t.connection(
    {
      type: UserRef,
      authScopes: scopesFor('Query.userAccounts'),
      description: 'Every user, active or not, by name (ADMIN only).',
      resolve: async (_root, args, ctx) => ({
        ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
          listUsers(ctx.db, page),
        )),
        totalCount: () => countUsers(ctx.db),
      }),
    },
    withTotalCount,
  ),
);

interface WithPassword {
  user: AppUser;
  password: string;
}

const CreateUserSuccess = builder
  .objectRef<{ user: AppUser; password: string | null }>('CreateUserSuccess')
  .implement({
    description:
      'The new user and their initial password: shown this once, never stored but as a hash. A create retried ' +
      'with its idempotency key answers the user it made, with `alreadyCreated` and no password.',
    fields: (t) => ({
      user: t.field({ type: UserRef, resolve: (s) => s.user }),
      initialPassword: t.string({
        nullable: true,
        description:
          'Null when `alreadyCreated`: the password was answered once, to the first create, and is not shown again ' +
          '(reset it if it was lost).',
        resolve: (s) => s.password,
      }),
      alreadyCreated: t.boolean({
        description:
          'True when this create was a retry with the key of one already made: nothing new was made.',
        resolve: (s) => s.password === null,
      }),
    }),
  });

const ResetUserPasswordSuccess = builder.objectRef<WithPassword>('ResetUserPasswordSuccess').implement({
  description: 'The user’s new password, shown this once; all their sessions have ended.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (s) => s.user }),
    newPassword: t.exposeString('password'),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    name: t.string(),
    email: t.string(),
    role: t.field({ type: RoleEnum }),
    workstreamIds: t.idList({
      required: false,
      description: 'The workstreams an EDITOR leads; none for another role.',
    }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description:
    'Give the version you read; fields left out stay as they are. A user whose role is no longer EDITOR leads no workstream.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    name: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    workstreamIds: t.idList({ required: false, description: 'Replaces the workstreams they lead.' }),
  }),
});

const workstreamIdsOf = (ids: readonly string[] | null | undefined) =>
  ids?.map((id, i) => decodeId(id, 'Workstream', `workstreamIds[${i}]`));

const userTarget = (operation: string, id: string) => ({
  operation,
  entityType: 'User',
  table: 'app_user' as const,
  id: () => decodeId(id, 'User', 'id'),
});

builder.mutationFields((t) => ({
  createUser: t.field({
    type: CreateUserSuccess,
    authScopes: scopesFor('Mutation.createUser'),
    description: 'Creates a user with a random initial password, answered once.',
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateUserResult' } },
    args: { input: t.arg({ type: CreateUserInput }), idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG) },
    resolve: async (_root, { input, idempotencyKey }, ctx) => {
      // Stays null when the key answers the user a first create made: its password is not shown again.
      let password: string | null = null;
      const user = await auditedWrite(
        ctx,
        { operation: 'createUser', entityType: 'User', table: 'app_user', id: null, idempotencyKey },
        async (db) => {
          const created = await createUser(
            db,
            { ...input, workstreamIds: workstreamIdsOf(input.workstreamIds) ?? [] },
            ctx.clock.now(),
          );
          password = created.password;
          return created.user;
        },
      );
      return { user, password };
    },
  }),
  updateUser: t.field({
    type: UserRef,
    authScopes: scopesFor('Mutation.updateUser'),
    description: 'Changes a user’s name, role or workstreams, unless someone changed them first.',
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'UpdateUserResult' } },
    args: { input: t.arg({ type: UpdateUserInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(ctx, userTarget('updateUser', input.id), (db, id) =>
        updateUser(
          db,
          {
            id,
            expectedVersion: input.expectedVersion,
            name: input.name,
            role: input.role,
            workstreamIds: workstreamIdsOf(input.workstreamIds),
          },
          ctx.clock.now(),
        ),
      ),
  }),
  deactivateUser: t.field({
    type: UserRef,
    authScopes: scopesFor('Mutation.deactivateUser'),
    description:
      'Stops a user signing in and ends all their sessions at once. Not yourself, nor the last ADMIN.',
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'DeactivateUserResult' },
    },
    args: { id: t.arg.id() },
    resolve: (_root, { id }, ctx) =>
      auditedWrite(ctx, userTarget('deactivateUser', id), (db, userId) =>
        deactivateUser(db, ctx.viewer, userId, ctx.clock.now()),
      ),
  }),
  reactivateUser: t.field({
    type: UserRef,
    authScopes: scopesFor('Mutation.reactivateUser'),
    description: 'Lets a deactivated user sign in again (with the password they had, or reset it).',
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'ReactivateUserResult' },
    },
    args: { id: t.arg.id() },
    resolve: (_root, { id }, ctx) =>
      auditedWrite(ctx, userTarget('reactivateUser', id), (db, userId) =>
        reactivateUser(db, userId, ctx.clock.now()),
      ),
  }),
  resetUserPassword: t.field({
    type: ResetUserPasswordSuccess,
    authScopes: scopesFor('Mutation.resetUserPassword'),
    description: 'Gives a user a new random password, answered once, and ends all their sessions.',
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'ResetUserPasswordResult' },
    },
    args: { id: t.arg.id() },
    resolve: async (_root, { id }, ctx) => {
      let password = '';
      const user = await auditedWrite(ctx, userTarget('resetUserPassword', id), async (db, userId) => {
        const reset = await resetUserPassword(db, userId, ctx.clock.now());
        password = reset.password;
        return reset.user;
      });
      return { user, password };
    },
  }),
}));
