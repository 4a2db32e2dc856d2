import { allPages } from '$lib/server/list';
import { csvResponse, toCsv, type CsvColumn } from '$lib/server/csv';
import { formatDate } from '$lib/format';
import { fetchTokens, requireAdmin, type TokenRow } from '../partners.server';
import type { RequestHandler } from './$types';

/** The columns of the table on /partners; never the token, which Handover does not keep. */
const COLUMNS: CsvColumn<TokenRow>[] = [
  { header: 'Name', value: (t) => t.name },
  { header: 'Organisation', value: (t) => t.organisation.name },
  { header: 'Token starts', value: (t) => t.prefix },
  { header: 'Status', value: (t) => t.status },
  { header: 'Created at', value: (t) => t.createdAt },
  { header: 'Created by', value: (t) => t.createdBy?.name ?? '' },
  { header: 'Expires on', value: (t) => formatDate(t.expiresOn) },
  { header: 'Last used at', value: (t) => t.lastUsedAt ?? '' },
  { header: 'Revoked at', value: (t) => t.revokedAt ?? '' },
];

export const GET: RequestHandler = async ({ locals }) => {
  requireAdmin(locals.viewer);
  let today = '';
  const rows = await allPages(async (after) => {
    const data = await fetchTokens(locals.token, 200, after);
    today = data.today;
    return data.apiTokens;
  });
  return csvResponse(toCsv(rows, COLUMNS), 'partner-api-tokens', today);
};
