import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { TIMELINE_FIELDS, type TimelineStep } from '$lib/tupe';
import type { DateError } from '$lib/date-input';
import { ANSWER, answerError, dateField, fail, formText, write, type FieldError } from '../tupe.server';
import type { Actions, PageServerLoad } from './$types';

const QUERY = programmeQuery(`transferDate ${TIMELINE_FIELDS}`);

export const load: PageServerLoad = async ({ locals }) => {
  const data = await gql<{
    today: string;
    programmes: { edges: { node: { id: string; transferDate: string; tupeTimeline: TimelineStep[] } }[] };
  }>(QUERY, { token: locals.token });
  const p = firstProgramme(data);
  return { today: data.today, programme: p, isHr: locals.viewer?.role === 'HR' };
};

type Failure = { step: string; errors: FieldError[]; doneOnError?: DateError };

export const actions: Actions = {
  record: async ({ request, locals }) => {
    const form = await request.formData();
    const step = formText(form, 'step');
    const clear = formText(form, 'clear') === 'yes';
    const doneOn = clear
      ? { value: null, error: undefined }
      : dateField(form, `doneOn-${step}`, 'Date done', true);
    if (doneOn.error) return fail<Failure>(400, { step, errors: [doneOn.error], doneOnError: doneOn.error });
    const programmeId = formText(form, 'programmeId');
    const answer = await write(
      locals.token,
      'recordTupeStep',
      'RecordTupeStepInput',
      `${ANSWER} ... on TupeStepRecorded { cleared }`,
      {
        programmeId,
        step,
        doneOn: doneOn.value,
      },
    );
    if (answer.__typename !== 'TupeStepRecorded') {
      const e = answerError(
        answer,
        { doneOn: { id: `doneOn-${step}-day`, label: 'Date done' } },
        `doneOn-${step}-day`,
      );
      return fail<Failure>(400, {
        step,
        errors: [e],
        doneOnError: { ...e, parts: ['day', 'month', 'year'] },
      });
    }
    return { recorded: step, cleared: answer.cleared === true };
  },
};
