import { error, fail } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { conflict, readSnapshot, type Conflict } from '$lib/conflict';
import type { Actions, PageServerLoad } from './$types';
import { globalId, hrOnly } from '../../people.server';
import { dateField } from '../../tupe.server';
import type { DatePart } from '$lib/date-input';
import { decisionLabel, tupeLabel } from '../../people';

export interface DecisionRecord {
  decision: string;
  timeOnServicePercent: number | null;
  roleNote: string;
  chargedTo: string;
  rationale: string;
  source: string;
  decidedBy: { name: string } | null;
  decidedAt: string;
}

export interface Appeal {
  lodgedOn: string;
  soughtDecision: string;
  outcome: string;
  outcomeOn: string | null;
  note: string;
}

export interface HistoryEvent {
  occurredAt: string;
  kind: string;
  actorEmail: string | null;
  actorRole: string | null;
  operation: string | null;
  fields: string[];
  reason: string | null;
}

export interface EmployeeRecord {
  __typename: 'Employee';
  id: string;
  version: number;
  payrollNumber: string;
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  niNumber: string | null;
  salary: number | null;
  pensionScheme: string;
  pensionNumber: string | null;
  startDate: string;
  continuousServiceDate: string;
  contractType: string;
  fte: number;
  tupeStatus: string;
  assignmentDecision: string | null;
  assignmentRationale: string | null;
  objectionReceivedOn: string | null;
  objectionWithdrawnOn: string | null;
  objectionNote: string | null;
  redeployedOn: string | null;
  redeploymentNote: string | null;
  leftOn: string | null;
  leavingNote: string | null;
  transferredAt: string | null;
  employmentEndedAt: string | null;
  employmentEndReason: string | null;
  assignmentHistory: DecisionRecord[];
  appeals: Appeal[];
  history: { totalCount: number; edges: { node: HistoryEvent }[] };
  post: {
    id: string;
    postNumber: string;
    title: string;
    grade: string;
    fte: number;
    costCentre: string;
    team: { name: string; service: { id: string; name: string } };
  } | null;
}

const QUERY = `query ($id: ID!) { node(id: $id) { __typename ... on Employee {
  id version payrollNumber firstName lastName dateOfBirth niNumber salary pensionScheme pensionNumber
  startDate continuousServiceDate contractType fte tupeStatus assignmentDecision assignmentRationale
  objectionReceivedOn objectionWithdrawnOn objectionNote redeployedOn redeploymentNote leftOn leavingNote transferredAt
  employmentEndedAt employmentEndReason
  assignmentHistory { decision timeOnServicePercent roleNote chargedTo rationale source decidedBy { name } decidedAt }
  appeals { lodgedOn soughtDecision outcome outcomeOn note }
  history(first: 50) { totalCount edges { node { occurredAt kind actorEmail actorRole operation fields reason } } }
  post { id postNumber title grade fte costCentre team { name service { id name } } }
} } }`;

const isEmployee = (node: { __typename: string } | null): node is EmployeeRecord =>
  node?.__typename === 'Employee';

/** What the decision form shows of the record: compared when someone else changed it meanwhile. */
const snapshotOf = (e: {
  tupeStatus: string;
  assignmentDecision: string | null;
  assignmentRationale: string | null;
}) => ({
  'TUPE status': tupeLabel(e.tupeStatus),
  'Assignment decision': decisionLabel(e.assignmentDecision),
  'Assignment rationale': e.assignmentRationale ?? '',
});

export const load: PageServerLoad = async ({ locals, params }) => {
  const id = globalId(params.id, 'Employee');
  if (!id) error(404, 'There is no such employee');
  const { node } = await hrOnly(
    gql<{ node: EmployeeRecord | { __typename: string } | null }>(QUERY, {
      token: locals.token,
      variables: { id },
    }),
  );
  if (!isEmployee(node)) error(404, 'There is no such employee');
  return { employee: node, loaded: JSON.stringify(snapshotOf(node)) };
};

// ---- The forms: each one mutation of the TUPE workflow ----

type FormName = 'decide' | 'appeal' | 'objection' | 'withdraw' | 'redeploy' | 'leaver';

interface Failure {
  form: FormName;
  /** `parts`: for a date, the fields of its GOV.UK date input to show as wrong. */
  errors: { field: string; message: string; parts?: DatePart[] }[];
  values: Record<string, string>;
  conflict?: Conflict;
}

/** The API's field names, as the id of the input on this page and the words the user reads. */
const FIELDS: Record<string, { id: string; label: string }> = {
  decision: { id: 'decision', label: 'Decision' },
  timeOnServicePercent: { id: 'timeOnServicePercent', label: 'Share of time on the transferring service' },
  roleNote: { id: 'roleNote', label: 'Role and duties' },
  chargedTo: { id: 'chargedTo', label: 'Where the post is charged' },
  rationale: { id: 'rationale', label: 'Rationale' },
  lodgedOn: { id: 'lodgedOn-day', label: 'Date lodged' },
  soughtDecision: { id: 'soughtDecision', label: 'What the appeal asks for' },
  outcome: { id: 'outcome', label: 'Outcome' },
  outcomeOn: { id: 'outcomeOn-day', label: 'Date of the outcome' },
  note: { id: 'note', label: 'Note' },
  receivedOn: { id: 'receivedOn-day', label: 'Date received' },
  withdrawnOn: { id: 'withdrawnOn-day', label: 'Date withdrawn' },
  redeployedOn: { id: 'redeployedOn-day', label: 'Date redeployed' },
  newRole: { id: 'newRole', label: 'New role and where' },
  leftOn: { id: 'leftOn-day', label: 'Leaving date' },
};

/** Where a refusal that names no input of the form (the employee's state) is linked: the form's first input. */
const FIRST_INPUT: Record<FormName, string> = {
  decide: 'decision',
  appeal: 'lodgedOn-day',
  objection: 'receivedOn-day',
  withdraw: 'withdrawnOn-day',
  redeploy: 'redeployedOn-day',
  leaver: 'leftOn-day',
};

function readableError(form: FormName, e: { field: string; message: string }) {
  const known = FIELDS[e.field];
  const detail = e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  if (known) return { field: `${form}-${known.id}`, message: `${known.label} ${detail}` };
  const text = detail.charAt(0).toUpperCase() + detail.slice(1);
  return { field: `${form}-${FIRST_INPUT[form]}`, message: text };
}

type Result =
  | { __typename: 'Employee'; version: number }
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string }
  | {
      __typename: 'ConflictError';
      message: string;
      currentVersion: number;
      now: {
        tupeStatus: string;
        assignmentDecision: string | null;
        assignmentRationale: string | null;
      } | null;
    };

const RESULT = `__typename
  ... on Employee { version }
  ... on Error { message }
  ... on ValidationError { field }
  ... on ConflictError { currentVersion now: current { ... on Employee { tupeStatus assignmentDecision assignmentRationale } } }`;

async function submit(
  form: FormName,
  request: Request,
  locals: App.Locals,
  params: { id: string },
  mutation: string,
  inputType: string,
  build: (f: FormData) => { input?: Record<string, unknown>; errors?: Failure['errors'] },
  saved: string,
) {
  const data = await request.formData();
  const values = Object.fromEntries(
    [...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  if (locals.viewer?.role !== 'HR') error(403, 'Only HR can change staff records');
  const id = globalId(params.id, 'Employee');
  if (!id) error(404, 'There is no such employee');
  const built = build(data);
  if (built.errors?.length) return fail<Failure>(400, { form, errors: built.errors, values });
  const n = Number(formText(data, 'version'));
  const res = await gql<Record<string, Result>>(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${RESULT} } }`,
    {
      token: locals.token,
      variables: { input: { employeeId: id, expectedVersion: Number.isInteger(n) ? n : 0, ...built.input } },
    },
  );
  const result = res[mutation]!;
  switch (result.__typename) {
    case 'Employee':
      return { saved };
    case 'NotFoundError':
      error(404, 'There is no such employee');
    // falls through: error() throws
    case 'ValidationError':
      return fail<Failure>(400, { form, errors: [readableError(form, result)], values });
    case 'ConflictError':
      return fail<Failure>(409, {
        form,
        values,
        errors: [],
        conflict: conflict(
          result.currentVersion,
          readSnapshot(data),
          result.now ? snapshotOf(result.now) : {},
        ),
      });
  }
}

const required = (form: FormName, f: FormData, name: string, message: string) =>
  formText(f, name) ? [] : [{ field: `${form}-${name}`, message }];

/** The GOV.UK date input `<form>-<name>` of a form: its value, and its error (naming the parts to fix) if any. */
function dateOf(form: FormName, f: FormData, name: string, label: string, isRequired: boolean) {
  const d = dateField(f, `${form}-${name}`, label, isRequired);
  return { value: d.value, errors: d.error ? [d.error] : [] };
}

export const actions: Actions = {
  decide: ({ request, locals, params }) =>
    submit(
      'decide',
      request,
      locals,
      params,
      'decideAssignment',
      'DecideAssignmentInput',
      (f) => {
        const errors = [
          ...required('decide', f, 'decision', 'Select the decision'),
          ...required('decide', f, 'rationale', 'Enter the rationale for the decision'),
        ];
        const share = formText(f, 'timeOnServicePercent');
        if (share && !/^\d{1,3}$/.test(share))
          errors.push({
            field: 'decide-timeOnServicePercent',
            message: 'Share of time on the transferring service must be a whole number from 0 to 100',
          });
        return {
          errors,
          input: {
            decision: formText(f, 'decision'),
            timeOnServicePercent: share ? Number(share) : null,
            roleNote: formText(f, 'roleNote'),
            chargedTo: formText(f, 'chargedTo'),
            rationale: formText(f, 'rationale'),
          },
        };
      },
      'Assignment decision recorded',
    ),
  appeal: ({ request, locals, params }) =>
    submit(
      'appeal',
      request,
      locals,
      params,
      'recordAssignmentAppeal',
      'RecordAssignmentAppealInput',
      (f) => {
        const lodged = dateOf('appeal', f, 'lodgedOn', 'Date lodged', true);
        const outcomeOn = dateOf('appeal', f, 'outcomeOn', 'Date of the outcome', false);
        return {
          errors: [
            ...lodged.errors,
            ...required('appeal', f, 'soughtDecision', 'Select what the appeal asks for'),
            ...required('appeal', f, 'outcome', 'Select the outcome'),
            ...outcomeOn.errors,
          ],
          input: {
            lodgedOn: lodged.value,
            soughtDecision: formText(f, 'soughtDecision'),
            outcome: formText(f, 'outcome'),
            outcomeOn: outcomeOn.value,
            note: formText(f, 'note'),
          },
        };
      },
      'Appeal recorded',
    ),
  objection: ({ request, locals, params }) =>
    submit(
      'objection',
      request,
      locals,
      params,
      'recordObjection',
      'RecordObjectionInput',
      (f) => {
        const received = dateOf('objection', f, 'receivedOn', 'Date received', true);
        return { errors: received.errors, input: { receivedOn: received.value, note: formText(f, 'note') } };
      },
      'Objection recorded: the employee is no longer on the transferring list',
    ),
  withdraw: ({ request, locals, params }) =>
    submit(
      'withdraw',
      request,
      locals,
      params,
      'withdrawObjection',
      'WithdrawObjectionInput',
      (f) => {
        const withdrawn = dateOf('withdraw', f, 'withdrawnOn', 'Date withdrawn', true);
        return { errors: withdrawn.errors, input: { withdrawnOn: withdrawn.value } };
      },
      'Objection withdrawn',
    ),
  redeploy: ({ request, locals, params }) =>
    submit(
      'redeploy',
      request,
      locals,
      params,
      'recordRedeployment',
      'RecordRedeploymentInput',
      (f) => {
        const redeployed = dateOf('redeploy', f, 'redeployedOn', 'Date redeployed', true);
        return {
          errors: [...redeployed.errors, ...required('redeploy', f, 'newRole', 'Enter the new role and where it is')],
          input: { redeployedOn: redeployed.value, newRole: formText(f, 'newRole') },
        };
      },
      'Redeployment recorded',
    ),
  leaver: ({ request, locals, params }) =>
    submit(
      'leaver',
      request,
      locals,
      params,
      'recordLeaver',
      'RecordLeaverInput',
      (f) => {
        const left = dateOf('leaver', f, 'leftOn', 'Leaving date', true);
        return { errors: left.errors, input: { leftOn: left.value, note: formText(f, 'note') } };
      },
      'Leaver recorded',
    ),
};
