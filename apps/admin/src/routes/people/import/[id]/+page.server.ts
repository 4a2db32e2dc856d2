import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { globalId } from '../../people.server';
import { SHOWN, loadImport } from '../import.server';

export const load: PageServerLoad = async ({ locals, params }) => {
  const id = globalId(params.id, 'HrImport');
  if (!id) error(404, 'There is no such import');
  const found = await loadImport(locals.token, id);
  if (!found) error(404, 'There is no such import');
  return { hrImport: found, shown: SHOWN };
};
