import { error, fail } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { Actions, PageServerLoad } from './$types';
import type { TupeHeadcount } from '../people.server';

export interface TransferRunRow {
  id: string;
  runAt: string;
  transferAt: string;
  runBy: { name: string } | null;
  transferred: number;
  skippedDisputed: number;
  skippedObjected: number;
  skippedNotAssigned: number;
  skippedRedeployed: number;
  skippedSeconded: number;
  skippedLeaver: number;
  skippedNotEmployee: number;
  employmentEnded: number;
}

const RUN_FIELDS = `id runAt transferAt runBy { name } transferred skippedDisputed skippedObjected
  skippedNotAssigned skippedRedeployed skippedSeconded skippedLeaver skippedNotEmployee employmentEnded`;

/** What will happen (counts by TUPE status), the instant, and past runs: counts only, for every role. */
export const load: PageServerLoad = async ({ locals }) => {
  const data = await gql<{
    today: string;
    programmes: {
      edges: {
        node: { id: string; transferAt: string; version: number; headcountByTupeStatus: TupeHeadcount[] };
      }[];
    };
  }>(programmeQuery('transferAt version headcountByTupeStatus { tupeStatus employees fte }'), {
    token: locals.token,
  });
  const p = firstProgramme(data);
  const { transferRuns } = await gql<{ transferRuns: TransferRunRow[] }>(
    `query ($id: ID!) { transferRuns(programmeId: $id) { ${RUN_FIELDS} } }`,
    { token: locals.token, variables: { id: p.id } },
  );
  const count = (status: string) =>
    p.headcountByTupeStatus.find((h) => h.tupeStatus === status)?.employees ?? 0;
  return {
    isHr: locals.viewer?.role === 'HR',
    programmeId: p.id,
    programmeVersion: p.version,
    transferAt: p.transferAt,
    byTupe: p.headcountByTupeStatus,
    willTransfer: count('IN_SCOPE_ASSIGNED'),
    disputed: count('IN_SCOPE_DISPUTED'),
    objected: count('OBJECTED'),
    transferred: count('TRANSFERRED'),
    runs: transferRuns,
  };
};

type Answer =
  | {
      __typename: 'TransferRunResult';
      changed: boolean;
      transferred: number;
      needDecision: number;
      message: string;
    }
  | { __typename: 'ValidationError' | 'NotFoundError' | 'ConflictError'; message: string; field?: string };

export const actions: Actions = {
  run: async ({ request, locals }) => {
    if (locals.viewer?.role !== 'HR') error(403, 'Only HR can run the transfer');
    const form = await request.formData();
    const programmeId = formText(form, 'programmeId');
    const version = Number(formText(form, 'version'));
    const { runTransfer: answer } = await gql<{ runTransfer: Answer }>(
      `mutation ($input: RunTransferInput!) { runTransfer(input: $input) {
        __typename
        ... on TransferRunResult { changed transferred needDecision message }
        ... on Error { message } ... on ValidationError { field } } }`,
      {
        token: locals.token,
        variables: {
          input: { programmeId, ...(Number.isInteger(version) ? { expectedProgrammeVersion: version } : {}) },
        },
      },
    );
    if (answer.__typename === 'TransferRunResult') return { result: answer };
    const detail =
      answer.field && answer.message.startsWith(`${answer.field}: `)
        ? answer.message.slice(answer.field.length + 2)
        : answer.message;
    const message =
      answer.__typename === 'ConflictError'
        ? 'The programme was changed while you were looking at this page: check the transfer date, then run again'
        : detail.charAt(0).toUpperCase() + detail.slice(1);
    return fail(400, { errors: [{ field: 'run', message }] });
  },
};
