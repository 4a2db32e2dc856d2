import { error, fail } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formKey, newFormKey } from '$lib/server/idempotency';
import { readDateInput } from '$lib/server/dates';
import { formText } from '$lib/server/list';
import { firstProgramme } from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';

const ADMIN_ONLY =
  'Only a programme manager (the ADMIN role) can set up the go/no-go gate: its name, decision date, criteria and signatories.';

export interface SetupGate {
  id: string;
  name: string;
  decisionDue: string;
  version: number;
  criteria: {
    id: string;
    title: string;
    owner: string;
    status: string;
    version: number;
    ownerUser: { id: string } | null;
    ownerWorkstream: { id: string } | null;
  }[];
  signatories: {
    id: string;
    roleTitle: string;
    user: { name: string };
    currentSignOff: { signedAt: string; user: { name: string } } | null;
  }[];
}

const FIELDS = `gate {
  id name decisionDue version
  criteria { id title owner status version ownerUser { id } ownerWorkstream { id } }
  signatories { id roleTitle user { name } currentSignOff { signedAt user { name } } }
}`;

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
  const data = await gql<{
    users: { id: string; name: string; active: boolean; canOwnWork: boolean }[];
    programmes: {
      edges: {
        node: {
          id: string;
          transferDate: string;
          workstreams: { id: string; name: string }[];
          gate: SetupGate | null;
        };
      }[];
    };
  }>(
    `{ users { id name active canOwnWork } programmes(first: 1) { edges { node { id transferDate workstreams { id name } ${FIELDS} } } } }`,
    {
      token: locals.token,
    },
  );
  const programme = firstProgramme(data);
  return {
    programmeId: programme.id,
    transferDate: programme.transferDate,
    gate: programme.gate,
    users: data.users.filter((u) => u.active).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    formKey: newFormKey(),
    /** Who may own a criterion: a workstream (its leads) or a user who can own work (never a VIEWER). */
    owners: [
      ...[...programme.workstreams]
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        .map((w) => ({ value: `ws:${w.id}`, label: `The ${w.name} workstream’s leads` })),
      ...data.users
        .filter((u) => u.canOwnWork)
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        .map((u) => ({ value: `user:${u.id}`, label: u.name })),
    ],
  };
};

interface Answer {
  __typename: string;
  message?: string;
  field?: string;
}

const ANSWER = '__typename ... on Error { message } ... on ValidationError { field }';

/** The API's message without its field path, as a sentence. */
function sentence(message: string | undefined): string {
  const text = (message ?? 'That did not work').replace(/^[\w.[\]]+: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Values = Record<string, string>;

function refused(
  action: string,
  a: Answer,
  fieldIds: Record<string, string>,
  fallback: string,
  values: Values,
) {
  const message =
    a.__typename === 'ConflictError'
      ? 'Someone changed the gate since you opened this page: check it and try again'
      : sentence(a.message);
  const field = (a.field && fieldIds[a.field]) ?? fallback;
  return fail(a.__typename === 'ValidationError' ? 400 : 409, {
    action,
    values,
    errors: [{ field, message }],
  });
}

/** A create passes its form's idempotency key (`key`), so that a form submitted twice makes one row. */
async function mutate(
  locals: App.Locals,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  key?: string | null,
) {
  const data = await gql<Record<string, Answer>>(
    key === undefined
      ? `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${ANSWER} } }`
      : `mutation ($input: ${inputType}!, $key: String) { ${name}(input: $input, idempotencyKey: $key) { ${ANSWER} } }`,
    { token: locals.token, variables: key === undefined ? { input } : { input, key } },
  );
  return data[name]!;
}

/** The "Owned by" select's value as the API's owner fields: a workstream, a user, or neither (ADMIN's). */
function ownedBy(value: string): { ownerUserId: string | null; ownerWorkstreamId: string | null } {
  if (value.startsWith('user:')) return { ownerUserId: value.slice(5), ownerWorkstreamId: null };
  if (value.startsWith('ws:')) return { ownerUserId: null, ownerWorkstreamId: value.slice(3) };
  return { ownerUserId: null, ownerWorkstreamId: null };
}

/** Name and decision due date, from the form: both required. */
function readGateFields(form: FormData) {
  const values = {
    name: formText(form, 'name'),
    day: formText(form, 'decisionDue-day'),
    month: formText(form, 'decisionDue-month'),
    year: formText(form, 'decisionDue-year'),
  };
  const errors: { field: string; message: string }[] = [];
  if (!values.name) errors.push({ field: 'name', message: 'Enter the name of the gate' });
  else if (values.name.length > 200)
    errors.push({ field: 'name', message: 'The name must be 200 characters or fewer' });
  const due = readDateInput('The decision due date', values.day, values.month, values.year);
  if (due.error) errors.push({ field: 'decisionDue-day', message: due.error });
  else if (!due.value)
    errors.push({ field: 'decisionDue-day', message: 'Enter the date the decision is due' });
  return { values, errors, decisionDue: due.value };
}

const GATE_FIELD_IDS = { name: 'name', decisionDue: 'decisionDue-day' };

export const actions: Actions = {
  create: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const { values, errors, decisionDue } = readGateFields(form);
    if (errors.length) return fail(400, { action: 'gate', values, errors });
    const a = await mutate(
      locals,
      'createGate',
      'CreateGateInput',
      {
        programmeId: formText(form, 'programmeId'),
        name: values.name,
        decisionDue,
      },
      formKey(form),
    );
    if (a.__typename !== 'Gate') return refused('gate', a, GATE_FIELD_IDS, 'name', values);
    return { action: 'gate', done: `The gate “${values.name}” was created` };
  },

  update: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const { values, errors, decisionDue } = readGateFields(form);
    if (errors.length) return fail(400, { action: 'gate', values, errors });
    const a = await mutate(locals, 'updateGate', 'UpdateGateInput', {
      id: formText(form, 'id'),
      expectedVersion: Number(formText(form, 'version')),
      name: values.name,
      decisionDue,
    });
    if (a.__typename !== 'Gate') return refused('gate', a, GATE_FIELD_IDS, 'name', values);
    return { action: 'gate', done: 'The name and decision due date were saved' };
  },

  addCriterion: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const values = { title: formText(form, 'title'), owner: formText(form, 'owner') };
    const errors: { field: string; message: string }[] = [];
    if (!values.title) errors.push({ field: 'title', message: 'Enter what must hold for GO' });
    if (!values.owner) errors.push({ field: 'owner', message: 'Enter who owns the criterion' });
    if (errors.length) return fail(400, { action: 'criterion', values, errors });
    const a = await mutate(
      locals,
      'addGateCriterion',
      'AddGateCriterionInput',
      { gateId: formText(form, 'gateId'), ...values, ...ownedBy(formText(form, 'ownedBy')) },
      formKey(form),
    );
    if (a.__typename !== 'GateCriterion')
      return refused('criterion', a, { title: 'title', owner: 'owner' }, 'title', values);
    return { action: 'criterion', done: `The criterion “${values.title}” was added` };
  },

  criterionOwner: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const id = formText(form, 'id');
    const a = await mutate(locals, 'updateGateCriterionDetails', 'UpdateGateCriterionDetailsInput', {
      id,
      expectedVersion: Number(formText(form, 'version')),
      ...ownedBy(formText(form, 'ownedBy')),
    });
    if (a.__typename !== 'GateCriterion') return refused('owner', a, {}, `ownedBy-${id}`, {});
    return { action: 'owner', done: `The criterion “${formText(form, 'title')}” has a new owner` };
  },

  removeCriterion: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const id = formText(form, 'id');
    const a = await mutate(locals, 'removeGateCriterion', 'RemoveGateCriterionInput', { id });
    if (a.__typename !== 'Gate') return refused('remove', a, {}, `remove-${id}`, {});
    return { action: 'remove', done: `The criterion “${formText(form, 'title')}” was removed` };
  },

  addSignatory: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const values = { roleTitle: formText(form, 'roleTitle'), userId: formText(form, 'userId') };
    const errors: { field: string; message: string }[] = [];
    if (!values.roleTitle)
      errors.push({ field: 'roleTitle', message: 'Enter the accountable role, for example s151 officer' });
    if (!values.userId) errors.push({ field: 'userId', message: 'Select the person who signs as this role' });
    if (errors.length) return fail(400, { action: 'signatory', values, errors });
    const a = await mutate(
      locals,
      'addGateSignatory',
      'AddGateSignatoryInput',
      { gateId: formText(form, 'gateId'), ...values },
      formKey(form),
    );
    if (a.__typename !== 'GateSignatory')
      return refused('signatory', a, { roleTitle: 'roleTitle', userId: 'userId' }, 'roleTitle', values);
    return { action: 'signatory', done: `The ${values.roleTitle} now signs the gate` };
  },

  removeSignatory: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'ADMIN') error(403, ADMIN_ONLY);
    const form = await request.formData();
    const id = formText(form, 'id');
    const a = await mutate(locals, 'removeGateSignatory', 'RemoveGateSignatoryInput', { id });
    if (a.__typename !== 'Gate') return refused('remove', a, {}, `remove-${id}`, {});
    return { action: 'remove', done: `The ${formText(form, 'roleTitle')} no longer signs the gate` };
  },
};
