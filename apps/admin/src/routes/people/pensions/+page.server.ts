import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { DateError, DateParts } from '$lib/date-input';
import {
  ANSWER_WITH_CONFLICT,
  answerError,
  dateField,
  fail,
  formText,
  write,
  type FieldError,
} from '../tupe.server';
import type { Actions, PageServerLoad } from './$types';

export interface Agreement {
  id: string;
  fundName: string;
  admission: 'OPEN' | 'CLOSED';
  guarantor: string;
  employerRatePercent: number | null;
  passThrough: boolean;
  bondNote: string;
  signedOn: string | null;
  version: number;
}
interface Pensions {
  lgpsMembers: number;
  warning: string | null;
  schemeCounts: { scheme: string; employees: number }[];
  admissionAgreement: Agreement | null;
}

const QUERY = programmeQuery(`pensions { lgpsMembers warning schemeCounts { scheme employees }
  admissionAgreement { id fundName admission guarantor employerRatePercent passThrough bondNote signedOn version } }`);

export const load: PageServerLoad = async ({ locals }) => {
  const data = await gql<{
    today: string;
    programmes: { edges: { node: { id: string; pensions: Pensions } }[] };
  }>(QUERY, {
    token: locals.token,
  });
  return { today: data.today, programme: firstProgramme(data), isHr: locals.viewer?.role === 'HR' };
};

type Values = Record<string, string>;
type Failure = {
  errors: FieldError[];
  signedOnError?: DateError;
  values: Values;
  conflict?: boolean;
  signedOnParts: DateParts;
};

const FIELDS = {
  fundName: { id: 'fundName', label: 'Fund' },
  guarantor: { id: 'guarantor', label: 'Guarantor' },
  employerRatePercent: { id: 'employerRatePercent', label: 'Employer contribution rate' },
  bondNote: { id: 'bondNote', label: 'Bond or indemnity' },
  signedOn: { id: 'signedOn-day', label: 'Date signed' },
};

export const actions: Actions = {
  save: async ({ request, locals }) => {
    const form = await request.formData();
    const values: Values = Object.fromEntries(
      ['fundName', 'admission', 'guarantor', 'employerRatePercent', 'passThrough', 'bondNote'].map((k) => [
        k,
        formText(form, k),
      ]),
    );
    const errors: FieldError[] = [];
    if (!values.fundName) errors.push({ field: 'fundName', message: 'Enter the pension fund' });
    if (values.admission !== 'OPEN' && values.admission !== 'CLOSED')
      errors.push({ field: 'admission', message: 'Select whether the admission is open or closed' });
    let rate: number | null = null;
    if (values.employerRatePercent) {
      rate = Number(values.employerRatePercent.replace(/%$/, ''));
      if (!Number.isFinite(rate))
        errors.push({
          field: 'employerRatePercent',
          message: 'Employer contribution rate must be a number, like 17.5',
        });
    }
    if (values.passThrough !== 'yes' && values.passThrough !== 'no')
      errors.push({
        field: 'passThrough',
        message: 'Select whether funding risk passes through to the council',
      });
    const signedOn = dateField(form, 'signedOn', 'Date signed', false);
    if (signedOn.error) errors.push(signedOn.error);
    if (errors.length)
      return fail<Failure>(400, {
        errors,
        signedOnError: signedOn.error,
        values,
        signedOnParts: signedOn.parts,
      });

    const expected = formText(form, 'version');
    const answer = await write(
      locals.token,
      'savePensionAdmissionAgreement',
      'SavePensionAdmissionAgreementInput',
      `${ANSWER_WITH_CONFLICT} ... on PensionAdmissionAgreement { version }`,
      {
        programmeId: formText(form, 'programmeId'),
        ...(expected ? { expectedVersion: Number(expected) } : {}),
        fundName: values.fundName,
        admission: values.admission,
        guarantor: values.guarantor,
        employerRatePercent: rate,
        passThrough: values.passThrough === 'yes',
        bondNote: values.bondNote,
        signedOn: signedOn.value,
      },
    );
    if (answer.__typename !== 'PensionAdmissionAgreement') {
      const e = answerError(answer, FIELDS, 'fundName');
      return fail<Failure>(answer.__typename === 'ConflictError' ? 409 : 400, {
        errors: [e],
        values,
        conflict: answer.__typename === 'ConflictError',
        signedOnParts: signedOn.parts,
        signedOnError: answer.field === 'signedOn' ? { ...e, parts: ['day', 'month', 'year'] } : undefined,
      });
    }
    return { saved: true };
  },
};
