import { fail, redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { hrOnly } from '../people.server';
import { loadImportPage } from './import.server';

/** The largest file the API takes (15 MB); the admin's BODY_SIZE_LIMIT leaves room above it. */
const MAX_BYTES = 15 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals }) => {
  return loadImportPage(locals.token);
};

type StartResult =
  { __typename: 'HrImport'; id: string } | { __typename: 'ValidationError'; field: string; message: string };

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const file = form.get('file');
    const dryRun = form.get('dryRun') === 'yes';
    const errors: { field: string; message: string }[] = [];
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
      errors.push({ field: 'file', message: 'Select the HR export to import (a .csv or .xlsx file)' });
    } else if (file.size === 0) {
      errors.push({ field: 'file', message: 'The selected file is empty' });
    } else if (!/\.(csv|txt|xlsx)$/i.test(file.name)) {
      errors.push({
        field: 'file',
        message: 'The selected file must be a CSV (.csv) or Excel workbook (.xlsx)',
      });
    } else if (file.size > MAX_BYTES) {
      errors.push({ field: 'file', message: 'The selected file must be smaller than 15 MB' });
    }
    if (errors.length || !(file instanceof File)) return fail(400, { errors, dryRun });
    const { programmeId } = await loadImportPage(locals.token);
    const content = Buffer.from(await file.arrayBuffer()).toString('base64');
    const { startHrImport: result } = await hrOnly(
      gql<{ startHrImport: StartResult }>(
        `mutation ($input: StartHrImportInput!) { startHrImport(input: $input) {
          __typename ... on HrImport { id } ... on ValidationError { field message }
        } }`,
        {
          token: locals.token,
          variables: { input: { programmeId, fileName: file.name, contentBase64: content, dryRun } },
        },
      ),
    );
    if (result.__typename === 'ValidationError') {
      return fail(400, { errors: [{ field: 'file', message: result.message }], dryRun });
    }
    redirect(303, `/people/import/${encodeURIComponent(result.id)}`);
  },
};
