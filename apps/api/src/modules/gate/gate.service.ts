/**
 * The go/no-go gate's rules beyond the domain's: what a signatory signs (the
 * snapshot), signing, withdrawing, judging a criterion, and evidence.
 *
 * A sign-off is never edited: there is no write that changes one (and the
 * database refuses UPDATE and DELETE on it). It can only be withdrawn, with a
 * reason, by the person who signed it; the withdrawal is a record of its own.
 */
import { createHash } from 'node:crypto';
import type { Database, Gate, GateCriterion, GateSignOff, GateSignOffWithdrawal } from '@handover/db';
import {
  canonicalJson,
  criterionStatusProblem,
  gateOutcome,
  rollUpReadiness,
  type GateCriterionStatus,
  type GateDecision,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../context.ts';
import { ValidationError } from '../../schema/errors.ts';
import { SignOffRefusedError } from './gate.errors.ts';
import { assertMayEditOwned, criterionAsOwned } from '../user/user.service.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { requireVersion } from '../common/validate.ts';
import { readinessRowsByProgrammeIds } from '../readiness/readiness.repository.ts';
import {
  criteriaByGateIds,
  criteriaByIds,
  currentSignOffsOf,
  gatesByIds,
  insertSignOff,
  insertWithdrawal,
  signatoriesByGateIds,
  signatoriesByIds,
  signOffsByGateIds,
  signOffsByIds,
  updateCriterionIfVersion,
  withdrawalsBySignOffIds,
} from './gate.repository.ts';

export const sha256Hex = (text: string | Uint8Array): string =>
  createHash('sha256').update(text).digest('hex');

/** What a signatory signs: the gate, each criterion and its status, and the programme's readiness. */
export interface GateSnapshot {
  gate: { name: string; decisionDue: string };
  /** The day (UK calendar) the figures are for. */
  asOf: string;
  criteria: { title: string; owner: string; status: GateCriterionStatus; rationale: string | null }[];
  readiness: {
    total: number;
    applicable: number;
    complete: number;
    shareComplete: number;
    weightedShareComplete: number;
    dayOneCritical: number;
    dayOneCriticalOpen: number;
    overdue: number;
    blocked: number;
  };
}

export async function gateSnapshot(db: Kysely<Database>, gate: Gate, today: string): Promise<GateSnapshot> {
  const criteria = await criteriaByGateIds(db, [gate.id]);
  const rows = await readinessRowsByProgrammeIds(db, [gate.programme_id]);
  const r = rollUpReadiness(
    rows.map((x) => ({ status: x.status, dueDate: x.due_date, dayOneCritical: x.day_one_critical })),
    today,
  );
  return {
    gate: { name: gate.name, decisionDue: gate.decision_due },
    asOf: today,
    criteria: criteria.map((c) => ({
      title: c.title,
      owner: c.owner,
      status: c.status,
      rationale: c.rationale,
    })),
    readiness: {
      total: r.total,
      applicable: r.applicable,
      complete: r.complete,
      shareComplete: r.shareComplete,
      weightedShareComplete: r.weightedShareComplete,
      dayOneCritical: r.dayOneCritical,
      dayOneCriticalOpen: r.dayOneCriticalOpen,
      overdue: r.overdue,
      blocked: r.blocked,
    },
  };
}

/** The snapshot as the exact text stored and hashed. */
export async function gateSnapshotText(db: Kysely<Database>, gate: Gate, today: string): Promise<string> {
  return canonicalJson(await gateSnapshot(db, gate, today));
}

/** GO, OPEN or NO_GO, with reasons, from the gate's criteria, its signatories' current sign-offs and its decision date. */
export async function decideGate(
  db: Kysely<Database>,
  gate: Pick<Gate, 'id' | 'decision_due'>,
  today: string,
): Promise<GateDecision> {
  const gateId = gate.id;
  const [criteria, signatories, signOffs] = await Promise.all([
    criteriaByGateIds(db, [gateId]),
    signatoriesByGateIds(db, [gateId]),
    signOffsByGateIds(db, [gateId]),
  ]);
  const withdrawn = new Set(
    (
      await withdrawalsBySignOffIds(
        db,
        signOffs.map((s) => s.id),
      )
    ).map((w) => w.sign_off_id),
  );
  const signed = new Set(signOffs.filter((s) => !withdrawn.has(s.id)).map((s) => s.signatory_id));
  return gateOutcome(
    criteria.map((c) => ({ title: c.title, status: c.status })),
    signatories.map((s) => ({ roleTitle: s.role_title, signed: signed.has(s.id) })),
    { decisionDue: gate.decision_due, today },
  );
}

/**
 * Signs the gate as its signatory: only the user named for that role, once
 * (until withdrawn), and only on the snapshot they were shown
 * (`expectedSnapshotSha256`), so that what is recorded is what they saw.
 */
export async function signGate(
  db: Kysely<Database>,
  viewer: Viewer | null,
  input: { signatoryId: string; expectedSnapshotSha256: string },
  today: string,
  now: Date,
): Promise<GateSignOff> {
  const signatory = (await signatoriesByIds(db, [input.signatoryId]))[0];
  if (!signatory) throw new ValidationError('signatoryId', 'no required signatory has this ID');
  if (signatory.removed_at) {
    throw new ValidationError(
      'signatoryId',
      `the ${signatory.role_title} was removed from the gate: it no longer signs`,
    );
  }
  if (!viewer || viewer.kind !== 'user' || viewer.userId !== signatory.user_id) {
    throw new SignOffRefusedError(
      `Only the person named as the ${signatory.role_title} may sign as the ${signatory.role_title}. Nothing was signed.`,
      'NOT_THE_SIGNATORY',
    );
  }
  const gate = (await gatesByIds(db, [signatory.gate_id]))[0]!;
  const snapshot = await gateSnapshotText(db, gate, today);
  const hash = sha256Hex(snapshot);
  if (!/^[0-9a-f]{64}$/.test(input.expectedSnapshotSha256)) {
    throw new ValidationError(
      'expectedSnapshotSha256',
      'must be the 64 hexadecimal digits of the snapshot you read',
    );
  }
  if (input.expectedSnapshotSha256 !== hash) {
    throw new ValidationError(
      'expectedSnapshotSha256',
      'the gate changed since you read it (a criterion or a readiness figure): read it again and sign what you see now. Nothing was signed.',
    );
  }
  if ((await currentSignOffsOf(db, signatory.id)).length > 0) {
    throw new ValidationError(
      'signatoryId',
      `the ${signatory.role_title} has signed already; withdraw that sign-off first to sign again`,
    );
  }
  return insertSignOff(db, {
    gate_id: gate.id,
    signatory_id: signatory.id,
    user_id: viewer.userId,
    role_title: signatory.role_title,
    signed_at: now,
    snapshot,
    snapshot_sha256: hash,
  });
}

/** Withdraws a sign-off, with a reason: the person who signed it only; the sign-off itself stays as it was. */
export async function withdrawSignOff(
  db: Kysely<Database>,
  viewer: Viewer | null,
  input: { signOffId: string; reason: string },
  now: Date,
): Promise<GateSignOffWithdrawal> {
  const signOff = (await signOffsByIds(db, [input.signOffId]))[0];
  if (!signOff) throw new ValidationError('signOffId', 'no sign-off has this ID');
  if (!viewer || viewer.kind !== 'user' || viewer.userId !== signOff.user_id) {
    throw new SignOffRefusedError(
      'Only the person who signed a sign-off may withdraw it. Nothing was withdrawn.',
      'NOT_THE_SIGNER',
    );
  }
  const reason = input.reason.trim();
  if (reason === '') throw new ValidationError('reason', 'is required: say why the sign-off is withdrawn');
  if (reason.length > 4000) throw new ValidationError('reason', 'is too long (at most 4000 characters)');
  if ((await withdrawalsBySignOffIds(db, [signOff.id])).length > 0) {
    throw new ValidationError('signOffId', 'this sign-off has been withdrawn already');
  }
  return insertWithdrawal(db, { sign_off_id: signOff.id, user_id: viewer.userId, withdrawn_at: now, reason });
}

/**
 * Refuses, saying why, unless the viewer owns the criterion (its owner user, or a lead of its owning
 * workstream) or is an ADMIN. A missing criterion is left to the caller.
 */
export async function assertMayChangeCriterion(
  db: Kysely<Database>,
  viewer: Viewer | null,
  id: string,
  fields: readonly string[],
): Promise<void> {
  const c = (await criteriaByIds(db, [id]))[0];
  if (!c) return;
  await assertMayEditOwned(db, viewer, 'GATE_CRITERION', 'go/no-go criterion', criterionAsOwned(c), fields);
}

/** Judges a criterion: PENDING, PASS, FAIL or WAIVED (which needs its rationale), at the version read. */
export async function updateCriterion(
  db: Kysely<Database>,
  viewer: Viewer | null,
  input: { id: string; expectedVersion: number; status: GateCriterionStatus; rationale?: string | null },
  now: Date,
): Promise<GateCriterion> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  await assertMayChangeCriterion(db, viewer, input.id, ['status', 'rationale']);
  const rationale = input.rationale?.trim() || null;
  const problem = criterionStatusProblem(input.status, rationale);
  if (problem) throw new ValidationError('rationale', problem);
  return updateAtVersion({
    typename: 'GateCriterion',
    id: input.id,
    expectedVersion,
    update: () =>
      updateCriterionIfVersion(db, input.id, expectedVersion, { status: input.status, rationale }, now),
    reload: async () => (await criteriaByIds(db, [input.id]))[0],
  });
}
