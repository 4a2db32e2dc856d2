/**
 * Setting up the go/no-go gate (ADMIN): the gate itself, its criteria and the
 * signatories it requires. Judging a criterion and signing are gate.service.ts.
 *
 * - One gate per programme.
 * - A criterion is appended at the end, PENDING. Removing one is allowed after
 *   people signed (what they saw stays in their sign-off; the outcome and the
 *   snapshot are computed from the gate as it is now), but not while it has
 *   evidence: its files and links would go with it, and they are kept with
 *   the criterion's history. Such a criterion is WAIVED with its rationale.
 * - A signatory with a current sign-off is not removed: they withdraw first.
 *   One that never signed is deleted; one whose sign-offs are all withdrawn is
 *   kept, marked removed, for those sign-offs' history.
 * - Positions stay dense: removing closes the gap.
 */
import type { Database, Gate, GateCriterion, GateSignatory } from '@handover/db';
import { londonDate, ukInstant } from '@handover/domain';
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { requireDate, requireText, requireVersion } from '../common/validate.ts';
import {
  criteriaByIds,
  gatesByIds,
  gatesByProgrammeIds,
  signatoriesByGateIds,
  signatoriesByIds,
  updateCriterionIfVersion,
} from './gate.repository.ts';
import { userExists, workstreamsByIds } from '../checklist/checklist.repository.ts';
import { assertMayOwn } from '../user/user.service.ts';
import {
  closePositionGap,
  currentSignOffCount,
  deleteCriterion,
  deleteSignatory,
  evidenceCountOfCriterion,
  insertCriterion,
  insertGate,
  insertSignatory,
  lockPositions,
  markSignatoryRemoved,
  nextCriterionPosition,
  nextSignatoryPosition,
  programmeTransfer,
  signOffsOfSignatory,
  updateGateIfVersion,
  userForSignatory,
} from './gate-setup.repository.ts';

/** The decision is due by go-live: a date written YYYY-MM-DD, no later than the transfer day. */
function decisionDue(field: string, value: string, transferAt: Date): string {
  const date = requireDate(field, value.trim());
  const transferDay = londonDate(transferAt);
  if (date > transferDay) {
    throw new ValidationError(
      field,
      `must be on or before the transfer day (${transferDay}): the go/no-go decision comes before go-live`,
    );
  }
  return date;
}

/** A criterion's owner as given: a user (not a VIEWER) or a workstream of the gate's programme, not both. */
async function criterionOwner(
  db: Kysely<Database>,
  gate: Gate,
  input: { ownerUserId?: string | null; ownerWorkstreamId?: string | null },
): Promise<{ owner_user_id?: string | null; owner_workstream_id?: string | null }> {
  const { ownerUserId, ownerWorkstreamId } = input;
  if (ownerUserId && ownerWorkstreamId) {
    throw new ValidationError('ownerUserId', 'give a user or a workstream as its owner, not both');
  }
  const patch: { owner_user_id?: string | null; owner_workstream_id?: string | null } = {};
  if (ownerUserId !== undefined) {
    if (ownerUserId !== null && !(await userExists(db, ownerUserId))) {
      throw new ValidationError('ownerUserId', 'names no user');
    }
    await assertMayOwn(db, 'ownerUserId', ownerUserId);
    patch.owner_user_id = ownerUserId;
    // Owned by a user, it is owned by no workstream.
    if (ownerUserId !== null) patch.owner_workstream_id = null;
  }
  if (ownerWorkstreamId !== undefined) {
    if (ownerWorkstreamId !== null) {
      const ws = (await workstreamsByIds(db, [ownerWorkstreamId]))[0];
      if (!ws || ws.programme_id !== gate.programme_id) {
        throw new ValidationError('ownerWorkstreamId', 'names no workstream of this programme');
      }
      patch.owner_user_id = null;
    }
    patch.owner_workstream_id = ownerWorkstreamId;
  }
  return patch;
}

async function gateOrNotFound(db: Kysely<Database>, id: string): Promise<Gate> {
  const gate = (await gatesByIds(db, [id]))[0];
  if (!gate) throw new NotFoundError('Gate', id);
  return gate;
}

async function transferOf(db: Kysely<Database>, programmeId: string): Promise<Date> {
  const programme = await programmeTransfer(db, programmeId);
  if (!programme) throw new NotFoundError('Programme', programmeId);
  return programme.transfer_at;
}

export async function createGate(
  db: Kysely<Database>,
  input: { programmeId: string; name: string; decisionDue: string },
): Promise<Gate> {
  const name = requireText('name', input.name, 200);
  const transferAt = await transferOf(db, input.programmeId);
  const due = decisionDue('decisionDue', input.decisionDue, transferAt);
  const existing = (await gatesByProgrammeIds(db, [input.programmeId]))[0];
  if (existing) {
    throw new ValidationError(
      'programmeId',
      `the programme has its go/no-go gate already (“${existing.name}”): a programme has one gate, so change that one`,
    );
  }
  return insertGate(db, { programme_id: input.programmeId, name, decision_due: due });
}

export async function updateGate(
  db: Kysely<Database>,
  input: { id: string; expectedVersion: number; name?: string | null; decisionDue?: string | null },
  now: Date,
): Promise<Gate> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const gate = await gateOrNotFound(db, input.id);
  const patch: { name?: string; decision_due?: string } = {};
  if (input.name !== undefined && input.name !== null) patch.name = requireText('name', input.name, 200);
  if (input.decisionDue !== undefined && input.decisionDue !== null) {
    patch.decision_due = decisionDue(
      'decisionDue',
      input.decisionDue,
      await transferOf(db, gate.programme_id),
    );
  }
  if (Object.keys(patch).length === 0) {
    throw new ValidationError('name', 'nothing to change: give a name or a decision due date');
  }
  return updateAtVersion({
    typename: 'Gate',
    id: input.id,
    expectedVersion,
    update: () => updateGateIfVersion(db, input.id, expectedVersion, patch, now),
    reload: async () => (await gatesByIds(db, [input.id]))[0],
  });
}

/** Appends a criterion, PENDING, at the end of the gate's list. */
export async function addGateCriterion(
  db: Kysely<Database>,
  input: {
    gateId: string;
    title: string;
    owner: string;
    ownerUserId?: string | null;
    ownerWorkstreamId?: string | null;
  },
): Promise<GateCriterion> {
  const title = requireText('title', input.title, 300);
  const owner = requireText('owner', input.owner, 200);
  const gate = await gateOrNotFound(db, input.gateId);
  const owners = await criterionOwner(db, gate, input);
  await lockPositions(db, 'gate_criterion');
  const position = await nextCriterionPosition(db, input.gateId);
  return insertCriterion(db, { gate_id: input.gateId, position, title, owner, ...owners });
}

/** Changes what a criterion says and who owns it (its judgement is updateGateCriterion's). */
export async function updateGateCriterionDetails(
  db: Kysely<Database>,
  input: {
    id: string;
    expectedVersion: number;
    title?: string | null;
    owner?: string | null;
    ownerUserId?: string | null;
    ownerWorkstreamId?: string | null;
  },
  now: Date,
): Promise<GateCriterion> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const patch: {
    title?: string;
    owner?: string;
    owner_user_id?: string | null;
    owner_workstream_id?: string | null;
  } = {};
  if (input.title !== undefined && input.title !== null) patch.title = requireText('title', input.title, 300);
  if (input.owner !== undefined && input.owner !== null) patch.owner = requireText('owner', input.owner, 200);
  if (input.ownerUserId !== undefined || input.ownerWorkstreamId !== undefined) {
    const criterion = (await criteriaByIds(db, [input.id]))[0];
    if (!criterion) throw new NotFoundError('GateCriterion', input.id);
    Object.assign(patch, await criterionOwner(db, await gateOrNotFound(db, criterion.gate_id), input));
  }
  if (Object.keys(patch).length === 0) {
    throw new ValidationError('title', 'nothing to change: give a title, an owner label or an owner');
  }
  return updateAtVersion({
    typename: 'GateCriterion',
    id: input.id,
    expectedVersion,
    update: () => updateCriterionIfVersion(db, input.id, expectedVersion, patch, now),
    reload: async () => (await criteriaByIds(db, [input.id]))[0],
  });
}

export interface GateRemoval {
  /** The gate as it is after the removal. */
  gate: Gate;
  /** What the audit trail says beside the removal (counts and kinds, never names), or null. */
  note: string | null;
}

/** Removes a criterion (refused while it has evidence); the gate's outcome follows the criteria left. */
export async function removeGateCriterion(db: Kysely<Database>, id: string): Promise<GateRemoval> {
  await lockPositions(db, 'gate_criterion');
  const criterion = (await criteriaByIds(db, [id]))[0];
  if (!criterion) throw new NotFoundError('GateCriterion', id);
  const evidence = await evidenceCountOfCriterion(db, id);
  if (evidence > 0) {
    throw new ValidationError(
      'id',
      `“${criterion.title}” has evidence attached (${evidence} ${evidence === 1 ? 'link or file' : 'links or files'}, removed ones included), which its history keeps: a criterion with evidence is not removed. Mark it WAIVED with a rationale instead.`,
    );
  }
  const signed = await currentSignOffCount(db, criterion.gate_id);
  await deleteCriterion(db, id);
  await closePositionGap(db, 'gate_criterion', criterion.gate_id, criterion.position);
  return {
    gate: await gateOrNotFound(db, criterion.gate_id),
    note:
      signed > 0
        ? `removed after ${signed} current sign-off${signed === 1 ? '' : 's'}: what they signed included it`
        : null,
  };
}

const sameTitle = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/** Requires a sign-off from an accountable role, signed by one user; role titles are unique per gate. */
export async function addGateSignatory(
  db: Kysely<Database>,
  input: { gateId: string; roleTitle: string; userId: string },
): Promise<GateSignatory> {
  const roleTitle = requireText('roleTitle', input.roleTitle, 200);
  await gateOrNotFound(db, input.gateId);
  const user = await userForSignatory(db, input.userId);
  if (!user) throw new ValidationError('userId', 'names no user');
  if (!user.active) throw new ValidationError('userId', `${user.name} is deactivated and cannot sign`);
  await lockPositions(db, 'gate_signatory');
  const taken = (await signatoriesByGateIds(db, [input.gateId])).find((s) =>
    sameTitle(s.role_title, roleTitle),
  );
  if (taken) {
    throw new ValidationError(
      'roleTitle',
      `the gate requires a sign-off from the “${taken.role_title}” already: role titles are unique per gate`,
    );
  }
  const position = await nextSignatoryPosition(db, input.gateId);
  return insertSignatory(db, { gate_id: input.gateId, position, role_title: roleTitle, user_id: user.id });
}

/**
 * Stops requiring a signatory. Refused while they have a current sign-off
 * (naming who signed and when: they withdraw first). Deleted if they never
 * signed; kept, marked removed, if their sign-offs were all withdrawn.
 */
export async function removeGateSignatory(db: Kysely<Database>, id: string, now: Date): Promise<GateRemoval> {
  await lockPositions(db, 'gate_signatory');
  const signatory = (await signatoriesByIds(db, [id]))[0];
  if (!signatory) throw new NotFoundError('GateSignatory', id);
  if (signatory.removed_at)
    throw new ValidationError('id', `the ${signatory.role_title} was removed already`);
  const signOffs = await signOffsOfSignatory(db, id);
  const current = signOffs.find((s) => !s.withdrawn);
  if (current) {
    throw new ValidationError(
      'id',
      `${current.signer} signed as the ${signatory.role_title} on ${ukInstant(current.signed_at)}: that sign-off must be withdrawn (by ${current.signer}) before the role is removed`,
    );
  }
  if (signOffs.length === 0) await deleteSignatory(db, id);
  else await markSignatoryRemoved(db, id, now);
  await closePositionGap(db, 'gate_signatory', signatory.gate_id, signatory.position);
  return {
    gate: await gateOrNotFound(db, signatory.gate_id),
    note:
      signOffs.length > 0
        ? `kept, marked removed, for its ${signOffs.length} withdrawn sign-off${signOffs.length === 1 ? '' : 's'}`
        : null,
  };
}
