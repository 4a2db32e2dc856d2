/**
 * The TUPE pages' server side (ELI, consultation, pensions, the timeline): one way to run a write
 * and turn its answer into what a form shows. The API decides who may write (HR); a refusal is a 403.
 */
import { error, fail } from '@sveltejs/kit';
import { ApiError, gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { parseDateParts, readDateParts, type DateError, type DateParts } from '$lib/date-input';

export interface FieldError {
  field: string;
  message: string;
}

export interface WriteAnswer {
  __typename: string;
  message?: string;
  field?: string;
  currentVersion?: number;
  [key: string]: unknown;
}

export const ANSWER = `__typename ... on Error { message } ... on ValidationError { field }`;
export const ANSWER_WITH_CONFLICT = `${ANSWER} ... on ConflictError { currentVersion }`;

/** Runs one mutation; a refusal of the role (anyone but HR) becomes a 403 page. */
export async function write(
  token: string | null,
  name: string,
  inputType: string,
  selection: string,
  input: Record<string, unknown>,
  /** A create's idempotency key (the form's, lib/server/idempotency.ts): a double submit makes one row. */
  idempotencyKey?: string | null,
): Promise<WriteAnswer> {
  try {
    const keyed = idempotencyKey !== undefined;
    const data = await gql<Record<string, WriteAnswer>>(
      keyed
        ? `mutation ($input: ${inputType}!, $key: String) { ${name}(input: $input, idempotencyKey: $key) { ${selection} } }`
        : `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`,
      { token, variables: keyed ? { input, key: idempotencyKey } : { input } },
    );
    return data[name]!;
  } catch (e) {
    if (e instanceof ApiError && e.codes.includes('FORBIDDEN')) error(403, 'Only HR can change TUPE records');
    throw e;
  }
}

/**
 * An API ValidationError ("sentOn: cannot be in the future") as the user reads it, linked to the
 * form's field: `fields` maps the API's field to the form's id and label.
 */
export function answerError(
  answer: WriteAnswer,
  fields: Record<string, { id: string; label: string }>,
  fallback: string,
): FieldError {
  const apiField = answer.field ?? '';
  const known = fields[apiField.replace(/\[\d+\]$/, '')];
  const detail = answer.message?.startsWith(`${apiField}: `)
    ? answer.message.slice(apiField.length + 2)
    : (answer.message ?? 'Something went wrong');
  if (answer.__typename === 'ConflictError')
    return {
      field: fallback,
      message: 'Someone else changed this while you were working on it: reload the page and try again',
    };
  return known
    ? { field: known.id, message: `${known.label} ${detail}` }
    : { field: fallback, message: detail.charAt(0).toUpperCase() + detail.slice(1) };
}

/** A GOV.UK date input's value, or the error to show. */
export function dateField(
  form: FormData,
  name: string,
  label: string,
  required: boolean,
): { value: string | null; error?: DateError; parts: DateParts } {
  const parts = readDateParts(form, name);
  const parsed = parseDateParts(parts, name, label, { required });
  return parsed.error ? { value: null, error: parsed.error, parts } : { value: parsed.value, parts };
}

export const version = (form: FormData): number => {
  const n = Number(formText(form, 'version'));
  return Number.isInteger(n) ? n : 0;
};

export { fail, formText };
