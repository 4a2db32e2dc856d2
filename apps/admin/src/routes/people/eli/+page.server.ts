import { redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formKey, newFormKey } from '$lib/server/idempotency';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { ELI_CATEGORIES } from '$lib/tupe';
import { ANSWER, answerError, fail, formText, write, type FieldError } from '../tupe.server';
import { PACKAGE_FIELDS, type EliSummary } from './eli';
import type { Actions, PageServerLoad } from './$types';

const QUERY = programmeQuery(`transferDate eli {
  dueDate daysToDue flags messages transferringCount notInAnySentPackageCount changedSinceSentCount
  objectedSinceSentCount packages { ${PACKAGE_FIELDS} }
}`);

export const load: PageServerLoad = async ({ locals }) => {
  const data = await gql<{
    today: string;
    programmes: { edges: { node: { id: string; transferDate: string; eli: EliSummary } }[] };
  }>(QUERY, { token: locals.token });
  return {
    today: data.today,
    programme: firstProgramme(data),
    isHr: locals.viewer?.role === 'HR',
    formKey: newFormKey(),
  };
};

export const actions: Actions = {
  create: async ({ request, locals }) => {
    const form = await request.formData();
    const categories = form
      .getAll('categories')
      .filter((c): c is string => typeof c === 'string' && (ELI_CATEGORIES as readonly string[]).includes(c));
    const answer = await write(
      locals.token,
      'createEliPackage',
      'CreateEliPackageInput',
      `${ANSWER} ... on EliPackage { id }`,
      {
        programmeId: formText(form, 'programmeId'),
        categories,
        notes: formText(form, 'notes'),
      },
      formKey(form),
    );
    if (answer.__typename !== 'EliPackage') {
      const e: FieldError = answerError(answer, { notes: { id: 'notes', label: 'Notes' } }, 'create');
      return fail(400, { errors: [e] });
    }
    redirect(303, `/people/eli/${encodeURIComponent(String(answer.id))}?created`);
  },
};
