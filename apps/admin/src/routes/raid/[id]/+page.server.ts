import { error, fail } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { conflict, readSnapshot, type Conflict } from '$lib/conflict';
import type { DateError } from '$lib/date-input';
import { apiError, type FieldError } from '../form-errors';
import { canEdit, raidFormOptions } from '../options.server';
import { RAID_ITEM_FIELDS, type RaidFormValues, type RaidItem } from '../raid';
import { API_FIELDS, checkRaidForm, readRaidForm, snapshotOf, valuesFromItem } from '../raid-form.server';
import type { Actions, PageServerLoad } from './$types';

type Failure = {
  values?: RaidFormValues;
  errors: FieldError[];
  dueDateError?: DateError | undefined;
  conflict?: Conflict;
  /** Which form the failure is about. */
  closing?: boolean;
};

/** The item, whether the viewer may change it, and who leads its workstream (for the read-only message). */
type RaidItemAccess = RaidItem & {
  viewerCanEdit: boolean;
  workstream: { id: string; name: string; lead: { name: string } | null } | null;
};

async function loadItem(token: string | null, id: string): Promise<RaidItemAccess> {
  let data: { node: RaidItemAccess | { __typename: string } | null };
  try {
    data = await gql(
      `query ($id: ID!) { node(id: $id) { __typename ... on RaidItem { ${RAID_ITEM_FIELDS}
        viewerCanEdit workstream { id name lead { name } } } } }`,
      {
        token,
        variables: { id },
      },
    );
  } catch (e) {
    // A malformed ID is a page that does not exist, not a failure.
    if (e instanceof ApiError && /global ID/i.test(e.message)) error(404, 'RAID item not found');
    throw e;
  }
  if (data.node?.__typename !== 'RaidItem') error(404, 'RAID item not found');
  return data.node as RaidItemAccess;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const roleCanEdit = canEdit(locals.viewer?.role);
  const [item, options] = await Promise.all([
    loadItem(locals.token, params.id),
    roleCanEdit ? raidFormOptions(locals.token) : null,
  ]);
  return {
    item,
    // An EDITOR changes only the items of the workstreams they lead (the API decides: viewerCanEdit).
    canEdit: roleCanEdit && item.viewerCanEdit,
    roleCanEdit,
    created: url.searchParams.has('created'),
    workstreams: options?.workstreams ?? [],
    organisations: options?.organisations ?? [],
    values: valuesFromItem(item),
    loaded: JSON.stringify(snapshotOf(item)),
  };
};

type WriteResult =
  | RaidItem
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string }
  | { __typename: 'ForbiddenError'; message: string }
  | { __typename: 'ConflictError'; message: string; currentVersion: number; now: RaidItem };

const RESULT = `
  __typename
  ... on RaidItem { ${RAID_ITEM_FIELDS} }
  ... on Error { message }
  ... on ValidationError { field }
  ... on ConflictError { currentVersion now: current { ... on RaidItem { ${RAID_ITEM_FIELDS} } } }`;

const version = (form: FormData) => {
  const n = Number(formText(form, 'version'));
  return Number.isInteger(n) ? n : 0;
};

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = readRaidForm(form);
    if (!canEdit(locals.viewer?.role)) {
      return fail<Failure>(403, {
        values,
        errors: [{ field: 'title', message: 'You do not have permission to change the RAID log' }],
      });
    }
    const checked = checkRaidForm(values, { create: false });
    if (!checked.input)
      return fail<Failure>(400, { values, errors: checked.errors, dueDateError: checked.dueDateError });

    const { updateRaidItem: result } = await gql<{ updateRaidItem: WriteResult }>(
      `mutation ($input: UpdateRaidItemInput!) { updateRaidItem(input: $input) { ${RESULT} } }`,
      {
        token: locals.token,
        variables: { input: { id: params.id, expectedVersion: version(form), ...checked.input } },
      },
    );
    if (result.__typename === 'NotFoundError') error(404, 'RAID item not found');
    switch (result.__typename) {
      case 'RaidItem':
        return { saved: true, ref: result.ref, current: result.current };
      case 'ValidationError': {
        const e = apiError(result, API_FIELDS, API_FIELDS.title!);
        return fail<Failure>(400, {
          values,
          errors: [e],
          dueDateError: result.field === 'dueDate' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
        });
      }
      case 'ForbiddenError':
        return fail<Failure>(403, { values, errors: [{ field: 'title', message: result.message }] });
      case 'ConflictError':
        return fail<Failure>(409, {
          values,
          errors: [],
          conflict: conflict(result.currentVersion, readSnapshot(form), snapshotOf(result.now)),
        });
    }
  },

  close: async ({ request, locals, params }) => {
    const form = await request.formData();
    if (!canEdit(locals.viewer?.role)) {
      return fail<Failure>(403, {
        closing: true,
        errors: [{ field: 'close', message: 'You do not have permission to close RAID items' }],
      });
    }
    const { closeRaidItem: result } = await gql<{ closeRaidItem: WriteResult }>(
      `mutation ($input: CloseRaidItemInput!) { closeRaidItem(input: $input) { ${RESULT} } }`,
      { token: locals.token, variables: { input: { id: params.id, expectedVersion: version(form) } } },
    );
    if (result.__typename === 'NotFoundError') error(404, 'RAID item not found');
    switch (result.__typename) {
      case 'RaidItem':
        return { closed: true, ref: result.ref };
      case 'ValidationError':
      case 'ForbiddenError':
        return fail<Failure>(result.__typename === 'ForbiddenError' ? 403 : 400, {
          closing: true,
          errors: [{ field: 'close', message: result.message }],
        });
      case 'ConflictError':
        return fail<Failure>(409, {
          closing: true,
          errors: [],
          conflict: conflict(result.currentVersion, readSnapshot(form), snapshotOf(result.now)),
        });
    }
  },
};
