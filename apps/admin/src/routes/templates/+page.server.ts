import { gql } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { SUMMARY, type TemplateSummary } from './templates';

export const load: PageServerLoad = async ({ locals, url }) => {
  const kind = url.searchParams.get('kind');
  const { checklistTemplates } = await gql<{ checklistTemplates: TemplateSummary[] }>(
    `query ($kind: ChecklistTemplateKind) { checklistTemplates(kind: $kind) { ${SUMMARY} } }`,
    {
      token: locals.token,
      variables: { kind: kind === 'WORKSTREAM' || kind === 'SERVICE' ? kind : null },
    },
  );
  return {
    templates: checklistTemplates,
    kind: kind === 'WORKSTREAM' || kind === 'SERVICE' ? kind : '',
    mayImport: locals.viewer?.role === 'ADMIN',
  };
};
