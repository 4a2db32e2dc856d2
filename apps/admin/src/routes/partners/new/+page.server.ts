import { ukDate } from '$lib/format';
import { fail } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { formKey, newFormKey } from '$lib/server/idempotency';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import {
  parseDateParts,
  readDateParts,
  toDateParts,
  type DateError,
  type DateParts,
} from '$lib/date-input';
import { apiError, type FieldError } from '../../raid/form-errors';
import { requireAdmin } from '../partners.server';
import type { Actions, PageServerLoad } from './$types';

interface Values {
  name: string;
  organisationId: string;
  expiresOn: DateParts;
}

type Failure = { values: Values; errors: FieldError[]; expiresOnError?: DateError | undefined };

const FIELDS = {
  name: { id: 'name', label: 'Name' },
  organisationId: { id: 'organisationId', label: 'Organisation' },
  expiresOn: { id: 'expiresOn-day', label: 'Expiry date' },
};

async function options(token: string | null) {
  const data = await gql<{
    today: string;
    programmes: { edges: { node: { organisations: { id: string; name: string; type: string }[] } }[] };
  }>(programmeQuery('organisations { id name type }'), { token });
  return { organisations: firstProgramme(data).organisations };
}

/**
 * 90 days from now, the expiry the form suggests. Tokens live in real time, as sessions do (the
 * programme calendar's "today" can be frozen for a demo), so this reads the clock, not the API's today.
 */
function suggestedExpiry(): string {
  return ukDate(new Date(Date.now() + 90 * 86_400_000).toISOString());
}

export const load: PageServerLoad = async ({ locals }) => {
  requireAdmin(locals.viewer);
  const { organisations } = await options(locals.token);
  const values: Values = { name: '', organisationId: '', expiresOn: toDateParts(suggestedExpiry()) };
  return { organisations, values, formKey: newFormKey() };
};

type CreateResult =
  | {
      __typename: 'ApiTokenCreated';
      token: string | null;
      alreadyCreated: boolean;
      apiToken: {
        id: string;
        name: string;
        prefix: string;
        expiresOn: string;
        organisation: { name: string };
      };
    }
  | { __typename: 'ValidationError'; field: string; message: string };

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const values: Values = {
      name: formText(form, 'name'),
      organisationId: formText(form, 'organisationId'),
      expiresOn: readDateParts(form, 'expiresOn'),
    };
    if (locals.viewer?.role !== 'ADMIN') {
      return fail<Failure>(403, {
        values,
        errors: [{ field: 'name', message: 'Only programme managers can create partner tokens' }],
      });
    }
    const errors: FieldError[] = [];
    if (!values.name) errors.push({ field: 'name', message: 'Enter a name for the token' });
    if (!values.organisationId)
      errors.push({ field: 'organisationId', message: 'Select the partner organisation' });
    const expiry = parseDateParts(values.expiresOn, 'expiresOn', 'Expiry date', { required: true });
    if (expiry.error) errors.push(expiry.error);
    if (errors.length || expiry.value == null) {
      return fail<Failure>(400, { values, errors, expiresOnError: expiry.error });
    }
    const { createApiToken: result } = await gql<{ createApiToken: CreateResult }>(
      `mutation ($input: CreateApiTokenInput!, $key: String) {
        createApiToken(input: $input, idempotencyKey: $key) {
          __typename
          ... on ApiTokenCreated { token alreadyCreated apiToken { id name prefix expiresOn organisation { name } } }
          ... on ValidationError { field message }
        }
      }`,
      {
        token: locals.token,
        variables: {
          input: { name: values.name, organisationId: values.organisationId, expiresOn: expiry.value },
          key: formKey(form),
        },
      },
    );
    if (result.__typename === 'ApiTokenCreated') {
      // The form sent twice: the first made the token and showed it; the API does not show it again.
      if (result.alreadyCreated || result.token === null) return { already: result.apiToken };
      // Answered in this response only: never in a URL, never stored by the admin app.
      return { created: { token: result.token, ...result.apiToken } };
    }
    const e = apiError(result, FIELDS, FIELDS.name);
    return fail<Failure>(400, {
      values,
      errors: [e],
      expiresOnError: result.field === 'expiresOn' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
    });
  },
};
