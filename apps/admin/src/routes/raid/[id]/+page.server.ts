import { error, fail } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import {
  applyChoices,
  changedFields,
  conflict,
  fieldConflict,
  readSnapshot,
  readWas,
  type Conflict,
  type FieldConflict,
} from '$lib/conflict';
import type { DateError } from '$lib/date-input';
import { apiError, type FieldError } from '../form-errors';
import { raidFormOptions } from '../options.server';
import { RAID_ITEM_FIELDS, type RaidFormValues, type RaidItem } from '../raid';
import {
  API_FIELDS,
  RAID_FIELDS,
  checkRaidForm,
  inputAsText,
  itemAsText,
  readRaidForm,
  snapshotOf,
  textAsInput,
  valuesFromItem,
} from '../raid-form.server';

/** Every role but VIEWER may own work; the API decides, item by item, what the viewer may change. */
const canEdit = (role: string | undefined): boolean => role !== undefined && role !== 'VIEWER';
import type { Actions, PageServerLoad } from './$types';

type Failure = {
  values?: RaidFormValues;
  errors: FieldError[];
  dueDateError?: DateError | undefined;
  conflict?: Conflict | FieldConflict;
  /** Which form the failure is about. */
  closing?: boolean;
};

/** The item, whether the viewer may change it, and who leads its workstream (for the read-only message). */
type RaidItemAccess = RaidItem & {
  viewerCanEdit: boolean;
  viewerEditableFields: string[];
  workstream: { id: string; name: string; lead: { name: string } | null } | null;
};

async function loadItem(token: string | null, id: string): Promise<RaidItemAccess> {
  let data: { node: RaidItemAccess | { __typename: string } | null };
  try {
    data = await gql(
      `query ($id: ID!) { node(id: $id) { __typename ... on RaidItem { ${RAID_ITEM_FIELDS}
        viewerCanEdit viewerEditableFields workstream { id name lead { name } } } } }`,
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
    // Its owner, a lead of its workstream or an ADMIN (the API decides: viewerCanEdit, viewerEditableFields).
    canEdit: roleCanEdit && item.viewerCanEdit,
    ownerOnly: !item.viewerEditableFields.includes('title'),
    was: itemAsText(item),
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
        errors: [{ field: 'title', message: 'Your role, VIEWER, reads the RAID log but changes nothing' }],
      });
    }
    const checked = checkRaidForm(values, { create: false });
    if (!checked.input)
      return fail<Failure>(400, { values, errors: checked.errors, dueDateError: checked.dueDateError });

    // Only what changed (after a conflict, as the user chose field by field): an owner changes only theirs.
    const loaded = readWas(form, RAID_FIELDS);
    const chosen = applyChoices(form, RAID_FIELDS, inputAsText(checked.input));
    const changed = changedFields(RAID_FIELDS, loaded, chosen);
    if (changed.length === 0) {
      return fail<Failure>(400, {
        values,
        errors: [{ field: 'status', message: 'Change something, then save' }],
      });
    }
    const input = Object.fromEntries(changed.map((name) => [name, textAsInput(name, chosen[name]!)]));
    const { updateRaidItem: result } = await gql<{ updateRaidItem: WriteResult }>(
      `mutation ($input: UpdateRaidItemInput!) { updateRaidItem(input: $input) { ${RESULT} } }`,
      {
        token: locals.token,
        variables: { input: { id: params.id, expectedVersion: version(form), ...input } },
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
      case 'ConflictError': {
        const options = await raidFormOptions(locals.token);
        const names = new Map([...options.workstreams, ...options.organisations].map((o) => [o.id, o.name]));
        const byName = (id: string) => (id ? (names.get(id) ?? id) : 'None');
        const fields = RAID_FIELDS.map((f) =>
          f.name === 'workstreamId' || f.name === 'ownerOrganisationId' ? { ...f, show: byName } : f,
        );
        return fail<Failure>(409, {
          values,
          errors: [],
          conflict: fieldConflict(result.currentVersion, fields, loaded, itemAsText(result.now), chosen),
        });
      }
    }
  },

  close: async ({ request, locals, params }) => {
    const form = await request.formData();
    if (!canEdit(locals.viewer?.role)) {
      return fail<Failure>(403, {
        closing: true,
        errors: [{ field: 'close', message: 'Your role, VIEWER, reads the RAID log but closes nothing' }],
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
