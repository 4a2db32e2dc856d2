import { error, fail } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';
import { SUMMARY, mayApply, type TemplateItem, type TemplateSummary } from '../templates';

type Template = TemplateSummary & {
  description: string;
  items: TemplateItem[];
  latest: boolean;
  versions: { id: string; templateVersion: number; createdAt: string; builtIn: boolean; itemCount: number; createdBy: { name: string } | null }[];
};

export const load: PageServerLoad = async ({ locals, params }) => {
  const { node } = await gql<{ node: Template | null }>(
    `query ($id: ID!) { node(id: $id) { ... on ChecklistTemplate { ${SUMMARY} description latest
      versions { id templateVersion createdAt builtIn itemCount createdBy { name } }
      items { key title description workstreamCode ownerOrg dueOffsetDays durationDays dayOneCritical signOffRole dependsOn } } } }`,
    { token: locals.token, variables: { id: params.id } },
  ).catch(() => ({ node: null }));
  if (!node || !('items' in node)) error(404, 'There is no such template');
  const programme = firstProgramme(
    await gql<{
      programmes: {
        edges: {
          node: { id: string; name: string; services: { edges: { node: { id: string; name: string } }[] } };
        }[];
      };
    }>(programmeQuery('services(first: 200) { edges { node { id name } } }'), { token: locals.token }),
  );
  return {
    template: node,
    programme: { id: programme.id, name: programme.name },
    services: programme.services.edges.map((e) => e.node),
    mayApply: mayApply(locals.viewer?.role),
  };
};

interface Applied {
  __typename: 'ChecklistTemplateApplication';
  message: string;
  unchanged: boolean;
  dependenciesAdded: number;
  updatedCount: number;
  keptCount: number;
  unresolvedDependencies: string[];
  created: { id: string; ref: string; title: string; dueDate: string | null }[];
  removedFromTemplate: { id: string; ref: string; title: string; status: string }[];
}
type ApplyAnswer =
  Applied | { __typename: 'ValidationError' | 'NotFoundError' | 'ForbiddenError'; message: string };

export const actions: Actions = {
  apply: async ({ request, locals, params }) => {
    if (!mayApply(locals.viewer?.role)) error(403, 'Only an EDITOR or ADMIN may apply a template');
    const form = await request.formData();
    const target = formText(form, 'target');
    const programmeId = formText(form, 'programmeId');
    if (!target)
      return fail(400, { errors: [{ field: 'target', message: 'Select the programme or a service' }] });
    const { applyChecklistTemplate: answer } = await gql<{ applyChecklistTemplate: ApplyAnswer }>(
      `mutation ($input: ApplyChecklistTemplateInput!) { applyChecklistTemplate(input: $input) {
        __typename
        ... on Error { message }
        ... on ChecklistTemplateApplication {
          message unchanged dependenciesAdded updatedCount keptCount unresolvedDependencies
          created { id ref title dueDate }
          removedFromTemplate { id ref title status }
        }
      } }`,
      {
        token: locals.token,
        variables: {
          input: {
            templateId: params.id,
            programmeId,
            ...(target === 'programme' ? {} : { serviceId: target }),
          },
        },
      },
    );
    if (answer.__typename !== 'ChecklistTemplateApplication') {
      return fail(400, { target, errors: [{ field: 'target', message: answer.message }] });
    }
    return { target, applied: answer };
  },
};
