import { error } from '@sveltejs/kit';

/** Every page works on the first programme for now; the GraphQL selection is wrapped around `fields`. */
export function programmeQuery(fields: string, variables = ''): string {
  return `query ${variables ? `(${variables})` : ''} { today programmes(first: 1) { edges { node { id name ${fields} } } } }`;
}

export function firstProgramme<T>(data: { programmes: { edges: { node: T }[] } }): T {
  const programme = data.programmes.edges[0]?.node;
  if (!programme) error(404, 'There is no programme yet');
  return programme;
}
