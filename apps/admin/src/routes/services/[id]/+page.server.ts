import { error } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import type { PageServerLoad } from './$types';

interface ServicePage {
  __typename: 'Service';
  id: string;
  name: string;
  description: string;
  disposition: string;
  transferStatus: string;
  shadowDate: string | null;
  goLiveDate: string | null;
  headcount: { posts: number; vacantPosts: number; employees: number; fte: number };
  readiness: {
    applicable: number;
    complete: number;
    shareComplete: number;
    overdue: number;
    blocked: number;
    dayOneCritical: number;
    dayOneCriticalOpen: number;
  };
  teams: { id: string; name: string }[];
  checklistItems: {
    id: string;
    ref: string;
    title: string;
    status: string;
    dueDate: string | null;
    overdue: boolean;
    dayOneCritical: boolean;
    workstream: { name: string };
  }[];
  milestones: {
    id: string;
    name: string;
    baselineDate: string;
    forecastDate: string | null;
    actualDate: string | null;
    rag: string;
    critical: boolean;
    slippageDays: number | null;
  }[];
}

interface Result {
  node: ServicePage | { __typename: string } | null;
}

const QUERY = `query ($id: ID!) {
  node(id: $id) {
    __typename
    ... on Service {
      id name description disposition transferStatus shadowDate goLiveDate
      headcount { posts vacantPosts employees fte }
      readiness { applicable complete shareComplete overdue blocked dayOneCritical dayOneCriticalOpen }
      teams { id name }
      checklistItems { id ref title status dueDate overdue dayOneCritical workstream { name } }
      milestones { id name baselineDate forecastDate actualDate rag critical slippageDays }
    }
  }
}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `id` reads as a service's global ID (canonical base64 of "Service:<uuid>", as the API
 * writes them). Anything else names no service: it is not found without asking the API, which
 * answers some malformed IDs with an internal error rather than null.
 */
function looksLikeServiceId(id: string): boolean {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  if (Buffer.from(decoded, 'utf8').toString('base64') !== id) return false;
  const [typename, key, ...rest] = decoded.split(':');
  return typename === 'Service' && rest.length === 0 && UUID.test(key ?? '');
}

const isService = (node: Result['node']): node is ServicePage => node?.__typename === 'Service';

export const load: PageServerLoad = async ({ locals, params }) => {
  if (!looksLikeServiceId(params.id)) error(404, 'Service not found');
  let data: Result;
  try {
    data = await gql<Result>(QUERY, { token: locals.token, variables: { id: params.id } });
  } catch (e) {
    if (e instanceof ApiError && e.codes.includes('BAD_USER_INPUT')) error(404, 'Service not found');
    throw e;
  }
  if (!isService(data.node)) error(404, 'Service not found');
  return { service: data.node };
};
