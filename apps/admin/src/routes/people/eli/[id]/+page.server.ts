import { error } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { pageRequest, pagination, type PageRequest } from '$lib/server/list';
import { ELI_CATEGORIES } from '$lib/tupe';
import type { DateError } from '$lib/date-input';
import { hrOnly } from '../../people.server';
import {
  ANSWER_WITH_CONFLICT,
  answerError,
  dateField,
  fail,
  version,
  write,
  type FieldError,
} from '../../tupe.server';
import { PACKAGE_FIELDS, type EliPackageRow } from '../eli';
import type { Actions, PageServerLoad } from './$types';

interface Member {
  reason: string;
  employee: { id: string; payrollNumber: string; firstName: string | null; lastName: string | null };
}

type WithPeople = EliPackageRow & { members?: { totalCount: number; edges: { node: Member }[] } };

async function loadPackage(token: string | null, id: string, people: PageRequest | null) {
  let data: { node: (WithPeople & { __typename: string }) | { __typename: string } | null };
  try {
    data = await gql(
      `query ($id: ID!${people ? ', $first: Int, $after: String' : ''}) { node(id: $id) { __typename ... on EliPackage { ${PACKAGE_FIELDS}
        ${people ? 'members(first: $first, after: $after) { totalCount edges { node { reason employee { id payrollNumber firstName lastName } } } }' : ''} } } }`,
      { token, variables: people ? { id, first: people.first, after: people.after } : { id } },
    );
  } catch (e) {
    if (e instanceof ApiError && /global ID/i.test(e.message)) error(404, 'ELI package not found');
    throw e;
  }
  if (data.node?.__typename !== 'EliPackage') error(404, 'ELI package not found');
  return data.node as WithPeople;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const isHr = locals.viewer?.role === 'HR';
  // People are HR's: the API refuses them to anyone else, and hrOnly turns that into a 403.
  const page = pageRequest(url, 100);
  const pkg = await (isHr
    ? hrOnly(loadPackage(locals.token, params.id, page))
    : loadPackage(locals.token, params.id, null));
  const today = (await gql<{ today: string }>('{ today }', { token: locals.token })).today;
  return {
    pkg,
    members: pkg.members?.edges.map((e) => e.node) ?? null,
    pagination: pkg.members ? pagination(url, page.page, pkg.members.totalCount, 100) : null,
    isHr,
    today,
    created: url.searchParams.has('created'),
  };
};

type Failure = { errors: FieldError[]; sentOnError?: DateError; categories?: string[] };

const FIELDS = {
  sentOn: { id: 'sentOn-day', label: 'Date sent' },
  categories: { id: 'categories-IDENTITY_AND_AGE', label: 'Categories:' },
};

export const actions: Actions = {
  categories: async ({ request, locals, params }) => {
    const form = await request.formData();
    const categories = form
      .getAll('categories')
      .map(String)
      .filter((c) => (ELI_CATEGORIES as readonly string[]).includes(c));
    const answer = await write(
      locals.token,
      'updateEliPackage',
      'UpdateEliPackageInput',
      `${ANSWER_WITH_CONFLICT} ... on EliPackage { version }`,
      {
        id: params.id,
        expectedVersion: version(form),
        categories,
      },
    );
    if (answer.__typename !== 'EliPackage')
      return fail<Failure>(answer.__typename === 'ConflictError' ? 409 : 400, {
        errors: [answerError(answer, FIELDS, 'categories-IDENTITY_AND_AGE')],
        categories,
      });
    return { saved: true };
  },
  send: async ({ request, locals, params }) => {
    const form = await request.formData();
    const sentOn = dateField(form, 'sentOn', 'Date sent', true);
    if (sentOn.error) return fail<Failure>(400, { errors: [sentOn.error], sentOnError: sentOn.error });
    const answer = await write(
      locals.token,
      'sendEliPackage',
      'SendEliPackageInput',
      `${ANSWER_WITH_CONFLICT} ... on EliPackage { version }`,
      {
        id: params.id,
        expectedVersion: version(form),
        sentOn: sentOn.value,
      },
    );
    if (answer.__typename !== 'EliPackage') {
      const e = answerError(answer, FIELDS, 'sentOn-day');
      return fail<Failure>(answer.__typename === 'ConflictError' ? 409 : 400, {
        errors: [e],
        sentOnError: answer.field === 'sentOn' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
      });
    }
    return { sent: true };
  },
};
