import { error, fail } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';
import { ASSIGNMENT_DECISIONS } from '../people';
import { SERVICES_AND_TEAMS, globalId, teamOptions, type ServiceOption } from '../people.server';

export interface ServiceProgress {
  service: { id: string; name: string };
  employees: number;
  assigned: number;
  notAssigned: number;
  disputed: number;
  undecided: number;
}

const PROGRESS =
  'assignmentProgress { service { id name } employees assigned notAssigned disputed undecided }';

/** Progress (counts) for every role; the teams to decide for, for HR. */
export const load: PageServerLoad = async ({ locals }) => {
  const isHr = locals.viewer?.role === 'HR';
  const data = await gql<{
    today: string;
    programmes: {
      edges: {
        node: { assignmentProgress: ServiceProgress[]; services?: { edges: { node: ServiceOption }[] } };
      }[];
    };
  }>(programmeQuery(`${PROGRESS} ${isHr ? SERVICES_AND_TEAMS : ''}`), { token: locals.token });
  const p = firstProgramme(data);
  const progress = p.assignmentProgress.filter((s) => s.employees > 0);
  const total = progress.reduce(
    (t, s) => ({
      employees: t.employees + s.employees,
      assigned: t.assigned + s.assigned,
      notAssigned: t.notAssigned + s.notAssigned,
      disputed: t.disputed + s.disputed,
      undecided: t.undecided + s.undecided,
    }),
    { employees: 0, assigned: 0, notAssigned: 0, disputed: 0, undecided: 0 },
  );
  return { isHr, progress, total, teams: p.services ? teamOptions({ services: p.services }) : [] };
};

interface Values {
  team: string;
  decision: string;
  timeOnServicePercent: string;
  roleNote: string;
  chargedTo: string;
  rationale: string;
  onlyUndecided: boolean;
}

export interface TeamResult {
  team: { name: string };
  decision: string;
  dryRun: boolean;
  decided: number;
  alreadyDecided: number;
  skipped: { reason: string; employee: { id: string; payrollNumber: string } }[];
}

type Answer =
  | ({ __typename: 'TeamAssignmentResult' } & TeamResult)
  | { __typename: 'ValidationError'; field: string; message: string }
  | { __typename: 'NotFoundError'; message: string };

const FIELD_IDS: Record<string, string> = {
  teamId: 'team',
  decision: 'decision',
  timeOnServicePercent: 'timeOnServicePercent',
  rationale: 'rationale',
  roleNote: 'roleNote',
  chargedTo: 'chargedTo',
};

function read(form: FormData): Values {
  return {
    team: formText(form, 'team'),
    decision: formText(form, 'decision'),
    timeOnServicePercent: formText(form, 'timeOnServicePercent'),
    roleNote: formText(form, 'roleNote'),
    chargedTo: formText(form, 'chargedTo'),
    rationale: formText(form, 'rationale'),
    onlyUndecided: formText(form, 'onlyUndecided') === 'yes',
  };
}

async function decideForTeam(locals: App.Locals, form: FormData, dryRun: boolean) {
  if (locals.viewer?.role !== 'HR') error(403, 'Only HR can decide assignments');
  const values = read(form);
  const errors: { field: string; message: string }[] = [];
  const teamId = globalId(values.team, 'Team');
  if (!teamId) errors.push({ field: 'team', message: 'Select the team' });
  if (!(ASSIGNMENT_DECISIONS as readonly string[]).includes(values.decision))
    errors.push({ field: 'decision', message: 'Select the decision' });
  if (values.timeOnServicePercent && !/^\d{1,3}$/.test(values.timeOnServicePercent))
    errors.push({
      field: 'timeOnServicePercent',
      message: 'Share of time on the transferring service must be a whole number from 0 to 100',
    });
  if (!values.rationale) errors.push({ field: 'rationale', message: 'Enter the rationale for the decision' });
  if (errors.length) return fail(400, { values, errors });
  const { decideAssignmentForTeam: answer } = await gql<{ decideAssignmentForTeam: Answer }>(
    `mutation ($input: DecideAssignmentForTeamInput!) { decideAssignmentForTeam(input: $input) {
      __typename
      ... on TeamAssignmentResult { team { name } decision dryRun decided alreadyDecided skipped { reason employee { id payrollNumber } } }
      ... on Error { message } ... on ValidationError { field } } }`,
    {
      token: locals.token,
      variables: {
        input: {
          teamId,
          decision: values.decision,
          timeOnServicePercent: values.timeOnServicePercent ? Number(values.timeOnServicePercent) : null,
          roleNote: values.roleNote,
          chargedTo: values.chargedTo,
          rationale: values.rationale,
          onlyUndecided: values.onlyUndecided,
          dryRun,
        },
      },
    },
  );
  if (answer.__typename === 'TeamAssignmentResult') return { values, result: answer as TeamResult };
  if (answer.__typename === 'NotFoundError')
    return fail(400, { values, errors: [{ field: 'team', message: 'That team no longer exists' }] });
  const detail = answer.message.startsWith(`${answer.field}: `)
    ? answer.message.slice(answer.field.length + 2)
    : answer.message;
  return fail(400, {
    values,
    errors: [
      {
        field: FIELD_IDS[answer.field] ?? 'team',
        message: `${answer.field === 'rationale' ? 'Rationale' : 'The decision'} ${detail}`,
      },
    ],
  });
}

export const actions: Actions = {
  preview: async ({ request, locals }) => decideForTeam(locals, await request.formData(), true),
  apply: async ({ request, locals }) => decideForTeam(locals, await request.formData(), false),
};
