import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { humanise } from '$lib/format';
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
  service: { id: string; name: string } | null;
  dependsOn: Ref[];
  blockedBy: Ref[];
  blockingChain: Ref[];
  dependents: Ref[];
}

const ITEM_FIELDS = `id ref title description status dueDate forecastDate durationDays overdue dayOneCritical ownerOrg owner { id name } evidence version updatedAt
  workstream { name lead { name } } viewerCanEdit service { id name } dependsOn { id ref title status } blockedBy { id ref title status } blockingChain { id ref title status } dependents { id ref title status }`;

const CAN_WRITE = ['ADMIN', 'EDITOR'];

export const load: PageServerLoad = async ({ locals, params, url }) => {
  let data: {
    node: (ChecklistItemDetail & { attachedEvidence: Evidence[] }) | Record<string, never> | null;
    users: { id: string; name: string }[];
  };
  try {
    data = await gql(
      `query ($id: ID!) { users { id name } node(id: $id) { ... on ChecklistItem { ${ITEM_FIELDS} attachedEvidence { ${EVIDENCE_FIELDS} } } } }`,
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
    item: data.node,
    users: data.users,
    // An EDITOR changes only the items of the workstreams they lead (the API decides: viewerCanEdit).
    canWrite: CAN_WRITE.includes(locals.viewer!.role) && data.node.viewerCanEdit,
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
        errors: [{ field: 'status', message: 'Your role can read checklists but not change them' }],
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
    if (!(STATUSES as readonly string[]).includes(values.status))
      errors.push({ field: 'status', message: 'Select a status' });
    if (!(OWNER_ORGS as readonly string[]).includes(values.ownerOrg)) {
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
    // A post without these fields (an older form) leaves them as they are.
    const hasForecast = form.has('forecastDate-day');
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

    const loaded = {
      status: formText(form, 'loaded-status'),
      ownerName: formText(form, 'loaded-ownerName'),
      ownerOrg: formText(form, 'loaded-ownerOrg'),
      dueDate: formText(form, 'loaded-dueDate'),
      forecastDate: formText(form, 'loaded-forecastDate'),
      durationDays: formText(form, 'loaded-durationDays'),
      evidence: formText(form, 'loaded-evidence'),
    };

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
      {
        token: locals.token,
        variables: {
          input: {
            id: params.id,
            expectedVersion,
            status: values.status,
            ownerId: values.ownerId || null,
            ownerOrg: values.ownerOrg,
            dueDate: due.value,
            ...(hasForecast ? { forecastDate: forecast.value } : {}),
            ...(hasDuration ? { durationDays: Number(values.durationDays) } : {}),
            evidence: values.evidence
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean),
          },
        },
      },
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
        const now = result.current;
        const changes = [
          { label: 'Status', loaded: humanise(loaded.status), current: humanise(now.status) },
          { label: 'Owner', loaded: loaded.ownerName, current: now.owner?.name ?? '' },
          { label: 'Owner organisation', loaded: humanise(loaded.ownerOrg), current: humanise(now.ownerOrg) },
          { label: 'Due date', loaded: loaded.dueDate, current: now.dueDate ?? '' },
          ...(hasForecast
            ? [{ label: 'Forecast date', loaded: loaded.forecastDate, current: now.forecastDate ?? '' }]
            : []),
          ...(hasDuration
            ? [
                {
                  label: 'Duration (working days)',
                  loaded: loaded.durationDays,
                  current: String(now.durationDays),
                },
              ]
            : []),
          { label: 'Evidence notes', loaded: loaded.evidence, current: now.evidence.join('\n') },
        ].filter((c) => c.loaded !== c.current);
        return fail(409, {
          values,
          conflict: { changes, version: result.currentVersion, snapshot: {}, current: now },
        });
      }
    }
  },
};
