import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The template as a YAML or JSON file, to edit and import again as a new version. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const format = url.searchParams.get('format') === 'json' ? 'JSON' : 'YAML';
  const { node } = await gql<{ node: { key: string; templateVersion: number; export: string } | null }>(
    `query ($id: ID!, $format: ChecklistTemplateFormat!) { node(id: $id) { ... on ChecklistTemplate { key templateVersion export(format: $format) } } }`,
    { token: locals.token, variables: { id: params.id, format } },
  ).catch(() => ({ node: null }));
  if (!node || !('export' in node)) error(404, 'There is no such template');
  const ext = format === 'JSON' ? 'json' : 'yaml';
  return new Response(node.export, {
    headers: {
      'content-type':
        format === 'JSON' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${node.key}-v${node.templateVersion}.${ext}"`,
    },
  });
};
