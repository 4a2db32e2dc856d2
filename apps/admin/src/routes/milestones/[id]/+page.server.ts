import { error, fail } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { formatDate, humanise } from '$lib/format';
import {
  applyChoices,
  changedFields,
  fieldConflict,
  readWas,
  type ChoiceField,
  type FieldConflict,
} from '$lib/conflict';
import {
  parseDateParts,
  readDateParts,
  toDateParts,
  type DateError,
  type DateParts,
} from '$lib/date-input';
import { apiError, type FieldError } from '../../raid/form-errors';
import { RAGS, type Rag } from '../milestones';
import type { Actions, PageServerLoad } from './$types';

export interface Milestone {
  __typename: 'Milestone';
  id: string;
  name: string;
  description: string;
  critical: boolean;
  plannedDate: string;
  forecastDate: string | null;
  actualDate: string | null;
  slippageDays: number | null;
  rag: Rag;
  version: number;
  workstream: { name: string; lead: { name: string } | null } | null;
  viewerCanEdit: boolean;
  owner: { name: string } | null;
  service: { id: string; name: string } | null;
}

const FIELDS = `id name description critical plannedDate forecastDate actualDate slippageDays rag version
  workstream { name lead { name } } viewerCanEdit owner { name } service { id name }`;

/** The fields the form changes (all of them the owner's too): what a conflict compares and offers to choose. */
const FORM_FIELDS: ChoiceField[] = [
  { name: 'forecastDate', label: 'Forecast date', show: formatDate },
  { name: 'actualDate', label: 'Actual date', show: formatDate },
  { name: 'rag', label: 'RAG', show: humanise },
];

/** The values the form was loaded with, as the API writes them: only what the user changed is sent. */
function was(m: Pick<Milestone, 'forecastDate' | 'actualDate' | 'rag'>) {
  return { forecastDate: m.forecastDate ?? '', actualDate: m.actualDate ?? '', rag: m.rag as string };
}

export interface MilestoneFormValues {
  forecastDate: DateParts;
  actualDate: DateParts;
  rag: string;
}

interface DateErrors {
  forecastDate?: DateError | undefined;
  actualDate?: DateError | undefined;
}

type Failure = {
  values: MilestoneFormValues;
  errors: FieldError[];
  dateErrors: DateErrors;
  conflict?: FieldConflict;
};

/** Every role but VIEWER may own work; the API decides row by row (viewerCanEdit). */
const canEdit = (role: string | undefined) => role !== undefined && role !== 'VIEWER';

export const load: PageServerLoad = async ({ locals, params }) => {
  let data: { today: string; node: Milestone | { __typename: string } | null };
  try {
    data = await gql(
      `query ($id: ID!) { today node(id: $id) { __typename ... on Milestone { ${FIELDS} } } }`,
      {
        token: locals.token,
        variables: { id: params.id },
      },
    );
  } catch (e) {
    // A malformed ID is a page that does not exist, not a failure.
    if (e instanceof ApiError && /global ID/i.test(e.message)) error(404, 'Milestone not found');
    throw e;
  }
  const milestone = data.node?.__typename === 'Milestone' ? (data.node as Milestone) : null;
  if (!milestone) error(404, 'Milestone not found');
  return {
    today: data.today,
    milestone,
    // Its owner, a lead of its workstream or an ADMIN changes it (the API decides: viewerCanEdit).
    canEdit: canEdit(locals.viewer?.role) && milestone.viewerCanEdit,
    roleCanEdit: canEdit(locals.viewer?.role),
    was: was(milestone),
    values: {
      forecastDate: toDateParts(milestone.forecastDate),
      actualDate: toDateParts(milestone.actualDate),
      rag: milestone.rag,
    } satisfies MilestoneFormValues,
  };
};

type UpdateResult =
  | { __typename: 'Milestone'; version: number; rag: Rag }
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string }
  | { __typename: 'ForbiddenError'; message: string }
  | {
      __typename: 'ConflictError';
      message: string;
      currentVersion: number;
      current: Pick<Milestone, 'forecastDate' | 'actualDate' | 'rag'>;
    };

const API_FIELDS = {
  forecastDate: { id: 'forecastDate-day', label: 'Forecast date' },
  actualDate: { id: 'actualDate-day', label: 'Actual date' },
  rag: { id: 'rag', label: 'RAG' },
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values: MilestoneFormValues = {
      forecastDate: readDateParts(form, 'forecastDate'),
      actualDate: readDateParts(form, 'actualDate'),
      rag: formText(form, 'rag'),
    };
    if (!canEdit(locals.viewer?.role)) {
      return fail<Failure>(403, {
        values,
        errors: [{ field: 'forecastDate-day', message: 'Your role, VIEWER, reads milestones but changes none' }],
        dateErrors: {},
      });
    }

    const forecast = parseDateParts(values.forecastDate, 'forecastDate', 'Forecast date');
    const actual = parseDateParts(values.actualDate, 'actualDate', 'Actual date');
    const errors: FieldError[] = [];
    if (forecast.error) errors.push(forecast.error);
    if (actual.error) errors.push(actual.error);
    const rag = RAGS.find((r) => r === values.rag);
    if (!rag) errors.push({ field: 'rag', message: 'Select a RAG rating' });
    const dateErrors: DateErrors = { forecastDate: forecast.error, actualDate: actual.error };
    const version = Number(formText(form, 'version'));
    if (errors.length || !rag) return fail<Failure>(400, { values, errors, dateErrors });

    // Send only what changed (after a conflict, as chosen): setting or clearing the actual date also sets
    // the RAG (unless chosen).
    const loaded = readWas(form, FORM_FIELDS);
    const chosen = applyChoices(form, FORM_FIELDS, {
      forecastDate: forecast.value ?? '',
      actualDate: actual.value ?? '',
      rag,
    });
    const input: { forecastDate?: string | null; actualDate?: string | null; rag?: Rag } = {};
    for (const name of changedFields(FORM_FIELDS, loaded, chosen)) {
      if (name === 'rag') input.rag = chosen.rag as Rag;
      else input[name as 'forecastDate' | 'actualDate'] = chosen[name] || null;
    }
    if (Object.keys(input).length === 0) {
      return fail<Failure>(400, {
        values,
        errors: [
          { field: 'forecastDate-day', message: 'Change the forecast date, actual date or RAG, then save' },
        ],
        dateErrors,
      });
    }

    const { updateMilestone: result } = await gql<{ updateMilestone: UpdateResult }>(
      `mutation ($input: UpdateMilestoneInput!) {
        updateMilestone(input: $input) {
          __typename
          ... on Milestone { version rag }
          ... on Error { message }
          ... on ValidationError { field }
          ... on ConflictError { currentVersion current { ... on Milestone { forecastDate actualDate rag } } }
        }
      }`,
      {
        token: locals.token,
        variables: {
          input: {
            id: params.id,
            expectedVersion: Number.isInteger(version) ? version : 0,
            ...input,
          },
        },
      },
    );

    if (result.__typename === 'NotFoundError') error(404, 'Milestone not found');
    switch (result.__typename) {
      case 'Milestone':
        return { saved: true };
      case 'ValidationError': {
        const e = apiError(result, API_FIELDS, API_FIELDS.forecastDate);
        if (result.field === 'actualDate' && /future/.test(result.message)) {
          e.message = 'Actual date must be today or in the past';
        }
        const errs: DateErrors = {};
        if (result.field === 'forecastDate' || result.field === 'actualDate') {
          errs[result.field] = { ...e, parts: ['day', 'month', 'year'] };
        }
        return fail<Failure>(400, { values, errors: [e], dateErrors: errs });
      }
      case 'ForbiddenError':
        return fail<Failure>(403, {
          values,
          errors: [{ field: 'forecastDate-day', message: result.message }],
          dateErrors: {},
        });
      case 'ConflictError':
        return fail<Failure>(409, {
          values,
          errors: [],
          dateErrors: {},
          conflict: fieldConflict(result.currentVersion, FORM_FIELDS, loaded, was(result.current), chosen),
        });
    }
  },
};
