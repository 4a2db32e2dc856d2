import { error, fail, redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formKey, newFormKey } from '$lib/server/idempotency';
import type { DateError } from '$lib/date-input';
import { apiError, type FieldError } from '../form-errors';
import { canEdit, raidFormOptions } from '../options.server';
import type { RaidFormValues } from '../raid';
import { API_FIELDS, checkRaidForm, emptyValues, readRaidForm } from '../raid-form.server';
import type { Actions, PageServerLoad } from './$types';

type Failure = { values: RaidFormValues; errors: FieldError[]; dueDateError?: DateError | undefined };

export const load: PageServerLoad = async ({ locals }) => {
  if (!canEdit(locals.viewer?.role)) error(403, 'Only editors and admins can add to the RAID log');
  const options = await raidFormOptions(locals.token);
  return { ...options, values: emptyValues(), formKey: newFormKey() };
};

type CreateResult =
  | { __typename: 'RaidItem'; id: string; ref: string }
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string }
  | { __typename: 'ForbiddenError'; message: string };

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const values = readRaidForm(form);
    if (!canEdit(locals.viewer?.role)) {
      return fail<Failure>(403, {
        values,
        errors: [{ field: 'type', message: 'You do not have permission to add to the RAID log' }],
      });
    }
    const checked = checkRaidForm(values, { create: true });
    if (!checked.input || !checked.type) {
      return fail<Failure>(400, { values, errors: checked.errors, dueDateError: checked.dueDateError });
    }
    const { programmeId } = await raidFormOptions(locals.token);
    const { createRaidItem: result } = await gql<{ createRaidItem: CreateResult }>(
      `mutation ($input: CreateRaidItemInput!, $key: String) {
        createRaidItem(input: $input, idempotencyKey: $key) {
          __typename
          ... on RaidItem { id ref }
          ... on Error { message }
          ... on ValidationError { field }
        }
      }`,
      {
        token: locals.token,
        variables: { input: { programmeId, type: checked.type, ...checked.input }, key: formKey(form) },
      },
    );
    if (result.__typename === 'RaidItem') redirect(303, `/raid/${encodeURIComponent(result.id)}?created=1`);
    if (result.__typename === 'NotFoundError') error(404, 'There is no programme to add to');
    // An EDITOR adds items only to the workstreams they lead.
    if (result.__typename === 'ForbiddenError') {
      const field = API_FIELDS.workstreamId?.id ?? 'workstreamId';
      return fail<Failure>(403, { values, errors: [{ field, message: result.message }] });
    }
    const e = apiError(result, API_FIELDS, API_FIELDS.title!);
    return fail<Failure>(400, {
      values,
      errors: [e],
      dueDateError: result.field === 'dueDate' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
    });
  },
};
