import { error, fail, redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import type { Actions, PageServerLoad } from './$types';

const ADMIN_ONLY = 'Only an ADMIN may import a checklist template';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
  return {};
};

type ImportAnswer =
  | { __typename: 'ChecklistTemplate'; id: string }
  | {
      __typename: 'ChecklistTemplateFileError';
      message: string;
      problems: { path: string; message: string }[];
    }
  | { __typename: 'ValidationError'; message: string };

export const actions: Actions = {
  default: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const file = form.get('file');
    const uploaded = file instanceof File && file.size > 0 ? await file.text() : '';
    const raw = form.get('content');
    const pasted = typeof raw === 'string' ? raw : '';
    const content = uploaded || pasted;
    let format = formText(form, 'format');
    if (uploaded && file instanceof File && !format) format = /\.json$/i.test(file.name) ? 'JSON' : 'YAML';
    const values = { format, content: pasted };
    const errors: { field: string; message: string }[] = [];
    if (format !== 'YAML' && format !== 'JSON')
      errors.push({ field: 'format', message: 'Select YAML or JSON' });
    if (!content.trim()) errors.push({ field: 'content', message: 'Choose a file or paste the template' });
    if (errors.length) return fail(400, { values, errors, problems: [] });

    const { importChecklistTemplate: answer } = await gql<{ importChecklistTemplate: ImportAnswer }>(
      `mutation ($input: ImportChecklistTemplateInput!) { importChecklistTemplate(input: $input) {
        __typename
        ... on Error { message }
        ... on ChecklistTemplateFileError { problems { path message } }
        ... on ChecklistTemplate { id }
      } }`,
      { token: locals.token, variables: { input: { format, content } } },
    );
    if (answer.__typename === 'ChecklistTemplate')
      redirect(303, `/templates/${encodeURIComponent(answer.id)}`);
    const problems = answer.__typename === 'ChecklistTemplateFileError' ? answer.problems : [];
    return fail(400, {
      values,
      problems,
      errors: [
        {
          field: 'content',
          message: `The template was not imported: ${problems.length || 1} ${problems.length === 1 ? 'problem' : 'problems'} (listed below). Nothing was stored.`,
        },
      ],
    });
  },
};
