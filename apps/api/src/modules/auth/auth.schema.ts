import type { AppUser } from '@handover/db';
import { ROLES, mayOwnWork } from '@handover/domain';
import { builder } from '../../schema/builder.ts';
import { InvalidCredentialsError } from '../../schema/errors.ts';
import { ValidationError } from '../../schema/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ErrorInterface } from '../common/common.schema.ts';
import { login, logout, TooManyAttemptsError } from './auth.service.ts';
import { listActiveUsers, usersByIds } from './auth.repository.ts';

export const RoleEnum = builder.enumType('Role', {
  values: ROLES,
  description:
    'ADMIN runs the programme; EDITOR leads workstreams; HR alone sees personal data; VIEWER reads (board); ' +
    'PARTNER is a partner agency calling with an API token (never a user).',
});

export const UserRef = builder.loadableNode('User', {
  description: 'Someone who signs in to Handover.',
  id: { resolve: (u: AppUser) => u.id },
  load: (ids: string[], ctx) => usersByIds(ctx.db, ids),
  sort: (u) => u.id,
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    canOwnWork: t.boolean({
      description:
        'Whether they may be named the owner of an item, RAID item, milestone or criterion: every role but VIEWER, while active.',
      resolve: (u) => u.active && mayOwnWork(u.role),
    }),
    active: t.exposeBoolean('active'),
  }),
});

builder.objectType(TooManyAttemptsError, {
  name: 'TooManyAttemptsError',
  description: 'Sign-in is throttled after repeated failures; the password was not checked.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds'),
  }),
});

const LoginSuccess = builder
  .objectRef<{ token: string; expiresAt: Date; userId: string }>('LoginSuccess')
  .implement({
    description: 'Send `token` back as `Authorization: Bearer <token>` on every request.',
    fields: (t) => ({
      token: t.exposeString('token'),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
      user: t.field({
        type: UserRef,
        resolve: (s) => s.userId,
      }),
    }),
  });

builder.queryField('viewer', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user, or null when the request carries no live session.',
    skipTypeScopes: true,
    resolve: (_root, _args, ctx) => ctx.viewer?.userId ?? null,
  }),
);

builder.queryField('users', (t) =>
  t.field({
    type: [UserRef],
    description: 'Everyone who can sign in, by name: the people items can be assigned to.',
    resolve: (_root, _args, ctx) => listActiveUsers(ctx.db),
  }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: LoginSuccess,
    skipTypeScopes: true,
    errors: {
      types: [InvalidCredentialsError, TooManyAttemptsError, ValidationError],
      directResult: true,
      union: { name: 'LoginResult' },
    },
    args: {
      email: t.arg.string(),
      password: t.arg.string(),
    },
    resolve: async (_root, { email, password }, ctx) => {
      // The email as given is recorded, never the password.
      const failed = (reason: string) =>
        recordAudit(ctx, {
          kind: 'SIGN_IN_FAILED',
          actor: { userId: null, email, role: null },
          operation: 'login',
          reason,
        });
      try {
        if (email.trim() === '') throw new ValidationError('email', 'is required');
        if (password === '') throw new ValidationError('password', 'is required');
        const session = await login(
          ctx.db,
          { email, password, clientAddress: ctx.clientAddress },
          ctx.clock.now(),
          ctx.sessionPolicy,
          ctx.signinThrottle,
        );
        const [user] = await usersByIds(ctx.db, [session.userId]);
        // No token is handed out unless its sign-in is on the record.
        await recordAudit(ctx, {
          kind: 'SIGN_IN',
          actor: { userId: session.userId, email: user?.email ?? email, role: user?.role ?? null },
          operation: 'login',
          entityType: 'User',
          entityId: session.userId,
        });
        return session;
      } catch (error) {
        if (error instanceof InvalidCredentialsError) await failed('INVALID_CREDENTIALS');
        else if (error instanceof TooManyAttemptsError) await failed('THROTTLED');
        else if (error instanceof ValidationError) await failed(`VALIDATION: ${error.field}`);
        throw error;
      }
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends the current session. True when a session was ended.',
    skipTypeScopes: true,
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) return false;
      return ctx.db.transaction().execute(async (trx) => {
        // A partner's API token is no session: logout ends nothing and records nothing.
        const ended = await logout(trx, viewer);
        if (ended) {
          await recordAudit(
            { ...ctx, db: trx },
            { kind: 'SIGN_OUT', operation: 'logout', entityType: 'User', entityId: viewer.userId },
          );
        }
        return ended;
      });
    },
  }),
);
