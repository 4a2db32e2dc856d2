/**
 * Users are for ADMIN alone: every load and action calls `requireAdmin`
 * before asking the API (which refuses anyone else as well).
 */
import { error } from '@sveltejs/kit';
import { gql, type Viewer } from '$lib/server/api';
import type { PageOf } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Role } from './users';

export { ROLES, type Role } from './users';

export const ADMIN_ONLY =
  'Only programme managers (the ADMIN role) can manage users: create them, set their roles and workstreams, and deactivate them';

export function requireAdmin(viewer: Viewer | null): void {
  if (viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
}

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  version: number;
  createdAt: string;
  lastSignInAt: string | null;
  workstreams: { id: string; name: string }[];
}

export const USER_FIELDS = 'id name email role active version createdAt lastSignInAt workstreams { id name }';

export async function usersPage(
  token: string | null,
  page: { first: number; after: string | null },
): Promise<PageOf<UserRow> & { totalCount: number }> {
  const data = await gql<{ userAccounts: PageOf<UserRow> & { totalCount: number } }>(
    `query ($first: Int, $after: String) { userAccounts(first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } edges { node { ${USER_FIELDS} } } } }`,
    { token, variables: page },
  );
  return data.userAccounts;
}

/** The programme's workstreams, by name, for the checkboxes. */
export async function workstreamOptions(token: string | null): Promise<{ id: string; name: string }[]> {
  const programme = firstProgramme(
    await gql<{
      today: string;
      programmes: { edges: { node: { workstreams: { id: string; name: string }[] } }[] };
    }>(programmeQuery('workstreams { id name }'), { token }),
  );
  return [...programme.workstreams].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** An instant as the UK reads it, e.g. 15 Feb 2023, 09:30. */
export function formatInstant(iso: string | null): string {
  if (!iso) return 'Never';
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Where an API field's error shows on the form. */
export const FIELD_IDS: Record<string, string> = {
  name: 'name',
  email: 'email',
  role: 'role',
  workstreamIds: 'workstreamIds',
  id: 'name',
  input: 'name',
};

/** An API ValidationError as the user reads it, linked to its input. */
export function fieldError(e: { field: string; message: string }): { field: string; message: string } {
  const base = e.field.replace(/\[\d+\]$/, '');
  const detail = e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  const label: Record<string, string> = {
    name: 'Name',
    email: 'Email address',
    role: 'Role',
    workstreamIds: 'Workstreams:',
  };
  return {
    field: FIELD_IDS[base] ?? 'name',
    message: label[base] ? `${label[base]} ${detail}` : detail.charAt(0).toUpperCase() + detail.slice(1),
  };
}
