/**
 * The RAID item form, shared by /raid/new and /raid/[id]: reading it, checking it the way the API
 * will (so the user hears about every problem at once), and turning it into the mutation's input.
 */
import { formatDate, humanise } from '$lib/format';
import { formText } from '$lib/server/list';
import type { ChoiceField, Snapshot } from '$lib/conflict';
import { parseDateParts, readDateParts, toDateParts, type DateError } from '$lib/date-input';
import type { FieldError } from './form-errors';
import type { RaidFormValues, RaidItem } from './raid';
import {
  RAID_RESPONSES,
  RAID_STATUSES,
  RAID_TYPES,
  SCORE_KINDS,
  describeScore,
  type RaidResponse,
  type RaidStatus,
  type RaidType,
  type ScoreKind,
} from './scores';

export interface RaidInput {
  title: string;
  statement: string;
  workstreamId: string | null;
  ownerOrganisationId: string | null;
  status: RaidStatus;
  response: RaidResponse | null;
  responsePlan: string;
  dueDate: string | null;
  inherent: { likelihood: number; impact: number } | null;
  residual: { likelihood: number; impact: number } | null;
  target: { likelihood: number; impact: number } | null;
}

export function emptyValues(): RaidFormValues {
  return {
    type: '',
    title: '',
    statement: '',
    workstreamId: '',
    ownerOrganisationId: '',
    status: 'OPEN',
    response: '',
    responsePlan: '',
    dueDate: { day: '', month: '', year: '' },
    scores: {
      inherent: { likelihood: '', impact: '' },
      residual: { likelihood: '', impact: '' },
      target: { likelihood: '', impact: '' },
    },
  };
}

export function valuesFromItem(item: RaidItem): RaidFormValues {
  const score = (s: RaidItem['inherent']) => ({
    likelihood: s ? String(s.likelihood) : '',
    impact: s ? String(s.impact) : '',
  });
  return {
    type: item.type,
    title: item.title,
    statement: item.statement,
    workstreamId: item.workstream?.id ?? '',
    ownerOrganisationId: item.ownerOrganisation?.id ?? '',
    status: item.status,
    response: item.response ?? '',
    responsePlan: item.responsePlan,
    dueDate: toDateParts(item.dueDate),
    scores: { inherent: score(item.inherent), residual: score(item.residual), target: score(item.target) },
  };
}

export function readRaidForm(form: FormData): RaidFormValues {
  const scores = Object.fromEntries(
    SCORE_KINDS.map(({ kind }) => [
      kind,
      { likelihood: formText(form, `${kind}Likelihood`), impact: formText(form, `${kind}Impact`) },
    ]),
  ) as RaidFormValues['scores'];
  return {
    type: formText(form, 'type'),
    title: formText(form, 'title'),
    statement: formText(form, 'statement'),
    workstreamId: formText(form, 'workstreamId'),
    ownerOrganisationId: formText(form, 'ownerOrganisationId'),
    status: formText(form, 'status'),
    response: formText(form, 'response'),
    responsePlan: formText(form, 'responsePlan'),
    dueDate: readDateParts(form, 'dueDate'),
    scores,
  };
}

const pick = <T extends string>(allowed: readonly T[], v: string): T | undefined =>
  allowed.find((a) => a === v);

/** Every problem with the form at once, or the input for createRaidItem / updateRaidItem. */
export function checkRaidForm(
  v: RaidFormValues,
  { create }: { create: boolean },
): { errors: FieldError[]; dueDateError?: DateError; input?: RaidInput; type?: RaidType } {
  const errors: FieldError[] = [];
  const type = pick(RAID_TYPES, v.type);
  if (create && !type) errors.push({ field: 'type', message: 'Select the type of item' });
  if (!v.title) errors.push({ field: 'title', message: 'Enter a title' });
  else if (v.title.length > 200)
    errors.push({ field: 'title', message: 'Title must be 200 characters or fewer' });
  if (!v.statement) errors.push({ field: 'statement', message: 'Enter the statement' });
  else if (v.statement.length > 4000)
    errors.push({ field: 'statement', message: 'Statement must be 4000 characters or fewer' });
  const status = pick(RAID_STATUSES, v.status);
  if (!status) errors.push({ field: 'status', message: 'Select a status' });
  const response = v.response ? pick(RAID_RESPONSES, v.response) : null;
  if (response === undefined) errors.push({ field: 'response', message: 'Select a response from the list' });
  if (v.responsePlan.length > 4000)
    errors.push({ field: 'responsePlan', message: 'Response plan must be 4000 characters or fewer' });
  const due = parseDateParts(v.dueDate, 'dueDate', 'Due date');
  if (due.error) errors.push(due.error);

  const scores = {} as Record<ScoreKind, { likelihood: number; impact: number } | null>;
  for (const { kind, label } of SCORE_KINDS) {
    const s = v.scores[kind];
    const l = Number(s.likelihood);
    const i = Number(s.impact);
    const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;
    if (!s.likelihood && !s.impact) scores[kind] = null;
    else if (!valid(l))
      errors.push({
        field: `${kind}Likelihood`,
        message: `Select the ${label.toLowerCase()} likelihood, or no impact either`,
      });
    else if (!valid(i))
      errors.push({
        field: `${kind}Impact`,
        message: `Select the ${label.toLowerCase()} impact, or no likelihood either`,
      });
    else scores[kind] = { likelihood: l, impact: i };
  }

  if (errors.length || !status || response === undefined || due.error) {
    return { errors, ...(due.error ? { dueDateError: due.error } : {}) };
  }
  return {
    errors,
    type,
    input: {
      title: v.title,
      statement: v.statement,
      workstreamId: v.workstreamId || null,
      ownerOrganisationId: v.ownerOrganisationId || null,
      status,
      response,
      responsePlan: v.responsePlan,
      dueDate: due.value,
      inherent: scores.inherent,
      residual: scores.residual,
      target: scores.target,
    },
  };
}

/** The API's names for the form's fields, to link its ValidationErrors to the right input. */
export const API_FIELDS: Record<string, { id: string; label: string }> = {
  type: { id: 'type', label: 'Type' },
  title: { id: 'title', label: 'Title' },
  statement: { id: 'statement', label: 'Statement' },
  workstreamId: { id: 'workstreamId', label: 'Workstream' },
  ownerOrganisationId: { id: 'ownerOrganisationId', label: 'Owner organisation' },
  status: { id: 'status', label: 'Status' },
  response: { id: 'response', label: 'Response' },
  responsePlan: { id: 'responsePlan', label: 'Response plan' },
  dueDate: { id: 'dueDate-day', label: 'Due date' },
  ...Object.fromEntries(
    SCORE_KINDS.flatMap(({ kind, label }) => [
      [`${kind}.likelihood`, { id: `${kind}Likelihood`, label: `${label} likelihood` }],
      [`${kind}.impact`, { id: `${kind}Impact`, label: `${label} impact` }],
    ]),
  ),
};

/** What the edit form can change, as shown on screen: what a conflict compares. */
export function snapshotOf(item: RaidItem): Snapshot {
  return {
    Title: item.title,
    Statement: item.statement,
    Workstream: item.workstream?.name ?? '',
    'Owner organisation': item.ownerOrganisation?.name ?? '',
    Status: humanise(item.status),
    Response: humanise(item.response),
    'Response plan': item.responsePlan,
    'Due date': formatDate(item.dueDate),
    'Inherent score': describeScore(item.inherent),
    'Residual score': describeScore(item.residual),
    'Target score': describeScore(item.target),
  };
}

// ---------------------------------------------------------------------------------------------
// Sending only what changed, and choosing after a conflict ($lib/conflict)

const scoreText = (s: { likelihood: number; impact: number } | null) =>
  s ? `${s.likelihood},${s.impact}` : '';
const showScore = (t: string) => {
  const [l, i] = t.split(',');
  return t ? `likelihood ${l}, impact ${i}, score ${Number(l) * Number(i)}` : 'Not assessed';
};

/** The form's fields as the API names them (UpdateRaidItemInput). */
export const RAID_FIELDS: ChoiceField[] = [
  { name: 'title', label: 'Title' },
  { name: 'statement', label: 'Statement' },
  { name: 'workstreamId', label: 'Workstream' },
  { name: 'ownerOrganisationId', label: 'Owner organisation' },
  { name: 'status', label: 'Status', show: humanise },
  { name: 'response', label: 'Response', show: humanise },
  { name: 'responsePlan', label: 'Response plan' },
  { name: 'dueDate', label: 'Due date', show: formatDate },
  { name: 'inherent', label: 'Inherent score', show: showScore },
  { name: 'residual', label: 'Residual score', show: showScore },
  { name: 'target', label: 'Target score', show: showScore },
];

/** The mutation's input as text, one value a field (what the form compares). */
export function inputAsText(i: RaidInput): Record<string, string> {
  return {
    title: i.title,
    statement: i.statement,
    workstreamId: i.workstreamId ?? '',
    ownerOrganisationId: i.ownerOrganisationId ?? '',
    status: i.status,
    response: i.response ?? '',
    responsePlan: i.responsePlan,
    dueDate: i.dueDate ?? '',
    inherent: scoreText(i.inherent),
    residual: scoreText(i.residual),
    target: scoreText(i.target),
  };
}

/** An item's values as text, as the form's `was-<name>` fields carry them. */
export function itemAsText(item: RaidItem): Record<string, string> {
  const s = (x: RaidItem['inherent']) => (x ? { likelihood: x.likelihood, impact: x.impact } : null);
  return inputAsText({
    title: item.title,
    statement: item.statement,
    workstreamId: item.workstream?.id ?? null,
    ownerOrganisationId: item.ownerOrganisation?.id ?? null,
    status: item.status as RaidStatus,
    response: (item.response as RaidResponse | null) ?? null,
    responsePlan: item.responsePlan,
    dueDate: item.dueDate,
    inherent: s(item.inherent),
    residual: s(item.residual),
    target: s(item.target),
  });
}

/** A field's text back as the mutation's input value. */
export function textAsInput(name: string, v: string): unknown {
  if (name === 'inherent' || name === 'residual' || name === 'target') {
    if (!v) return null;
    const [likelihood, impact] = v.split(',').map(Number);
    return { likelihood, impact };
  }
  if (name === 'title' || name === 'statement' || name === 'responsePlan' || name === 'status') return v;
  return v || null;
}
