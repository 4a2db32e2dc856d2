import { gql } from '$lib/server/api';
import { publication } from '$lib/server/publication';
import type { PageServerLoad } from './$types';

/**
 * Public (no sign-in needed: hooks.server.ts). The controllers are as configured
 * (HANDOVER_CONTROLLERS); failing that, for a signed-in reader, the programme's councils and trusts
 * (the employers, old and new) by name.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const configured = publication();
  let employers: string[] = [];
  if (!configured.controllers && locals.token) {
    const data = await gql<{ programmes: { edges: { node: { organisations: { name: string; type: string }[] } }[] } }>(
      '{ programmes(first: 1) { edges { node { organisations { name type } } } } }',
      { token: locals.token },
    ).catch(() => null);
    employers = (data?.programmes.edges[0]?.node.organisations ?? [])
      .filter((o) => o.type === 'COUNCIL' || o.type === 'TRUST')
      .map((o) => o.name);
  }
  return { publication: configured, employers };
};
