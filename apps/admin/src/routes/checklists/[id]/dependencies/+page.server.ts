import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';

interface Ref {
  id: string;
  ref: string;
  title: string;
  status: string;
}
interface Item extends Ref {
  version: number;
  viewerCanEdit: boolean;
  dependsOn: Ref[];
}

async function loadItem(token: string | null, id: string): Promise<Item> {
  try {
    const data = await gql<{ node: Item | Record<string, never> | null }>(
      `query ($id: ID!) { node(id: $id) { ... on ChecklistItem { id ref title status version viewerCanEdit dependsOn { id ref title status } } } }`,
      { token, variables: { id } },
    );
    const node = data.node;
    if (!node || !('ref' in node)) error(404, 'Checklist item not found');
    return node as Item;
  } catch (e) {
    if (e instanceof ApiError && e.codes.includes('BAD_USER_INPUT')) error(404, 'Checklist item not found');
    throw e;
  }
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const item = await loadItem(locals.token, params.id);
  return {
    item,
    canWrite: ['ADMIN', 'EDITOR'].includes(locals.viewer!.role) && item.viewerCanEdit,
    saved: url.searchParams.get('saved'),
  };
};

type Result = { __typename: 'ChecklistItem' } | { __typename: string; message: string };

async function change(
  name: 'addChecklistDependency' | 'removeChecklistDependency',
  token: string | null,
  input: { itemId: string; dependsOnId: string; expectedVersion: number },
): Promise<Result> {
  const data = await gql<Record<string, Result>>(
    `mutation ($input: ChecklistDependencyInput!) { ${name}(input: $input) { __typename ... on Error { message } } }`,
    { token, variables: { input } },
  );
  return data[name]!;
}

const clean = (message: string) => message.replace(/^[\w.[\]]+: /, '');

export const actions: Actions = {
  add: async ({ request, locals, params }) => {
    const form = await request.formData();
    const ref = formText(form, 'ref');
    if (!ref)
      return fail(400, {
        errors: [
          { field: 'ref', message: 'Enter the reference of the item it waits on, for example ICT-013' },
        ],
        ref,
      });
    const found = await gql<{
      programmes: {
        edges: { node: { checklistItems: { edges: { node: { id: string; ref: string } }[] } } }[];
      };
    }>(
      programmeQuery(
        'checklistItems(first: 20, filter: { search: $ref }) { edges { node { id ref } } }',
        '$ref: String',
      ),
      { token: locals.token, variables: { ref } },
    );
    const target = firstProgramme(found).checklistItems.edges.find(
      (e) => e.node.ref.toLowerCase() === ref.toLowerCase(),
    );
    if (!target)
      return fail(400, {
        errors: [{ field: 'ref', message: `No checklist item has the reference ${ref}` }],
        ref,
      });
    const result = await change('addChecklistDependency', locals.token, {
      itemId: params.id,
      dependsOnId: target.node.id,
      expectedVersion: Number(formText(form, 'expectedVersion')),
    });
    if (result.__typename === 'ChecklistItem')
      redirect(303, `/checklists/${encodeURIComponent(params.id)}/dependencies?saved=added`);
    const message = 'message' in result ? clean(result.message) : 'The dependency was not added';
    return fail(result.__typename === 'ConflictError' ? 409 : 400, {
      errors: [{ field: 'ref', message: `It cannot wait on ${target.node.ref}: ${message}` }],
      ref,
    });
  },
  remove: async ({ request, locals, params }) => {
    const form = await request.formData();
    const result = await change('removeChecklistDependency', locals.token, {
      itemId: params.id,
      dependsOnId: formText(form, 'dependsOnId'),
      expectedVersion: Number(formText(form, 'expectedVersion')),
    });
    if (result.__typename === 'ChecklistItem')
      redirect(303, `/checklists/${encodeURIComponent(params.id)}/dependencies?saved=removed`);
    return fail(400, {
      errors: [{ field: 'ref', message: 'message' in result ? clean(result.message) : 'Not removed' }],
      ref: '',
    });
  },
};
