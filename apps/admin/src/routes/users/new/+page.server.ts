import { fail } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { formKey, newFormKey } from '$lib/server/idempotency';
import type { Actions, PageServerLoad } from './$types';
import { ROLES, fieldError, requireAdmin, workstreamOptions, type Role } from '../users.server';

export const load: PageServerLoad = async ({ locals }) => {
  requireAdmin(locals.viewer);
  return { workstreams: await workstreamOptions(locals.token), formKey: newFormKey() };
};

type CreateResult =
  | {
      __typename: 'CreateUserSuccess';
      initialPassword: string | null;
      alreadyCreated: boolean;
      user: { id: string; name: string; email: string; role: Role };
    }
  | { __typename: 'ValidationError'; field: string; message: string };

export const actions: Actions = {
  default: async ({ request, locals }) => {
    requireAdmin(locals.viewer);
    const form = await request.formData();
    const role = formText(form, 'role');
    const values = {
      name: formText(form, 'name'),
      email: formText(form, 'email'),
      role,
      // Workstreams count only for an EDITOR: the checkboxes stay in the page (hidden) for other roles.
      workstreamIds:
        role === 'EDITOR'
          ? form.getAll('workstreamIds').filter((v): v is string => typeof v === 'string')
          : [],
    };
    const errors: { field: string; message: string }[] = [];
    if (!values.name) errors.push({ field: 'name', message: 'Enter their name' });
    if (!values.email) errors.push({ field: 'email', message: 'Enter their email address' });
    if (!(ROLES as readonly string[]).includes(role))
      errors.push({ field: 'role', message: 'Select a role' });
    if (errors.length) return fail(400, { values, errors });

    const { createUser: result } = await gql<{ createUser: CreateResult }>(
      `mutation ($input: CreateUserInput!, $key: String) { createUser(input: $input, idempotencyKey: $key) {
        __typename
        ... on CreateUserSuccess { initialPassword alreadyCreated user { id name email role } }
        ... on Error { message }
        ... on ValidationError { field }
      } }`,
      { token: locals.token, variables: { input: values, key: formKey(form) } },
    );
    if (result.__typename === 'ValidationError') return fail(400, { values, errors: [fieldError(result)] });
    // The form sent twice (a double click, a resubmit): the user was made by the first, whose answer has
    // the password; the API does not show it again.
    if (result.alreadyCreated || result.initialPassword === null) return { already: result.user };
    // Shown on this response only: the password is never stored but as a hash, so it cannot be shown again.
    return { created: { ...result.user, password: result.initialPassword } };
  },
};
