import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { PageServerLoad } from './$types';
import { CRITICAL_PATH_FIELDS, type CriticalPath } from '../plan';

export const load: PageServerLoad = async ({ locals }) => {
  const data = await gql<{
    today: string;
    programmes: { edges: { node: { criticalPath: CriticalPath } }[] };
  }>(programmeQuery(`criticalPath { ${CRITICAL_PATH_FIELDS} }`), { token: locals.token });
  return { today: data.today, criticalPath: firstProgramme(data).criticalPath };
};
