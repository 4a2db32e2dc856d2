/** Partner API tokens: ADMIN only, here and in the API. */
import { error } from '@sveltejs/kit';
import { gql, type Viewer } from '$lib/server/api';

export function requireAdmin(viewer: Viewer | null): void {
  if (viewer?.role !== 'ADMIN')
    error(403, 'Only programme managers (the ADMIN role) can manage partner API tokens');
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  createdAt: string;
  createdBy: { name: string } | null;
  expiresOn: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  organisation: { name: string };
}

export const TOKEN_FIELDS =
  'id name prefix status createdAt createdBy { name } expiresOn lastUsedAt revokedAt organisation { name }';

export interface TokenPage {
  today: string;
  apiTokens: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    edges: { node: TokenRow }[];
  };
}

export const TOKENS_QUERY = `query ($first: Int!, $after: String) {
  today
  apiTokens(first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { ${TOKEN_FIELDS} } }
  }
}`;

export function fetchTokens(token: string | null, first: number, after: string | null): Promise<TokenPage> {
  return gql<TokenPage>(TOKENS_QUERY, { token, variables: { first, after } });
}
