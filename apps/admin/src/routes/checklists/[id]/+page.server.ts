import { error, fail, redirect } from '@sveltejs/kit';
import { newFormKey } from '$lib/server/idempotency';
import { ApiError, gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { formatDate, humanise } from '$lib/format';
import { applyChoices, changedFields, fieldConflict, readWas, type ChoiceField } from '$lib/conflict';
import type { Actions, PageServerLoad } from './$types';
import { OWNER_ORGS, STATUSES } from '$lib/checklist';
import { readDateInput } from '$lib/server/dates';
import {
  EVIDENCE_FIELDS,
  addEvidenceAction,
  removeEvidenceAction,
  type Evidence,
} from '$lib/server/evidence';

interface Ref {
  id: string;
  ref: string;
  title: string;
  status: string;
}
export interface ChecklistItemDetail {
  id: string;
  ref: string;
  title: string;
  description: string;
  status: string;
  dueDate: string | null;
  forecastDate: string | null;
  durationDays: number;
  overdue: boolean;
  dayOneCritical: boolean;
  ownerOrg: string;
  owner: { id: string; name: string } | null;
  evidence: string[];
  version: number;
  updatedAt: string;
  workstream: { name: string; lead: { name: string } | null };
  viewerCanEdit: boolean;
  viewerEditableFields: string[];
  service: { id: string; name: string } | null;
  dependsOn: Ref[];
  blockedBy: Ref[];
  blockingChain: Ref[];
  dependents: Ref[];
}

const ITEM_FIELDS = `id ref title description status dueDate forecastDate durationDays overdue dayOneCritical ownerOrg owner { id name } evidence version updatedAt
  workstream { name lead { name } } viewerCanEdit viewerEditableFields service { id name } dependsOn { id ref title status } blockedBy { id ref title status } blockingChain { id ref title status } dependents { id ref title status }`;

/** Every role but VIEWER may own work; the API decides, item by item, what the viewer may change. */
const CAN_WRITE = ['ADMIN', 'EDITOR', 'HR'];

/** The form's fields, as the API names them: what is sent when changed, and chosen after a conflict. */
const FORM_FIELDS: ChoiceField[] = [
  { name: 'status', label: 'Status', show: humanise },
  { name: 'ownerId', label: 'Owner' },
  { name: 'ownerOrg', label: 'Owner organisation', show: (o) => (o === 'DFE' ? 'DfE' : humanise(o)) },
  { name: 'dueDate', label: 'Due date', show: formatDate },
  { name: 'forecastDate', label: 'Forecast date', show: formatDate },
  { name: 'durationDays', label: 'Duration (working days)' },
  { name: 'evidence', label: 'Evidence notes' },
];

/** The posted form's input for each field, by the name of its first input. */
const INPUT_OF: Record<string, string> = {
  status: 'status',
  ownerId: 'ownerId',
  ownerOrg: 'ownerOrg',
  dueDate: 'dueDate-day',
  forecastDate: 'forecastDate-day',
  durationDays: 'durationDays',
  evidence: 'evidence',
};

const evidenceText = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

/** An item's values as the form's fields carry them (the API's, as text). */
function wasOf(i: ChecklistItemDetail): Record<string, string> {
  return {
    status: i.status,
    ownerId: i.owner?.id ?? '',
    ownerOrg: i.ownerOrg,
    dueDate: i.dueDate ?? '',
    forecastDate: i.forecastDate ?? '',
    durationDays: String(i.durationDays),
    evidence: i.evidence.join('\n'),
  };
}

/** The users an item may be given to: never a VIEWER (ownership.ts of domain). */
async function owners(token: string | null): Promise<{ id: string; name: string }[]> {
  const data = await gql<{ users: { id: string; name: string; canOwnWork: boolean }[] }>(
    '{ users { id name canOwnWork } }',
    { token },
  );
  return data.users.filter((u) => u.canOwnWork).map(({ id, name }) => ({ id, name }));
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  let data: {
    node: (ChecklistItemDetail & { attachedEvidence: Evidence[] }) | Record<string, never> | null;
    users: { id: string; name: string; canOwnWork: boolean }[];
  };
  try {
    data = await gql(
      `query ($id: ID!) { users { id name canOwnWork } node(id: $id) { ... on ChecklistItem { ${ITEM_FIELDS} attachedEvidence { ${EVIDENCE_FIELDS} } } } }`,
      {
        token: locals.token,
        variables: { id: params.id },
      },
    );
  } catch (e) {
    if (e instanceof ApiError && e.codes.includes('BAD_USER_INPUT')) error(404, 'Checklist item not found');
    throw e;
  }
  if (!data.node || !('ref' in data.node)) error(404, 'Checklist item not found');
  return {
    // The evidence forms' idempotency key: new with each render.
    formKey: newFormKey(),
    item: data.node,
    // The owner picker never offers a VIEWER.
    users: data.users.filter((u) => u.canOwnWork).map(({ id, name }) => ({ id, name })),
    // Its owner, a lead of its workstream or an ADMIN (the API decides: viewerCanEdit, viewerEditableFields).
    canWrite: CAN_WRITE.includes(locals.viewer!.role) && data.node.viewerCanEdit,
    editable: data.node.viewerEditableFields,
    was: wasOf(data.node as ChecklistItemDetail),
    roleCanWrite: CAN_WRITE.includes(locals.viewer!.role),
    saved: url.searchParams.get('saved') === '1',
    evidenceSaved:
      (['added', 'removed'] as const).find((o) => url.searchParams.get('evidence') === o) ?? null,
  };
};

type UpdateResult =
  | ({ __typename: 'ChecklistItem' } & ChecklistItemDetail)
  | { __typename: 'ValidationError'; message: string; field: string }
  | { __typename: 'NotFoundError'; message: string }
  | { __typename: 'ForbiddenError'; message: string }
  | { __typename: 'ConflictError'; message: string; currentVersion: number; current: ChecklistItemDetail };

/** Where an API field's error shows on the form. */
const FIELD_IDS: Record<string, string> = {
  status: 'status',
  ownerId: 'ownerId',
  ownerOrg: 'ownerOrg',
  dueDate: 'dueDate-day',
  forecastDate: 'forecastDate-day',
  durationDays: 'durationDays',
};

export interface Values {
  status: string;
  ownerId: string;
  ownerOrg: string;
  dueDay: string;
  dueMonth: string;
  dueYear: string;
  forecastDay: string;
  forecastMonth: string;
  forecastYear: string;
  durationDays: string;
  evidence: string;
}

/** The largest duration the API takes, in working days. */
const MAX_DURATION = 1000;

/** After adding or removing evidence: the item again, saying so. */
const evidenceDone = (id: string) => (outcome: 'added' | 'removed') =>
  `/checklists/${encodeURIComponent(id)}?evidence=${outcome}`;

export const actions: Actions = {
  addEvidence: (event) =>
    addEvidenceAction(
      event,
      () => ({ key: 'item', checklistItemId: event.params.id }),
      evidenceDone(event.params.id),
    ),
  removeEvidence: (event) => removeEvidenceAction(event, () => 'item', evidenceDone(event.params.id)),
  update: async ({ request, locals, params }) => {
    if (!CAN_WRITE.includes(locals.viewer!.role)) {
      return fail(403, {
        errors: [{ field: 'status', message: 'Your role, VIEWER, reads checklists but changes none' }],
      });
    }
    const form = await request.formData();
    const values: Values = {
      status: formText(form, 'status'),
      ownerId: formText(form, 'ownerId'),
      ownerOrg: formText(form, 'ownerOrg'),
      dueDay: formText(form, 'dueDate-day'),
      dueMonth: formText(form, 'dueDate-month'),
      dueYear: formText(form, 'dueDate-year'),
      forecastDay: formText(form, 'forecastDate-day'),
      forecastMonth: formText(form, 'forecastDate-month'),
      forecastYear: formText(form, 'forecastDate-year'),
      durationDays: formText(form, 'durationDays'),
      evidence: formText(form, 'evidence'),
    };
    const expectedVersion = Number(formText(form, 'expectedVersion'));
    const errors: { field: string; message: string }[] = [];
    if (form.has('status') && !(STATUSES as readonly string[]).includes(values.status))
      errors.push({ field: 'status', message: 'Select a status' });
    if (form.has('ownerOrg') && !(OWNER_ORGS as readonly string[]).includes(values.ownerOrg)) {
      errors.push({ field: 'ownerOrg', message: 'Select the owner organisation' });
    }
    const due = readDateInput('Due date', values.dueDay, values.dueMonth, values.dueYear);
    if (due.error) errors.push({ field: 'dueDate-day', message: due.error });
    const forecast = readDateInput(
      'Forecast date',
      values.forecastDay,
      values.forecastMonth,
      values.forecastYear,
    );
    if (forecast.error) errors.push({ field: 'forecastDate-day', message: forecast.error });
    // A post without these fields (an owner's form, or an older one) leaves them as they are.
    const hasDuration = form.has('durationDays');
    if (hasDuration && !values.durationDays) {
      errors.push({ field: 'durationDays', message: 'Enter the duration in working days' });
    } else if (
      hasDuration &&
      (!/^\d+$/.test(values.durationDays) || Number(values.durationDays) > MAX_DURATION)
    ) {
      errors.push({
        field: 'durationDays',
        message: `Duration must be a whole number of working days, from 0 to ${MAX_DURATION}`,
      });
    }
    if (errors.length) return fail(400, { errors, values });

    // Only the fields the form holds (an owner's holds the owner's fields), and of those only what changed:
    // after a conflict, as the user chose field by field.
    const fields = FORM_FIELDS.filter((f) => form.has(INPUT_OF[f.name]!));
    const loaded = readWas(form, fields);
    const chosen = applyChoices(form, fields, {
      status: values.status,
      ownerId: values.ownerId,
      ownerOrg: values.ownerOrg,
      dueDate: due.value ?? '',
      forecastDate: forecast.value ?? '',
      durationDays: values.durationDays,
      evidence: evidenceText(values.evidence),
    });
    const changed = changedFields(fields, loaded, chosen);
    if (changed.length === 0) {
      return fail(400, { errors: [{ field: 'status', message: 'Change something, then save' }], values });
    }
    const input: Record<string, unknown> = {};
    for (const name of changed) {
      const v = chosen[name]!;
      input[name] =
        name === 'durationDays'
          ? Number(v)
          : name === 'evidence'
            ? v.split('\n').filter(Boolean)
            : name === 'status' || name === 'ownerOrg'
              ? v
              : v || null;
    }

    const { updateChecklistItem: result } = await gql<{ updateChecklistItem: UpdateResult }>(
      `mutation ($input: UpdateChecklistItemInput!) {
        updateChecklistItem(input: $input) {
          __typename
          ... on ChecklistItem { id version }
          ... on Error { message }
          ... on ValidationError { field }
          ... on ConflictError { currentVersion current { ... on ChecklistItem { ${ITEM_FIELDS} } } }
        }
      }`,
      { token: locals.token, variables: { input: { id: params.id, expectedVersion, ...input } } },
    );

    switch (result.__typename) {
      case 'ChecklistItem':
        redirect(303, `/checklists/${encodeURIComponent(params.id)}?saved=1`);
      // eslint-disable-next-line no-fallthrough
      case 'ValidationError': {
        const field =
          FIELD_IDS[result.field] ?? (result.field.startsWith('evidence') ? 'evidence' : 'status');
        return fail(400, {
          errors: [{ field, message: result.message.replace(/^[\w.[\]]+: /, '') }],
          values,
        });
      }
      case 'ForbiddenError':
        return fail(403, { errors: [{ field: 'status', message: result.message }], values });
      case 'NotFoundError':
        error(404, 'Checklist item not found');
      // eslint-disable-next-line no-fallthrough
      case 'ConflictError': {
        const names = new Map((await owners(locals.token)).map((u) => [u.id, u.name]));
        if (result.current.owner) names.set(result.current.owner.id, result.current.owner.name);
        const shown = fields.map((f) =>
          f.name === 'ownerId'
            ? { ...f, show: (id: string) => (id ? (names.get(id) ?? 'Someone') : 'Nobody') }
            : f,
        );
        return fail(409, {
          values,
          conflict: fieldConflict(result.currentVersion, shown, loaded, wasOf(result.current), chosen),
        });
      }
    }
  },
};
