import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Option } from './raid';

interface Result {
  today: string;
  programmes: {
    edges: { node: { id: string; name: string; workstreams: Option[]; organisations: Option[] } }[];
  };
}

const QUERY = programmeQuery('workstreams { id name } organisations { id name }');

/** The programme and the choices for the form's selects, by name. */
export async function raidFormOptions(token: string | null) {
  const programme = firstProgramme(await gql<Result>(QUERY, { token }));
  const byName = (a: Option, b: Option) => a.name.localeCompare(b.name, 'en-GB');
  return {
    programmeId: programme.id,
    workstreams: [...programme.workstreams].sort(byName),
    organisations: [...programme.organisations].sort(byName),
  };
}

export const canEdit = (role: string | undefined): boolean => role === 'ADMIN' || role === 'EDITOR';
