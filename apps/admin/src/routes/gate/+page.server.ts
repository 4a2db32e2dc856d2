import { fail } from '@sveltejs/kit';
import { newFormKey } from '$lib/server/idempotency';
import { gql } from '$lib/server/api';
import {
  EVIDENCE_FIELDS,
  addEvidenceAction,
  removeEvidenceAction,
  type Evidence,
} from '$lib/server/evidence';
import { formText } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';

interface Snapshot {
  asOf: string;
  criteria: { title: string; owner: string; status: string; rationale: string | null }[];
  readiness: {
    weightedShareComplete: number;
    shareComplete: number;
    dayOneCriticalOpen: number;
    overdue: number;
    blocked: number;
    total: number;
  };
}

interface GateData {
  id: string;
  name: string;
  decisionDue: string;
  outcome: 'GO' | 'OPEN' | 'NO_GO';
  outcomeReasons: string[];
  outcomeRule: string;
  snapshot: string;
  snapshotSha256: string;
  criteria: {
    id: string;
    title: string;
    owner: string;
    ownerUser: { name: string } | null;
    ownerWorkstream: { name: string } | null;
    /** Its owner (the user, or a lead of its workstream) or an ADMIN: the API decides. */
    viewerCanEdit: boolean;
    status: string;
    rationale: string | null;
    version: number;
    evidence: Evidence[];
  }[];
  signatories: {
    id: string;
    roleTitle: string;
    viewerIsSignatory: boolean;
    user: { name: string };
    currentSignOff: { id: string } | null;
  }[];
  signOffs: {
    id: string;
    roleTitle: string;
    signedAt: string;
    snapshotSha256: string;
    user: { name: string };
    withdrawal: { reason: string; withdrawnAt: string; user: { name: string } } | null;
  }[];
}

const FIELDS = `gate {
  id name decisionDue outcome outcomeReasons outcomeRule snapshot snapshotSha256
  criteria { id title owner ownerUser { name } ownerWorkstream { name } viewerCanEdit status rationale version evidence { ${EVIDENCE_FIELDS} } }
  signatories { id roleTitle viewerIsSignatory user { name } currentSignOff { id } }
  signOffs { id roleTitle signedAt snapshotSha256 user { name } withdrawal { reason withdrawnAt user { name } } }
}`;

export const load: PageServerLoad = async ({ locals, url }) => {
  const data = await gql<{ today: string; programmes: { edges: { node: { gate: GateData | null } }[] } }>(
    programmeQuery(FIELDS),
    { token: locals.token },
  );
  const gate = firstProgramme(data).gate;
  return {
    // The evidence forms' idempotency key: new with each render.
    formKey: newFormKey(),
    today: data.today,
    gate,
    snapshot: gate ? (JSON.parse(gate.snapshot) as Snapshot) : null,
    // A criterion is judged by its owner or an ADMIN (viewerCanEdit, criterion by criterion).
    canJudge: locals.viewer?.role !== 'VIEWER',
    canSetUp: locals.viewer?.role === 'ADMIN',
    evidenceSaved:
      (['added', 'removed'] as const).find((o) => url.searchParams.get('evidence') === o) ?? null,
  };
};

interface Answer {
  __typename: string;
  message?: string;
  field?: string;
}

const ANSWER = '__typename ... on Error { message } ... on ValidationError { field }';

function failed(action: string, id: string, a: Answer) {
  return fail(a.__typename === 'ValidationError' ? 400 : 409, {
    action,
    id,
    errors: [{ field: `${action}-${id}`, message: a.message ?? 'That did not work' }],
  });
}

/** After adding or removing a criterion's evidence: back to the criteria's evidence, saying so. */
const evidenceDone = (outcome: 'added' | 'removed') => `/gate?evidence=${outcome}#criteria-evidence`;

export const actions: Actions = {
  addEvidence: (event) =>
    addEvidenceAction(
      event,
      (form) => {
        const id = formText(form, 'criterionId');
        return id ? { key: id, gateCriterionId: id } : null;
      },
      evidenceDone,
    ),
  removeEvidence: (event) =>
    removeEvidenceAction(event, (form) => formText(form, 'criterionId'), evidenceDone),
  judge: async ({ request, locals }) => {
    const form = await request.formData();
    const id = formText(form, 'id');
    const status = formText(form, 'status');
    const rationale = formText(form, 'rationale');
    const data = await gql<{ updateGateCriterion: Answer }>(
      `mutation ($input: UpdateGateCriterionInput!) { updateGateCriterion(input: $input) { ${ANSWER} } }`,
      {
        token: locals.token,
        variables: {
          input: {
            id,
            expectedVersion: Number(formText(form, 'version')),
            status,
            rationale: rationale || null,
          },
        },
      },
    );
    const a = data.updateGateCriterion;
    if (a.__typename !== 'GateCriterion') {
      const message =
        a.__typename === 'ConflictError'
          ? 'Someone changed this criterion since you opened the page: check it and try again'
          : a.field === 'rationale'
            ? 'Enter a rationale: say why the criterion is waived'
            : (a.message ?? 'That did not work');
      return fail(a.__typename === 'ValidationError' ? 400 : 409, {
        action: 'judge',
        id,
        values: { status, rationale },
        errors: [{ field: `rationale-${id}`, message }],
      });
    }
    return { action: 'judge', id, saved: true };
  },
  sign: async ({ request, locals }) => {
    const form = await request.formData();
    const id = formText(form, 'signatoryId');
    const data = await gql<{ signGate: Answer }>(
      `mutation ($input: SignGateInput!) { signGate(input: $input) { ${ANSWER} } }`,
      {
        token: locals.token,
        variables: { input: { signatoryId: id, expectedSnapshotSha256: formText(form, 'sha256') } },
      },
    );
    if (data.signGate.__typename !== 'GateSignOff') return failed('sign', id, data.signGate);
    return { action: 'sign', id, saved: true };
  },
  withdraw: async ({ request, locals }) => {
    const form = await request.formData();
    const id = formText(form, 'signOffId');
    const reason = formText(form, 'reason');
    const data = await gql<{ withdrawGateSignOff: Answer }>(
      `mutation ($input: WithdrawGateSignOffInput!) { withdrawGateSignOff(input: $input) { ${ANSWER} } }`,
      { token: locals.token, variables: { input: { signOffId: id, reason } } },
    );
    const a = data.withdrawGateSignOff;
    if (a.__typename !== 'GateSignOffWithdrawal') {
      return failed(
        'withdraw',
        id,
        a.field === 'reason' ? { ...a, message: 'Enter a reason for withdrawing your sign-off' } : a,
      );
    }
    return { action: 'withdraw', id, saved: true };
  },
};
