import { gql } from '$lib/server/api';
import { formKey, newFormKey } from '$lib/server/idempotency';
import { pageRequest, pagination } from '$lib/server/list';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import { hrOnly } from '../people.server';
import { lines, UNIONS } from '$lib/tupe';
import type { DateError, DateParts } from '$lib/date-input';
import { ANSWER, answerError, dateField, fail, formText, write, type FieldError } from '../tupe.server';
import type { Actions, PageServerLoad } from './$types';

export interface Measure {
  id: string;
  description: string;
  envisagedBy: 'TRANSFEROR' | 'TRANSFEREE';
  groupsAffected: string[];
  consultationRequired: boolean;
  notifiedOn: string | null;
}
export interface Meeting {
  id: string;
  heldOn: string;
  unions: string[];
  otherUnion: string | null;
  attendees: string[];
  issuesRaised: string[];
  minutesUrl: string | null;
}
export interface Letters {
  transferringCount: number;
  sentCount: number;
  notSentCount: number;
  lastSentOn: string | null;
  byTeam: { team: { id: string; name: string }; transferring: number; sent: number }[];
}

const QUERY = programmeQuery(`
  measures { id description envisagedBy groupsAffected consultationRequired notifiedOn }
  consultationMeetings { id heldOn unions otherUnion attendees issuesRaised minutesUrl }
  measuresLetters { transferringCount sentCount notSentCount lastSentOn byTeam { team { id name } transferring sent } }
`);

interface Recipient {
  sentOn: string;
  employee: { id: string; payrollNumber: string; firstName: string | null; lastName: string | null };
}

const RECIPIENTS = programmeQuery(
  `measuresLetterRecipients(first: $first, after: $after) { totalCount
     edges { node { sentOn employee { id payrollNumber firstName lastName } } } }`,
  '$first: Int, $after: String',
);

/** Who has had a letter: HR only (the API refuses anyone else; hrOnly makes that a 403). */
async function recipients(token: string | null, url: URL) {
  const page = pageRequest(url);
  const data = await hrOnly(
    gql<{
      programmes: {
        edges: { node: { measuresLetterRecipients: { totalCount: number; edges: { node: Recipient }[] } } }[];
      };
    }>(RECIPIENTS, { token, variables: { first: page.first, after: page.after } }),
  );
  const r = firstProgramme(data).measuresLetterRecipients;
  return { rows: r.edges.map((e) => e.node), pagination: pagination(url, page.page, r.totalCount) };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const isHr = locals.viewer?.role === 'HR';
  const letters = isHr ? await recipients(locals.token, url) : null;
  const data = await gql<{
    today: string;
    programmes: {
      edges: {
        node: { id: string; measures: Measure[]; consultationMeetings: Meeting[]; measuresLetters: Letters };
      }[];
    };
  }>(QUERY, { token: locals.token });
  return { today: data.today, programme: firstProgramme(data), isHr, letters, formKey: newFormKey() };
};

type Failure = {
  form: 'measure' | 'meeting' | 'letters';
  errors: FieldError[];
  dateError?: DateError;
  dateParts?: DateParts;
  values?: Record<string, unknown>;
};

export const actions: Actions = {
  measure: async ({ request, locals }) => {
    const form = await request.formData();
    const values = {
      description: formText(form, 'description'),
      envisagedBy: formText(form, 'envisagedBy'),
      groupsAffected: formText(form, 'groupsAffected'),
      consultationRequired: formText(form, 'consultationRequired'),
    };
    const errors: FieldError[] = [];
    if (!values.description) errors.push({ field: 'description', message: 'Enter what the measure is' });
    if (values.envisagedBy !== 'TRANSFEROR' && values.envisagedBy !== 'TRANSFEREE')
      errors.push({ field: 'envisagedBy', message: 'Select who envisages the measure' });
    if (values.consultationRequired !== 'yes' && values.consultationRequired !== 'no')
      errors.push({ field: 'consultationRequired', message: 'Select whether consultation is required' });
    const notified = dateField(form, 'notifiedOn', 'Date notified', false);
    if (notified.error) errors.push(notified.error);
    if (errors.length)
      return fail<Failure>(400, {
        form: 'measure',
        errors,
        dateError: notified.error,
        dateParts: notified.parts,
        values,
      });
    const answer = await write(
      locals.token,
      'createTupeMeasure',
      'CreateTupeMeasureInput',
      `${ANSWER} ... on TupeMeasure { id }`,
      {
        programmeId: formText(form, 'programmeId'),
        description: values.description,
        envisagedBy: values.envisagedBy,
        groupsAffected: lines(values.groupsAffected),
        consultationRequired: values.consultationRequired === 'yes',
        notifiedOn: notified.value,
      },
      formKey(form),
    );
    if (answer.__typename !== 'TupeMeasure') {
      const e = answerError(
        answer,
        {
          description: { id: 'description', label: 'Description' },
          groupsAffected: { id: 'groupsAffected', label: 'Groups affected:' },
          notifiedOn: { id: 'notifiedOn-day', label: 'Date notified' },
        },
        'description',
      );
      return fail<Failure>(400, {
        form: 'measure',
        errors: [e],
        values,
        dateParts: notified.parts,
        dateError: answer.field === 'notifiedOn' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
      });
    }
    return { done: 'measure' as const };
  },

  meeting: async ({ request, locals }) => {
    const form = await request.formData();
    const unions = form
      .getAll('unions')
      .map(String)
      .filter((u) => (UNIONS as readonly string[]).includes(u));
    const values = {
      unions,
      otherUnion: formText(form, 'otherUnion'),
      attendees: formText(form, 'attendees'),
      issuesRaised: formText(form, 'issuesRaised'),
      minutesUrl: formText(form, 'minutesUrl'),
    };
    const errors: FieldError[] = [];
    const heldOn = dateField(form, 'heldOn', 'Date of the meeting', true);
    if (heldOn.error) errors.push(heldOn.error);
    if (unions.length === 0) errors.push({ field: 'unions-UNISON', message: 'Select at least one union' });
    if (unions.includes('OTHER') && !values.otherUnion)
      errors.push({ field: 'otherUnion', message: 'Enter the name of the other union' });
    if (errors.length)
      return fail<Failure>(400, {
        form: 'meeting',
        errors,
        dateError: heldOn.error,
        dateParts: heldOn.parts,
        values,
      });
    const answer = await write(
      locals.token,
      'createConsultationMeeting',
      'CreateConsultationMeetingInput',
      `${ANSWER} ... on ConsultationMeeting { id }`,
      {
        programmeId: formText(form, 'programmeId'),
        heldOn: heldOn.value,
        unions,
        otherUnion: values.otherUnion || null,
        attendees: lines(values.attendees),
        issuesRaised: lines(values.issuesRaised),
        minutesUrl: values.minutesUrl || null,
      },
      formKey(form),
    );
    if (answer.__typename !== 'ConsultationMeeting') {
      const e = answerError(
        answer,
        {
          heldOn: { id: 'heldOn-day', label: 'Date of the meeting' },
          minutesUrl: { id: 'minutesUrl', label: 'Minutes link' },
          attendees: { id: 'attendees', label: 'Attendees:' },
          issuesRaised: { id: 'issuesRaised', label: 'Issues raised:' },
          otherUnion: { id: 'otherUnion', label: 'Other union' },
          unions: { id: 'unions-UNISON', label: 'Unions:' },
        },
        'minutesUrl',
      );
      return fail<Failure>(400, {
        form: 'meeting',
        errors: [e],
        values,
        dateParts: heldOn.parts,
        dateError: answer.field === 'heldOn' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
      });
    }
    return { done: 'meeting' as const };
  },

  letters: async ({ request, locals }) => {
    const form = await request.formData();
    const sentOn = dateField(form, 'sentOn', 'Date sent', true);
    const teamId = formText(form, 'teamId');
    if (sentOn.error)
      return fail<Failure>(400, {
        form: 'letters',
        errors: [sentOn.error],
        dateError: sentOn.error,
        dateParts: sentOn.parts,
        values: { teamId },
      });
    const answer = await write(
      locals.token,
      'recordMeasuresLetters',
      'RecordMeasuresLettersInput',
      `${ANSWER} ... on MeasuresLettersRecorded { recorded skipped sentOn }`,
      { programmeId: formText(form, 'programmeId'), sentOn: sentOn.value, teamId: teamId || null },
    );
    if (answer.__typename !== 'MeasuresLettersRecorded') {
      const e = answerError(
        answer,
        { sentOn: { id: 'sentOn-day', label: 'Date sent' }, teamId: { id: 'teamId', label: 'Who to' } },
        'sentOn-day',
      );
      return fail<Failure>(400, {
        form: 'letters',
        errors: [e],
        values: { teamId },
        dateParts: sentOn.parts,
        dateError: answer.field === 'sentOn' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
      });
    }
    return {
      done: 'letters' as const,
      recorded: Number(answer.recorded),
      skipped: Number(answer.skipped),
      sentOn: String(answer.sentOn),
    };
  },
};
