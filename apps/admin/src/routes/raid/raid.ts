/** RAID items as the pages show them. */
import type { DateParts } from '$lib/date-input';
import type { RiskScore, ScoreKind } from './scores';

export interface RaidRow {
  id: string;
  ref: string;
  type: string;
  title: string;
  status: string;
  dueDate: string | null;
  ownerOrganisation: { name: string } | null;
  current: RiskScore | null;
}

export const RAID_ROW_FIELDS =
  'id ref type title status dueDate ownerOrganisation { name } current { likelihood impact score band }';

export interface RaidItem {
  __typename: 'RaidItem';
  id: string;
  ref: string;
  type: string;
  title: string;
  statement: string;
  status: string;
  response: string | null;
  responsePlan: string;
  dueDate: string | null;
  closedAt: string | null;
  updatedAt: string;
  version: number;
  workstream: { id: string; name: string } | null;
  ownerOrganisation: { id: string; name: string } | null;
  owner: { name: string } | null;
  inherent: RiskScore | null;
  residual: RiskScore | null;
  target: RiskScore | null;
  current: RiskScore | null;
}

const SCORE = '{ likelihood impact score band }';
export const RAID_ITEM_FIELDS = `id ref type title statement status response responsePlan dueDate closedAt updatedAt version
  workstream { id name } ownerOrganisation { id name } owner { name }
  inherent ${SCORE} residual ${SCORE} target ${SCORE} current ${SCORE}`;

export interface Option {
  id: string;
  name: string;
}

/** The RAID item form's fields as the user typed them. */
export interface RaidFormValues {
  type: string;
  title: string;
  statement: string;
  workstreamId: string;
  ownerOrganisationId: string;
  status: string;
  response: string;
  responsePlan: string;
  dueDate: DateParts;
  scores: Record<ScoreKind, { likelihood: string; impact: string }>;
}
