import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, gql, type Viewer } from '$lib/server/api';
import { conflict, readSnapshot, type Conflict, type Snapshot } from '$lib/conflict';
import { formText } from '$lib/server/list';
import type { Actions, PageServerLoad } from './$types';
import {
  ROLES,
  USER_FIELDS,
  fieldError,
  formatInstant,
  requireAdmin,
  workstreamOptions,
  type UserRow,
} from '../users.server';

async function loadUser(token: string | null, id: string): Promise<UserRow> {
  let data: { node: (UserRow & { __typename: string }) | { __typename: string } | null };
  try {
    data = await gql(`query ($id: ID!) { node(id: $id) { __typename ... on User { ${USER_FIELDS} } } }`, {
      token,
      variables: { id },
    });
  } catch (e) {
    if (e instanceof ApiError && (e.codes.includes('BAD_USER_INPUT') || /global ID/i.test(e.message))) {
      error(404, 'User not found');
    }
    throw e;
  }
  if (data.node?.__typename !== 'User') error(404, 'User not found');
  return data.node as UserRow;
}

/** What the edit form shows, as on screen: compared on a conflict. */
const snapshotOf = (u: Pick<UserRow, 'name' | 'role' | 'workstreams'>): Snapshot => ({
  Name: u.name,
  Role: u.role,
  Workstreams: u.workstreams
    .map((w) => w.name)
    .sort()
    .join(', '),
});

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireAdmin(locals.viewer);
  const [user, workstreams] = await Promise.all([
    loadUser(locals.token, params.id),
    workstreamOptions(locals.token),
  ]);
  const confirm = url.searchParams.get('confirm');
  return {
    user,
    workstreams,
    self: user.id === locals.viewer!.id,
    created: formatInstant(user.createdAt),
    lastSignIn: formatInstant(user.lastSignInAt),
    loaded: JSON.stringify(snapshotOf(user)),
    saved: url.searchParams.get('saved'),
    confirm: confirm === 'deactivate' || confirm === 'reactivate' || confirm === 'reset' ? confirm : null,
  };
};

type UpdateResult =
  | { __typename: 'User'; id: string }
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string }
  | { __typename: 'ConflictError'; message: string; currentVersion: number; current: UserRow };

type StateResult =
  | { __typename: 'User'; id: string }
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string };

interface Failure {
  values?: { name: string; role: string; workstreamIds: string[] };
  errors: { field: string; message: string }[];
  conflict?: Conflict;
}

const here = (id: string, saved: string) => `/users/${encodeURIComponent(id)}?saved=${saved}`;

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    requireAdmin(locals.viewer);
    const form = await request.formData();
    const role = formText(form, 'role');
    const values = {
      name: formText(form, 'name'),
      role,
      workstreamIds:
        role === 'EDITOR'
          ? form.getAll('workstreamIds').filter((v): v is string => typeof v === 'string')
          : [],
    };
    const errors: { field: string; message: string }[] = [];
    if (!values.name) errors.push({ field: 'name', message: 'Enter their name' });
    if (!(ROLES as readonly string[]).includes(role))
      errors.push({ field: 'role', message: 'Select a role' });
    if (errors.length) return fail<Failure>(400, { values, errors });
    const version = Number(formText(form, 'version'));

    const { updateUser: result } = await gql<{ updateUser: UpdateResult }>(
      `mutation ($input: UpdateUserInput!) { updateUser(input: $input) {
        __typename
        ... on User { id }
        ... on Error { message }
        ... on ValidationError { field }
        ... on ConflictError { currentVersion current { ... on User { ${USER_FIELDS} } } }
      } }`,
      {
        token: locals.token,
        variables: {
          input: { id: params.id, expectedVersion: Number.isInteger(version) ? version : 0, ...values },
        },
      },
    );
    switch (result.__typename) {
      case 'User':
        redirect(303, here(params.id, 'changed'));
      // eslint-disable-next-line no-fallthrough
      case 'ValidationError':
        // "Nothing to change" is not worth an error: the page shows the user as they are.
        if (result.field === 'input') redirect(303, `/users/${encodeURIComponent(params.id)}`);
        return fail<Failure>(400, { values, errors: [fieldError(result)] });
      case 'NotFoundError':
        error(404, 'User not found');
      // eslint-disable-next-line no-fallthrough
      case 'ConflictError':
        return fail<Failure>(409, {
          values,
          errors: [],
          conflict: conflict(result.currentVersion, readSnapshot(form), snapshotOf(result.current)),
        });
    }
  },

  deactivate: ({ locals, params }) => changeState(locals, params.id, 'deactivateUser'),
  reactivate: ({ locals, params }) => changeState(locals, params.id, 'reactivateUser'),

  reset: async ({ locals, params }) => {
    requireAdmin(locals.viewer);
    const { resetUserPassword: result } = await gql<{
      resetUserPassword:
        | { __typename: 'ResetUserPasswordSuccess'; newPassword: string }
        | { __typename: 'ValidationError'; message: string }
        | { __typename: 'NotFoundError'; message: string };
    }>(
      `mutation ($id: ID!) { resetUserPassword(id: $id) {
        __typename ... on ResetUserPasswordSuccess { newPassword } ... on Error { message } } }`,
      { token: locals.token, variables: { id: params.id } },
    );
    if (result.__typename === 'NotFoundError') error(404, 'User not found');
    if (result.__typename === 'ValidationError') {
      return fail<Failure>(400, { errors: [{ field: 'reset', message: result.message }] });
    }
    // Shown on this response only: the password is stored only as a hash.
    return { password: result.newPassword };
  },
};

async function changeState(
  locals: { viewer: Viewer | null; token: string | null },
  id: string,
  mutation: 'deactivateUser' | 'reactivateUser',
) {
  requireAdmin(locals.viewer);
  const data: Record<string, StateResult> = await gql<Record<string, StateResult>>(
    `mutation ($id: ID!) { ${mutation}(id: $id) {
      __typename ... on User { id } ... on Error { message } ... on ValidationError { field } } }`,
    { token: locals.token, variables: { id } },
  );
  const result = data[mutation]!;
  if (result.__typename === 'NotFoundError') error(404, 'User not found');
  if (result.__typename === 'ValidationError') {
    const field = mutation === 'deactivateUser' ? 'deactivate' : 'reactivate';
    return fail<Failure>(400, { errors: [{ field, message: result.message.replace(/^id: /, '') }] });
  }
  redirect(303, here(id, mutation === 'deactivateUser' ? 'deactivated' : 'reactivated'));
}
