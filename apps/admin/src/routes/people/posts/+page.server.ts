import { gql } from '$lib/server/api';
import { exportHref, pageRequest, pagination } from '$lib/server/list';
import { firstProgramme } from '$lib/server/programme';
import type { PageServerLoad } from './$types';
import {
  POSTS_QUERY,
  hrOnly,
  postFilters,
  serviceOptions,
  teamOptions,
  type PostsProgramme,
} from '../people.server';

/** HR only: the table names who holds each post. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = postFilters(url);
  const page = pageRequest(url);
  const data = await hrOnly(
    gql<{ today: string; programmes: { edges: { node: PostsProgramme }[] } }>(POSTS_QUERY, {
      token: locals.token,
      variables: { first: page.first, after: page.after, filter: filters.graphql },
    }),
  );
  const p = firstProgramme(data);
  return {
    filters: { vacant: filters.vacant, service: filters.service, team: filters.team, search: filters.search },
    filtered: Object.keys(filters.graphql).length > 0,
    services: serviceOptions(p),
    teams: teamOptions(p),
    posts: p.posts.edges.map((e) => e.node),
    pagination: pagination(url, page.page, p.posts.totalCount),
    exportHref: exportHref(url, '/people/posts/export.csv'),
  };
};
