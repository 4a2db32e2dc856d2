import { fail, redirect } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formKey, newFormKey } from '$lib/server/idempotency';
import { formText } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';

interface Slip {
  baselineDate: string | null;
  currentDate: string | null;
  daysSlipped: number | null;
}
interface Compared {
  id: string;
  name: string;
  createdAt: string;
  itemSlippage: (Slip & { item: { id: string; ref: string; title: string } })[];
  milestoneSlippage: (Slip & { milestone: { id: string; name: string } })[];
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const data = await gql<{
    programmes: {
      edges: { node: { id: string; baselines: { id: string; name: string; createdAt: string }[] } }[];
    };
  }>(programmeQuery('baselines { id name createdAt }'), { token: locals.token });
  const programme = firstProgramme(data);
  const chosen = url.searchParams.get('baseline') ?? programme.baselines[0]?.id ?? null;
  let compared: Compared | null = null;
  if (chosen && programme.baselines.some((b) => b.id === chosen)) {
    const res = await gql<{ node: Compared | null }>(
      `query ($id: ID!) { node(id: $id) { ... on PlanBaseline { id name createdAt
        itemSlippage(slippedOnly: true) { item { id ref title } baselineDate currentDate daysSlipped }
        milestoneSlippage(slippedOnly: true) { milestone { id name } baselineDate currentDate daysSlipped } } } }`,
      { token: locals.token, variables: { id: chosen } },
    );
    compared = res.node;
  }
  return {
    programmeId: programme.id,
    baselines: programme.baselines,
    compared,
    canSave: locals.viewer!.role === 'ADMIN',
    saved: url.searchParams.get('saved') === '1',
    formKey: newFormKey(),
  };
};

export const actions: Actions = {
  save: async ({ request, locals }) => {
    const form = await request.formData();
    const name = formText(form, 'name');
    if (locals.viewer!.role !== 'ADMIN') {
      return fail(403, { errors: [{ field: 'name', message: 'Only an admin can save a baseline' }], name });
    }
    if (!name)
      return fail(400, { errors: [{ field: 'name', message: 'Enter a name for the baseline' }], name });
    const { saveBaseline: result } = await gql<{
      saveBaseline: { __typename: 'PlanBaseline'; id: string } | { __typename: string; message: string };
    }>(
      `mutation ($input: SaveBaselineInput!, $key: String) { saveBaseline(input: $input, idempotencyKey: $key) { __typename ... on PlanBaseline { id } ... on Error { message } } }`,
      {
        token: locals.token,
        variables: { input: { programmeId: formText(form, 'programmeId'), name }, key: formKey(form) },
      },
    );
    if (result.__typename === 'PlanBaseline' && 'id' in result) {
      redirect(303, `/plan/baselines?baseline=${encodeURIComponent(result.id)}&saved=1`);
    }
    const message =
      'message' in result ? result.message.replace(/^[\w.[\]]+: /, '') : 'The baseline was not saved';
    return fail(400, { errors: [{ field: 'name', message: `Name: ${message}` }], name });
  },
};
