import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { DISPOSITIONS, TRANSFER_STATUSES, fetchServices, serviceFilters } from './services.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = serviceFilters(url);
  const { page, first, after } = pageRequest(url);
  const result = await fetchServices(locals.token, filters, first, after);
  return {
    programme: result.programme,
    services: result.services,
    filters,
    filtered: filters.dispositions.length + filters.transferStatuses.length > 0 || filters.search !== '',
    dispositions: DISPOSITIONS,
    transferStatuses: TRANSFER_STATUSES,
    pagination: pagination(url, page, result.totalCount),
    csvHref: exportHref(url, '/services/export.csv'),
  };
};
