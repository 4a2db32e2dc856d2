/**
 * Evidence on checklist items and gate criteria, for the pages that show it: the GraphQL selection,
 * the add and remove form actions (a link, or a file uploaded as multipart/form-data and sent to the
 * API as base64), and the download's Content-Disposition header. The API decides who may do what;
 * these check what they can before calling it, so that bad input never reaches it.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { gql } from '$lib/server/api';
import { formText } from '$lib/server/list';
import { formKey } from '$lib/server/idempotency';
import { evidenceFieldIds, type Evidence, type EvidenceValues } from '$lib/evidence';

export type { Evidence, EvidenceValues };

/** What a page asks for each piece of evidence (never the file itself). */
export const EVIDENCE_FIELDS =
  'id kind label url fileName contentType sizeBytes addedAt addedBy { name } removedAt removedBy { name }';

/** The largest file the API keeps (10 MB); the admin's BODY_SIZE_LIMIT leaves room above it. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const WRITERS = ['ADMIN', 'EDITOR'];
const MAX_LABEL = 300;

/** What evidence is attached to: a checklist item or a gate criterion. `key` makes the form's ids unique. */
export interface EvidenceTarget {
  key: string;
  checklistItemId?: string;
  gateCriterionId?: string;
}

export interface EvidenceFormError {
  field: string;
  message: string;
}

interface Answer {
  __typename: string;
  message?: string;
  field?: string;
}
const ANSWER = '__typename ... on Error { message } ... on ValidationError { field }';

function refuseRole(locals: App.Locals, key: string) {
  if (WRITERS.includes(locals.viewer?.role ?? '')) return null;
  return fail(403, {
    action: 'evidence',
    key,
    errors: [
      {
        field: evidenceFieldIds(key).section,
        message: 'Your role can read evidence but not add or remove it',
      },
    ],
  });
}

/** Where the API's field error shows on the add form. */
function fieldOf(kind: 'LINK' | 'FILE', apiField: string | undefined, key: string): string {
  const ids = evidenceFieldIds(key);
  if (apiField === 'label') return kind === 'LINK' ? ids.linkLabel : ids.fileLabel;
  return kind === 'LINK' ? ids.url : ids.file;
}

/** The API's message without its field-name prefix, as a sentence. */
const sentence = (message: string) => {
  const text = message.replace(/^[\w.[\]]+: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/**
 * The `?/addEvidence` action: a link (kind=LINK: label, url) or a file (kind=FILE: label, file).
 * `targetOf` names what it is attached to from the submitted form; `done` is where to go after.
 */
export async function addEvidenceAction(
  { request, locals }: RequestEvent,
  targetOf: (form: FormData) => EvidenceTarget | null,
  done: (outcome: 'added' | 'removed') => string,
) {
  const form = await request.formData();
  const target = targetOf(form);
  if (!target) error(404, 'There is nothing to attach evidence to');
  const refused = refuseRole(locals, target.key);
  if (refused) return refused;
  const ids = evidenceFieldIds(target.key);
  const kind = formText(form, 'kind') === 'FILE' ? 'FILE' : 'LINK';
  const label = formText(form, 'label');
  const url = formText(form, 'url');
  const values: EvidenceValues = { kind, label, url };
  const errors: EvidenceFormError[] = [];
  const labelId = kind === 'LINK' ? ids.linkLabel : ids.fileLabel;
  if (label.length > MAX_LABEL) {
    errors.push({ field: labelId, message: `Label must be ${MAX_LABEL} characters or fewer` });
  }
  let file: { name: string; contentType: string | null; contentBase64: string } | null = null;
  if (kind === 'LINK') {
    if (!url) errors.push({ field: ids.url, message: 'Enter the link' });
    else if (!/^https?:\/\/\S+$/i.test(url) || !URL.canParse(url)) {
      errors.push({ field: ids.url, message: 'Enter a link that starts with https:// or http://' });
    }
  } else {
    const upload = form.get('file');
    if (!(upload instanceof File) || (upload.size === 0 && upload.name === '')) {
      errors.push({ field: ids.file, message: 'Select a file' });
    } else if (upload.size === 0) {
      errors.push({ field: ids.file, message: 'The selected file is empty' });
    } else if (upload.size > MAX_EVIDENCE_BYTES) {
      errors.push({ field: ids.file, message: 'The selected file must be smaller than 10 MB' });
    } else if (!errors.length) {
      file = {
        name: upload.name,
        contentType: upload.type || null,
        contentBase64: Buffer.from(await upload.arrayBuffer()).toString('base64'),
      };
    }
  }
  if (errors.length)
    return fail(400, { action: 'evidence', key: target.key, errors, evidenceValues: values });

  const { addEvidence: answer } = await gql<{ addEvidence: Answer }>(
    `mutation ($input: AddEvidenceInput!, $key: String) { addEvidence(input: $input, idempotencyKey: $key) { ${ANSWER} } }`,
    {
      token: locals.token,
      variables: {
        // The form's key (each render a new one, per form): a double submit adds the evidence once.
        key: formKey(form),
        input: {
          checklistItemId: target.checklistItemId ?? null,
          gateCriterionId: target.gateCriterionId ?? null,
          label: label || null,
          ...(kind === 'LINK' ? { url } : { file }),
        },
      },
    },
  );
  switch (answer.__typename) {
    case 'Evidence':
      redirect(303, done('added'));
    // eslint-disable-next-line no-fallthrough
    case 'NotFoundError':
      error(404, 'There is nothing to attach evidence to');
    // eslint-disable-next-line no-fallthrough
    default:
      return fail(answer.__typename === 'ForbiddenError' ? 403 : 400, {
        action: 'evidence',
        key: target.key,
        errors: [
          {
            field: fieldOf(kind, answer.field, target.key),
            message: sentence(answer.message ?? 'The evidence could not be added'),
          },
        ],
        evidenceValues: values,
      });
  }
}

/** The `?/removeEvidence` action: marks the evidence removed (it stays in the history). */
export async function removeEvidenceAction(
  { request, locals }: RequestEvent,
  keyOf: (form: FormData) => string,
  done: (outcome: 'added' | 'removed') => string,
) {
  const form = await request.formData();
  const key = keyOf(form);
  const refused = refuseRole(locals, key);
  if (refused) return refused;
  const id = formText(form, 'evidenceId');
  if (!id) error(404, 'There is no such evidence');
  const { removeEvidence: answer } = await gql<{ removeEvidence: Answer }>(
    `mutation ($id: ID!) { removeEvidence(id: $id) { ${ANSWER} } }`,
    { token: locals.token, variables: { id } },
  );
  switch (answer.__typename) {
    case 'Evidence':
      redirect(303, done('removed'));
    // eslint-disable-next-line no-fallthrough
    case 'NotFoundError':
      error(404, 'There is no such evidence');
    // eslint-disable-next-line no-fallthrough
    default:
      return fail(answer.__typename === 'ForbiddenError' ? 403 : 400, {
        action: 'evidence',
        key,
        errors: [{ field: `remove-${id}`, message: sentence(answer.message ?? 'It could not be removed') }],
      });
  }
}

/**
 * A Content-Disposition header that downloads `fileName` under its own name (RFC 6266): an ASCII
 * `filename` for old clients (anything else replaced by "_") and `filename*` with the UTF-8 name
 * percent-encoded (RFC 8187), which every current browser prefers.
 */
export function attachmentDisposition(fileName: string): string {
  const name = [...fileName.toWellFormed()].filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f').join('');
  const safe = name.trim() || 'evidence';
  const ascii = safe.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
