import { error, fail, redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { requireAdmin, TOKEN_FIELDS, type TokenRow } from '../../partners.server';
import type { Actions, PageServerLoad } from './$types';

async function loadToken(token: string | null, id: string): Promise<TokenRow> {
  const data = await gql<{ node: TokenRow | null }>(
    `query ($id: ID!) { node(id: $id) { ... on ApiToken { ${TOKEN_FIELDS} } } }`,
    { token, variables: { id } },
  ).catch(() => ({ node: null }));
  if (!data.node?.name) error(404, 'There is no such partner token');
  return data.node;
}

export const load: PageServerLoad = async ({ locals, params }) => {
  requireAdmin(locals.viewer);
  return { apiToken: await loadToken(locals.token, params.id) };
};

type RevokeResult = { __typename: 'ApiToken'; name: string } | { __typename: string; message: string };

export const actions: Actions = {
  default: async ({ locals, params }) => {
    if (locals.viewer?.role !== 'ADMIN')
      return fail(403, { message: 'Only programme managers can revoke partner tokens' });
    const { revokeApiToken: result } = await gql<{ revokeApiToken: RevokeResult }>(
      `mutation ($id: ID!) {
        revokeApiToken(id: $id) { __typename ... on ApiToken { name } ... on Error { message } }
      }`,
      { token: locals.token, variables: { id: params.id } },
    );
    if (result.__typename !== 'ApiToken') error(404, 'There is no such partner token');
    redirect(303, `/partners?revoked=${encodeURIComponent((result as { name: string }).name)}`);
  },
};
