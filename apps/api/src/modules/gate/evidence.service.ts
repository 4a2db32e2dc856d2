/**
 * Evidence: a link, or a file kept in the database (at most 10 MB, with its
 * name, type, size and SHA-256), attached to a checklist item or a go/no-go
 * criterion. Removing evidence marks it removed (who, when) and keeps it, so
 * an item's history still shows what was there.
 */
import type { Database } from '@handover/db';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../context.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { evidenceList, requireText } from '../common/validate.ts';
import { assertMayEditRow } from '../user/user.service.ts';
import {
  checklistItemProgramme,
  criterionProgramme,
  evidenceByIds,
  insertEvidence,
  markEvidenceRemoved,
  type EvidenceRow,
} from './gate.repository.ts';
import { assertMayChangeCriterion, sha256Hex } from './gate.service.ts';

/** The largest file kept as evidence. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceInput {
  checklistItemId?: string | null;
  gateCriterionId?: string | null;
  label?: string | null;
  url?: string | null;
  file?: { name: string; contentType?: string | null; contentBase64: string } | null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(field: string, text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) throw new ValidationError(field, 'is not base64');
  // Decoded length, judged before decoding so a huge file is refused without being held twice.
  const size = (clean.length / 4) * 3 - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0);
  if (size > MAX_EVIDENCE_BYTES) {
    throw new ValidationError(
      field,
      `the file is ${size} bytes; evidence files are at most ${MAX_EVIDENCE_BYTES} bytes (10 MB)`,
    );
  }
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

function fileName(field: string, raw: string): string {
  // Only the last part of a path a browser may send, without control characters.
  const name = [...(raw.split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) >= 0x20)
    .join('')
    .trim();
  if (name === '' || name === '.' || name === '..') throw new ValidationError(field, 'is required');
  if (name.length > 255)
    throw new ValidationError(field, `is too long (${name.length} characters; at most 255)`);
  return name;
}

function contentType(raw: string | null | undefined): string {
  const t = raw?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(t)
    ? t
    : 'application/octet-stream';
}

export async function addEvidence(
  db: Kysely<Database>,
  viewer: Viewer | null,
  input: EvidenceInput & { checklistItemId: string | null; gateCriterionId: string | null },
  now: Date,
): Promise<EvidenceRow> {
  if ((input.checklistItemId === null) === (input.gateCriterionId === null)) {
    throw new ValidationError('input', 'give exactly one of checklistItemId and gateCriterionId');
  }
  if ((input.url ? 1 : 0) + (input.file ? 1 : 0) !== 1) {
    throw new ValidationError('input', 'give exactly one of url (a link) and file (an upload)');
  }
  let programmeId: string;
  if (input.checklistItemId) {
    const item = await checklistItemProgramme(db, input.checklistItemId);
    if (!item) throw new NotFoundError('ChecklistItem', input.checklistItemId);
    await assertMayEditRow(db, viewer, 'checklist_item', input.checklistItemId, ['evidence']);
    programmeId = item.programme_id;
  } else {
    const c = await criterionProgramme(db, input.gateCriterionId!);
    if (!c) throw new NotFoundError('GateCriterion', input.gateCriterionId!);
    await assertMayChangeCriterion(db, viewer, input.gateCriterionId!, ['evidence']);
    programmeId = c.programme_id;
  }
  const by = viewer?.kind === 'user' ? viewer.userId : null;
  const base = {
    programme_id: programmeId,
    checklist_item_id: input.checklistItemId,
    gate_criterion_id: input.gateCriterionId,
    added_by: by,
    added_at: now,
  };
  if (input.url) {
    let url: string | undefined;
    try {
      [url] = evidenceList('url', [input.url]);
    } catch (error) {
      // The shared check names the list entry (url[0]); here there is one link, named url.
      if (error instanceof ValidationError)
        throw new ValidationError('url', error.message.replace(/^url\[0\]: /, ''));
      throw error;
    }
    if (!url || !/^https?:\/\//i.test(url))
      throw new ValidationError('url', 'a link must start with http:// or https://');
    const label = input.label?.trim() ? requireText('label', input.label, 300) : url.slice(0, 300);
    return insertEvidence(db, {
      ...base,
      kind: 'LINK',
      label,
      url,
      file_name: null,
      content_type: null,
      size_bytes: null,
      sha256: null,
      content: null,
    });
  }
  const file = input.file!;
  const name = fileName('file.name', file.name);
  const content = decodeBase64('file.contentBase64', file.contentBase64);
  if (content.length === 0) throw new ValidationError('file.contentBase64', 'the file is empty');
  return insertEvidence(db, {
    ...base,
    kind: 'FILE',
    label: input.label?.trim() ? requireText('label', input.label, 300) : name.slice(0, 300),
    url: null,
    file_name: name,
    content_type: contentType(file.contentType),
    size_bytes: content.length,
    sha256: sha256Hex(content),
    content,
  });
}

export async function removeEvidence(
  db: Kysely<Database>,
  viewer: Viewer | null,
  id: string,
  now: Date,
): Promise<EvidenceRow> {
  const row = (await evidenceByIds(db, [id]))[0];
  if (!row) throw new NotFoundError('Evidence', id);
  if (row.checklist_item_id)
    await assertMayEditRow(db, viewer, 'checklist_item', row.checklist_item_id, ['evidence']);
  if (row.gate_criterion_id) await assertMayChangeCriterion(db, viewer, row.gate_criterion_id, ['evidence']);
  if (row.removed_at) throw new ValidationError('id', 'this evidence was removed already');
  const removed = await markEvidenceRemoved(db, id, viewer?.kind === 'user' ? viewer.userId : null, now);
  if (!removed) throw new ValidationError('id', 'this evidence was removed already');
  return removed;
}
