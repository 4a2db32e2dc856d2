/**
 * Who may change a piece of the plan (a checklist item, a RAID item, a milestone, a go/no-go criterion).
 *
 * - An ADMIN changes everything.
 * - A lead of the row's workstream (an EDITOR named as leading it) changes everything about the row.
 * - The row's named owner, whatever their sign-in role but VIEWER, changes the owner's fields: what the
 *   owner reports about their own work (status, forecast, evidence, commentary), never what the
 *   programme decided about it (title, owner, due date, workstream, scores, effort, dependencies).
 * - A VIEWER (a board member) changes nothing and is never offered or accepted as an owner.
 *
 * The API enforces this (answering a refusal that says why) and tells the admin, field by field, what
 * the viewer may change; the admin shows only those fields as editable.
 */
import { isChecklistItemOpen } from './checklist.ts';
import type { ChecklistStatus, UserRole } from './enums.ts';

export type OwnedKind = 'CHECKLIST_ITEM' | 'RAID_ITEM' | 'MILESTONE' | 'GATE_CRITERION';

/**
 * The owner's fields of each kind, as the API's input fields are named. Every other input field is for a
 * lead or an ADMIN.
 */
export const OWNER_FIELDS: Readonly<Record<OwnedKind, readonly string[]>> = {
  // The item's status, when it is now expected to finish, and the evidence that it is done.
  CHECKLIST_ITEM: ['status', 'forecastDate', 'evidence'],
  // The status (closing included), the response chosen and the plan of it: what the owner is doing.
  RAID_ITEM: ['status', 'response', 'responsePlan'],
  // The forecast, the date it was achieved, and its RAG.
  MILESTONE: ['forecastDate', 'actualDate', 'rag'],
  // The judgement (status), why (rationale) and its evidence. Title and owner are the gate setup's.
  GATE_CRITERION: ['status', 'rationale', 'evidence'],
};

/** Every field a lead or an ADMIN may change, by kind (the owner's and the programme's). */
export const ALL_FIELDS: Readonly<Record<OwnedKind, readonly string[]>> = {
  CHECKLIST_ITEM: [
    'status',
    'forecastDate',
    'evidence',
    'ownerId',
    'ownerOrg',
    'dueDate',
    'durationDays',
    'signOffRole',
    'dependencies',
  ],
  RAID_ITEM: [
    'status',
    'response',
    'responsePlan',
    'title',
    'statement',
    'workstreamId',
    'ownerOrganisationId',
    'ownerId',
    'dueDate',
    'inherent',
    'residual',
    'target',
  ],
  MILESTONE: ['forecastDate', 'actualDate', 'rag', 'ownerId'],
  GATE_CRITERION: ['status', 'rationale', 'evidence'],
};

/** Field names as people read them, for refusals. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  status: 'status',
  forecastDate: 'forecast date',
  evidence: 'evidence',
  ownerId: 'owner',
  ownerOrg: 'owning organisation',
  dueDate: 'due date',
  durationDays: 'duration',
  signOffRole: 'sign-off role',
  dependencies: 'dependencies',
  response: 'response',
  responsePlan: 'response plan',
  title: 'title',
  statement: 'statement',
  workstreamId: 'workstream',
  ownerOrganisationId: 'owning organisation',
  inherent: 'inherent score',
  residual: 'residual score',
  target: 'target score',
  actualDate: 'actual date',
  rag: 'RAG',
  rationale: 'rationale',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** Who asks. `ledWorkstreamIds`: the workstreams they lead (only an EDITOR leads any). */
export interface EditSubject {
  userId: string;
  role: UserRole;
  ledWorkstreamIds: ReadonlySet<string> | readonly string[];
}

/** What is asked about: its workstream (null: none) and named owner (null: nobody). */
export interface OwnedRow {
  workstreamId: string | null;
  ownerUserId: string | null;
}

/** ALL: every field; OWNER: the owner's fields only; NONE: nothing. */
export type EditRight = 'ALL' | 'OWNER' | 'NONE';

export interface EditDecision {
  right: EditRight;
  /** Why, in a phrase: "an ADMIN", "a lead of its workstream", "its owner", or why not. */
  reason: string;
}

/** Only these roles may own work (be named owner of an item, RAID item, milestone or criterion). */
export function mayOwnWork(role: UserRole | 'PARTNER'): boolean {
  return role === 'ADMIN' || role === 'EDITOR' || role === 'HR';
}

function leads(subject: EditSubject, workstreamId: string | null): boolean {
  if (workstreamId === null || subject.role !== 'EDITOR') return false;
  const ids = subject.ledWorkstreamIds;
  return 'has' in ids ? ids.has(workstreamId) : ids.includes(workstreamId);
}

/** What the subject may change about the row. */
export function editRight(subject: EditSubject | null, row: OwnedRow): EditDecision {
  if (!subject) return { right: 'NONE', reason: 'you are not signed in' };
  if (subject.role === 'VIEWER') return { right: 'NONE', reason: 'a VIEWER changes nothing' };
  if (subject.role === 'ADMIN') return { right: 'ALL', reason: 'an ADMIN' };
  if (leads(subject, row.workstreamId)) return { right: 'ALL', reason: 'a lead of its workstream' };
  if (row.ownerUserId !== null && row.ownerUserId === subject.userId && mayOwnWork(subject.role)) {
    return { right: 'OWNER', reason: 'its owner' };
  }
  return {
    right: 'NONE',
    reason:
      row.workstreamId === null
        ? 'you are not its owner, and it belongs to no workstream'
        : 'you are neither its owner nor a lead of its workstream',
  };
}

/** The fields the subject may change about a row of `kind`. */
export function editableFields(kind: OwnedKind, subject: EditSubject | null, row: OwnedRow): string[] {
  const { right } = editRight(subject, row);
  return right === 'ALL' ? [...ALL_FIELDS[kind]] : right === 'OWNER' ? [...OWNER_FIELDS[kind]] : [];
}

/** Of the fields asked to change, those the subject may not change (empty: allowed). */
export function refusedFields(
  kind: OwnedKind,
  subject: EditSubject | null,
  row: OwnedRow,
  fields: readonly string[],
): string[] {
  const { right } = editRight(subject, row);
  if (right === 'ALL') return [];
  if (right === 'NONE') return [...fields];
  return fields.filter((f) => !OWNER_FIELDS[kind].includes(f));
}

/** "a, b and c". */
export function listInWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The owner's fields of a kind, in words ("status, forecast date and evidence"). */
export function ownerFieldsInWords(kind: OwnedKind): string {
  return listInWords(OWNER_FIELDS[kind].map(fieldLabel));
}

/**
 * Unowned open work: an open checklist item (see `isChecklistItemOpen`) with no named owner. Counted on
 * the dashboard (all, and day-one critical), and listed by the checklist filter { noOwner: true, open: true }
 * (the API's SQL reads the same CLOSED_CHECKLIST_STATUSES).
 */
export function isUnownedOpen(item: { status: ChecklistStatus; ownerUserId: string | null }): boolean {
  return item.ownerUserId === null && isChecklistItemOpen(item.status);
}
