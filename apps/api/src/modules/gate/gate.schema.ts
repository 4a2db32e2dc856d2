/**
 * The go/no-go gate: its criteria, required signatories, sign-offs and their
 * withdrawals, its outcome; evidence on checklist items and criteria.
 * Partners see the gate's name, due date and outcome, never who signs.
 */
import type { Gate, GateCriterion, GateSignatory, GateSignOff, GateSignOffWithdrawal } from '@handover/db';
import { GATE_CRITERION_STATUSES, GATE_OUTCOMES, GATE_OUTCOME_RULE } from '@handover/domain';
import { createContextCache } from '@pothos/core';
import { Buffer } from 'node:buffer';
import { scopesFor } from '../../access/scopes.ts';
import type { Context } from '../../context.ts';
import { PARTNER, builder } from '../../schema/builder.ts';
import { ValidationError } from '../../schema/errors.ts';
import { auditedWrite, keyedCreate, recordAudit, refusalReason } from '../audit/audit.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import { ChecklistItemRef, WorkstreamRef } from '../checklist/checklist.schema.ts';
import { criterionAsOwned, viewerCanEdit } from '../user/user.service.ts';
import {
  EDIT_ERRORS,
  ErrorInterface,
  IDEMPOTENCY_KEY_ARG,
  decodeId,
  groupLoader,
} from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { SignOffRefusedError } from './gate.errors.ts';
import {
  criteriaByGateIds,
  criteriaByIds,
  evidenceByIds,
  evidenceOf,
  evidenceContent,
  gatesByIds,
  gatesByProgrammeIds,
  signatoriesByGateIds,
  signatoriesByIds,
  signOffsByGateIds,
  signOffsByIds,
  withdrawalsBySignOffIds,
  type EvidenceRow,
} from './gate.repository.ts';
import { addEvidence, removeEvidence } from './evidence.service.ts';
import {
  decideGate,
  gateSnapshotText,
  sha256Hex,
  signGate,
  updateCriterion,
  withdrawSignOff,
} from './gate.service.ts';

export const GateCriterionStatusEnum = builder.enumType('GateCriterionStatus', {
  values: GATE_CRITERION_STATUSES,
  description:
    'PENDING still to be judged; PASS met; FAIL not met; WAIVED not needed for GO, with a rationale.',
});
export const GateOutcomeEnum = builder.enumType('GateOutcome', {
  values: GATE_OUTCOMES,
  subGraphs: PARTNER,
  description: GATE_OUTCOME_RULE,
});
const EvidenceKindEnum = builder.enumType('EvidenceKind', { values: ['LINK', 'FILE'] as const });

builder.objectType(SignOffRefusedError, {
  name: 'SignOffRefusedError',
  description:
    'Only the person named for a role signs as it, and only the signer withdraws a sign-off. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

const decisionOf = createContextCache((_ctx: Context) => new Map<string, ReturnType<typeof decideGate>>());
const decision = (ctx: Context, gate: Gate) => {
  const cache = decisionOf(ctx);
  let d = cache.get(gate.id);
  if (!d) cache.set(gate.id, (d = decideGate(ctx.db, gate, ctx.today)));
  return d;
};
const snapshotOf = createContextCache((_ctx: Context) => new Map<string, Promise<string>>());
const snapshot = (ctx: Context, gate: Gate) => {
  const cache = snapshotOf(ctx);
  let s = cache.get(gate.id);
  if (!s) cache.set(gate.id, (s = gateSnapshotText(ctx.db, gate, ctx.today)));
  return s;
};

const criteriaOf = groupLoader(
  (ctx, ids) => criteriaByGateIds(ctx.db, ids),
  (c) => c.gate_id,
);
const signatoriesOf = groupLoader(
  (ctx, ids) => signatoriesByGateIds(ctx.db, ids),
  (s) => s.gate_id,
);
const signOffsOf = groupLoader(
  (ctx, ids) => signOffsByGateIds(ctx.db, ids),
  (s) => s.gate_id,
);
const withdrawalOf = groupLoader(
  (ctx, ids) => withdrawalsBySignOffIds(ctx.db, ids),
  (w) => w.sign_off_id,
);
const itemEvidence = groupLoader(
  (ctx, ids) => evidenceOf(ctx.db, 'checklist_item_id', ids),
  (e) => e.checklist_item_id!,
);
const criterionEvidence = groupLoader(
  (ctx, ids) => evidenceOf(ctx.db, 'gate_criterion_id', ids),
  (e) => e.gate_criterion_id!,
);
const gateOfProgramme = groupLoader(
  (ctx, ids) => gatesByProgrammeIds(ctx.db, ids),
  (g) => g.programme_id,
);

export const EvidenceRef = builder.loadableNode('Evidence', {
  description:
    'A link, or a file kept in Handover (at most 10 MB), showing that an item or criterion is met.',
  id: { resolve: (e: EvidenceRow) => e.id },
  load: (ids: string[], ctx) => evidenceByIds(ctx.db, ids),
  sort: (e) => e.id,
  fields: (t) => ({
    kind: t.field({ type: EvidenceKindEnum, resolve: (e) => e.kind }),
    label: t.exposeString('label'),
    url: t.exposeString('url', { nullable: true }),
    fileName: t.exposeString('file_name', { nullable: true }),
    contentType: t.exposeString('content_type', { nullable: true }),
    sizeBytes: t.exposeInt('size_bytes', { nullable: true }),
    sha256: t.exposeString('sha256', { nullable: true }),
    checklistItem: t.field({ type: ChecklistItemRef, nullable: true, resolve: (e) => e.checklist_item_id }),
    addedBy: t.field({ type: UserRef, nullable: true, resolve: (e) => e.added_by }),
    addedAt: t.expose('added_at', { type: 'DateTime' }),
    removedBy: t.field({ type: UserRef, nullable: true, resolve: (e) => e.removed_by }),
    removedAt: t.expose('removed_at', { type: 'DateTime', nullable: true }),
    contentBase64: t.string({
      nullable: true,
      description:
        'The file itself, base64 (null for a link). Ask for it one file at a time, to download it.',
      resolve: async (e, _a, ctx) => {
        if (e.kind !== 'FILE') return null;
        const content = await evidenceContent(ctx.db, e.id);
        return content ? Buffer.from(content).toString('base64') : null;
      },
    }),
  }),
});

export const GateSignOffWithdrawalRef = builder
  .objectRef<GateSignOffWithdrawal>('GateSignOffWithdrawal')
  .implement({
    description: 'A sign-off withdrawn, and why: kept beside the sign-off, which stays as it was.',
    fields: (t) => ({
      id: t.exposeID('id'),
      user: t.field({ type: UserRef, resolve: (w) => w.user_id }),
      withdrawnAt: t.expose('withdrawn_at', { type: 'DateTime' }),
      reason: t.exposeString('reason'),
    }),
  });

export const GateSignOffRef = builder.loadableNode('GateSignOff', {
  description:
    'A signature: who, as which role, when, and exactly what they saw. Never changed; only withdrawn.',
  id: { resolve: (s: GateSignOff) => s.id },
  load: (ids: string[], ctx) => signOffsByIds(ctx.db, ids),
  sort: (s) => s.id,
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (s) => s.user_id }),
    roleTitle: t.exposeString('role_title'),
    signedAt: t.expose('signed_at', { type: 'DateTime' }),
    snapshot: t.exposeString('snapshot', {
      description: 'What they signed (JSON), exactly as shown to them.',
    }),
    snapshotSha256: t.exposeString('snapshot_sha256'),
    withdrawal: t.field({
      type: GateSignOffWithdrawalRef,
      nullable: true,
      resolve: async (s, _a, ctx) => (await withdrawalOf(ctx).load(s.id))[0] ?? null,
    }),
  }),
});

export const GateSignatoryRef = builder.loadableNode('GateSignatory', {
  description: 'An accountable role title that must sign the gate, and the user who signs as it.',
  id: { resolve: (s: GateSignatory) => s.id },
  load: (ids: string[], ctx) => signatoriesByIds(ctx.db, ids),
  sort: (s) => s.id,
  fields: (t) => ({
    position: t.exposeInt('position'),
    roleTitle: t.exposeString('role_title'),
    user: t.field({ type: UserRef, resolve: (s) => s.user_id }),
    viewerIsSignatory: t.boolean({
      description: 'Whether you are the person who signs as this role.',
      resolve: (s, _a, ctx) => ctx.viewer?.kind === 'user' && ctx.viewer.userId === s.user_id,
    }),
    currentSignOff: t.field({
      type: GateSignOffRef,
      nullable: true,
      description: 'Their sign-off that has not been withdrawn, if any.',
      resolve: async (s, _a, ctx) => {
        const mine = (await signOffsOf(ctx).load(s.gate_id)).filter((o) => o.signatory_id === s.id);
        const withdrawn = await withdrawalOf(ctx).loadMany(mine.map((o) => o.id));
        return mine.find((_o, i) => (withdrawn[i] as GateSignOffWithdrawal[]).length === 0) ?? null;
      },
    }),
  }),
});

export const GateCriterionRef = builder.loadableNode('GateCriterion', {
  description: 'What must hold for GO, with its evidence, owner and status.',
  id: { resolve: (c: GateCriterion) => c.id },
  load: (ids: string[], ctx) => criteriaByIds(ctx.db, ids),
  sort: (c) => c.id,
  fields: (t) => ({
    position: t.exposeInt('position'),
    title: t.exposeString('title'),
    owner: t.exposeString('owner', { description: 'Who answers for it (a workstream or role), as a label.' }),
    ownerUser: t.field({
      type: UserRef,
      nullable: true,
      description: 'The user who owns it: they judge it and add its evidence.',
      resolve: (c) => c.owner_user_id,
    }),
    ownerWorkstream: t.field({
      type: WorkstreamRef,
      nullable: true,
      description: 'The workstream that owns it: its leads judge it and add its evidence.',
      resolve: (c) => c.owner_workstream_id,
    }),
    viewerCanEdit: t.boolean({
      description:
        'Whether you may judge it and change its evidence: its owner user, a lead of its owning workstream, or an ADMIN.',
      resolve: (c, _a, ctx) => viewerCanEdit(ctx, 'GATE_CRITERION', criterionAsOwned(c)),
    }),
    status: t.field({ type: GateCriterionStatusEnum, resolve: (c) => c.status }),
    rationale: t.exposeString('rationale', {
      nullable: true,
      description: 'Why it is waived (required for WAIVED).',
    }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Links and files, removed ones too (marked).',
      resolve: (c, _a, ctx) => criterionEvidence(ctx).load(c.id),
    }),
  }),
});

export const GateRef = builder.loadableNode('Gate', {
  subGraphs: PARTNER,
  description: 'The go/no-go gate of a programme (DOMAIN.md 6.6). ' + GATE_OUTCOME_RULE,
  id: { resolve: (g: Gate) => g.id },
  load: (ids: string[], ctx) => gatesByIds(ctx.db, ids),
  sort: (g) => g.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    decisionDue: t.expose('decision_due', { type: 'Date' }),
    programme: t.field({ type: ProgrammeRef, resolve: (g) => g.programme_id }),
    outcome: t.field({
      type: GateOutcomeEnum,
      resolve: async (g, _a, ctx) => (await decision(ctx, g)).outcome,
    }),
    outcomeReasons: t.stringList({
      description:
        'Why it is not GO (what is outstanding while OPEN): the decision date passed, each criterion open or failed and ' +
        'each sign-off missing (role titles, never names).',
      resolve: async (g, _a, ctx) => (await decision(ctx, g)).reasons,
    }),
    outcomeRule: t.string({
      description: 'The rule that decides the outcome, in a sentence.',
      resolve: () => GATE_OUTCOME_RULE,
    }),
    version: t.exposeInt('version', { subGraphs: [] }),
    criteria: t.field({
      type: [GateCriterionRef],
      subGraphs: [],
      resolve: (g, _a, ctx) => criteriaOf(ctx).load(g.id),
    }),
    signatories: t.field({
      type: [GateSignatoryRef],
      subGraphs: [],
      resolve: (g, _a, ctx) => signatoriesOf(ctx).load(g.id),
    }),
    signOffs: t.field({
      type: [GateSignOffRef],
      subGraphs: [],
      description: 'Every sign-off, in the order made, withdrawn ones too (with their withdrawal).',
      resolve: (g, _a, ctx) => signOffsOf(ctx).load(g.id),
    }),
    snapshot: t.string({
      subGraphs: [],
      description:
        'Exactly what a signatory signs now (JSON): the criteria with their statuses and the readiness figures.',
      resolve: (g, _a, ctx) => snapshot(ctx, g),
    }),
    snapshotSha256: t.string({
      subGraphs: [],
      description:
        'The SHA-256 of snapshot: give it to signGate, which refuses if the gate has changed since.',
      resolve: async (g, _a, ctx) => sha256Hex(await snapshot(ctx, g)),
    }),
  }),
});

builder.objectFields(EvidenceRef, (t) => ({
  criterion: t.field({ type: GateCriterionRef, nullable: true, resolve: (e) => e.gate_criterion_id }),
}));

builder.objectFields(GateSignOffWithdrawalRef, (t) => ({
  signOff: t.field({ type: GateSignOffRef, resolve: (w) => w.sign_off_id }),
}));

builder.objectFields(GateSignOffRef, (t) => ({
  gate: t.field({ type: GateRef, resolve: (s) => s.gate_id }),
  signatory: t.field({ type: GateSignatoryRef, resolve: (s) => s.signatory_id }),
}));

builder.objectFields(GateSignatoryRef, (t) => ({
  gate: t.field({ type: GateRef, resolve: (s) => s.gate_id }),
}));

builder.objectFields(GateCriterionRef, (t) => ({
  gate: t.field({ type: GateRef, resolve: (c) => c.gate_id }),
}));

builder.objectField(ProgrammeRef, 'gate', (t) =>
  t.field({
    type: GateRef,
    nullable: true,
    description: 'The go/no-go gate, if the programme has one.',
    resolve: async (p, _a, ctx) => (await gateOfProgramme(ctx).load(p.id))[0] ?? null,
  }),
);

builder.objectField(ChecklistItemRef, 'attachedEvidence', (t) =>
  t.field({
    type: [EvidenceRef],
    description: 'Links and files attached as evidence, removed ones too (marked).',
    resolve: (i, _a, ctx) => itemEvidence(ctx).load(i.id),
  }),
);

// ---------------------------------------------------------------------------------------------
// Writes

const UpdateGateCriterionInput = builder.inputType('UpdateGateCriterionInput', {
  description: 'Give the version you read. WAIVED needs a rationale.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    status: t.field({ type: GateCriterionStatusEnum }),
    rationale: t.string({ required: false }),
  }),
});

builder.mutationField('updateGateCriterion', (t) =>
  t.field({
    type: GateCriterionRef,
    authScopes: scopesFor('Mutation.updateGateCriterion'),
    errors: { types: EDIT_ERRORS, directResult: true, union: { name: 'UpdateGateCriterionResult' } },
    args: { input: t.arg({ type: UpdateGateCriterionInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateGateCriterion',
          entityType: 'GateCriterion',
          table: 'gate_criterion',
          id: () => decodeId(input.id, 'GateCriterion', 'id'),
        },
        (db, id) =>
          updateCriterion(
            db,
            ctx.viewer,
            { id, expectedVersion: input.expectedVersion, status: input.status, rationale: input.rationale },
            ctx.clock.now(),
          ),
      ),
  }),
);

/** Runs a gate write and its audit event in one transaction; a refusal is recorded as REFUSED. */
async function auditedGateWrite<T extends { id: string }>(
  ctx: Context,
  operation: string,
  entityType: string,
  fields: string[],
  write: (db: Context['db']) => Promise<T>,
  entityOf: (row: T) => { type: string; id: string } = (row) => ({ type: entityType, id: row.id }),
  /** A create's idempotency key, and how to read the row a first create with it made. */
  keyed?: {
    idempotencyKey: string | null | undefined;
    table: string;
    replay: (db: Context['db'], id: string) => Promise<T | undefined>;
  },
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      let replayed = false;
      let row: T;
      if (keyed) {
        const made = await keyedCreate(
          trx,
          ctx,
          { operation, table: keyed.table, idempotencyKey: keyed.idempotencyKey },
          (id) => keyed.replay(trx, id),
          () => write(trx),
          (r) => r.id,
        );
        row = made.row;
        replayed = made.replayed;
      } else row = await write(trx);
      // A retried create changed nothing: no WRITE event of its own.
      if (replayed) return row;
      const entity = entityOf(row);
      await recordAudit(
        { ...ctx, db: trx },
        { kind: 'WRITE', operation, entityType: entity.type, entityId: entity.id, fields },
      );
      return row;
    });
  } catch (error) {
    const reason = error instanceof SignOffRefusedError ? `FORBIDDEN: ${error.reason}` : refusalReason(error);
    if (reason) await recordAudit(ctx, { kind: 'REFUSED', operation, entityType, fields, reason });
    throw error;
  }
}

const SignGateInput = builder.inputType('SignGateInput', {
  fields: (t) => ({
    signatoryId: t.id({ description: 'The GateSignatory you sign as: only its named user may.' }),
    expectedSnapshotSha256: t.string({
      description: 'Gate.snapshotSha256 as you read it: refused if the gate has changed since.',
    }),
  }),
});

builder.mutationField('signGate', (t) =>
  t.field({
    type: GateSignOffRef,
    description:
      'Signs the gate as its named signatory, recording exactly what they saw. Allowed while criteria are open: the outcome is not GO until every criterion is met.',
    authScopes: scopesFor('Mutation.signGate'),
    errors: {
      types: [ValidationError, SignOffRefusedError],
      directResult: true,
      union: { name: 'SignGateResult' },
    },
    args: { input: t.arg({ type: SignGateInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedGateWrite(ctx, 'signGate', 'GateSignOff', ['signatory', 'snapshot'], (db) =>
        signGate(
          db,
          ctx.viewer,
          {
            signatoryId: decodeId(input.signatoryId, 'GateSignatory', 'signatoryId'),
            expectedSnapshotSha256: input.expectedSnapshotSha256.trim().toLowerCase(),
          },
          ctx.today,
          ctx.clock.now(),
        ),
      ),
  }),
);

const WithdrawGateSignOffInput = builder.inputType('WithdrawGateSignOffInput', {
  fields: (t) => ({
    signOffId: t.id(),
    reason: t.string({ description: 'Why it is withdrawn: required.' }),
  }),
});

builder.mutationField('withdrawGateSignOff', (t) =>
  t.field({
    type: GateSignOffWithdrawalRef,
    description:
      'Withdraws your sign-off, with a reason. The sign-off is kept as it was, beside its withdrawal.',
    authScopes: scopesFor('Mutation.withdrawGateSignOff'),
    errors: {
      types: [ValidationError, SignOffRefusedError],
      directResult: true,
      union: { name: 'WithdrawGateSignOffResult' },
    },
    args: { input: t.arg({ type: WithdrawGateSignOffInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedGateWrite(
        ctx,
        'withdrawGateSignOff',
        'GateSignOff',
        ['withdrawal', 'reason'],
        (db) =>
          withdrawSignOff(
            db,
            ctx.viewer,
            { signOffId: decodeId(input.signOffId, 'GateSignOff', 'signOffId'), reason: input.reason },
            ctx.clock.now(),
          ),
        (w) => ({ type: 'GateSignOff', id: w.sign_off_id }),
      ),
  }),
);

const EvidenceFileInput = builder.inputType('EvidenceFileInput', {
  fields: (t) => ({
    name: t.string({ description: 'The file name, e.g. contract.pdf.' }),
    contentType: t.string({ required: false, description: 'e.g. application/pdf' }),
    contentBase64: t.string({ description: 'The file, base64; at most 10 MB once decoded.' }),
  }),
});

const AddEvidenceInput = builder.inputType('AddEvidenceInput', {
  description:
    'Attach to exactly one of a checklist item and a gate criterion; give exactly one of url and file.',
  fields: (t) => ({
    checklistItemId: t.id({ required: false }),
    gateCriterionId: t.id({ required: false }),
    label: t.string({ required: false, description: 'What it is; the link or file name if left out.' }),
    url: t.string({ required: false, description: 'An http(s) link.' }),
    file: t.field({ type: EvidenceFileInput, required: false }),
  }),
});

builder.mutationField('addEvidence', (t) =>
  t.field({
    type: EvidenceRef,
    authScopes: scopesFor('Mutation.addEvidence'),
    errors: { types: EDIT_ERRORS, directResult: true, union: { name: 'AddEvidenceResult' } },
    args: { input: t.arg({ type: AddEvidenceInput }), idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG) },
    resolve: (_root, { input, idempotencyKey }, ctx) => {
      const on = input.checklistItemId ? 'ChecklistItem' : 'GateCriterion';
      return auditedGateWrite(
        ctx,
        'addEvidence',
        on,
        ['evidence'],
        (db) =>
          addEvidence(
            db,
            ctx.viewer,
            {
              checklistItemId: input.checklistItemId
                ? decodeId(input.checklistItemId, 'ChecklistItem', 'checklistItemId')
                : null,
              gateCriterionId: input.gateCriterionId
                ? decodeId(input.gateCriterionId, 'GateCriterion', 'gateCriterionId')
                : null,
              label: input.label,
              url: input.url,
              file: input.file,
            },
            ctx.clock.now(),
          ),
        // Kept with the item's (or criterion's) history: the event names it.
        (e) => ({
          type: e.checklist_item_id ? 'ChecklistItem' : 'GateCriterion',
          id: e.checklist_item_id ?? e.gate_criterion_id!,
        }),
        {
          idempotencyKey,
          table: 'evidence',
          replay: async (db, id) => (await evidenceByIds(db, [id]))[0],
        },
      );
    },
  }),
);

builder.mutationField('removeEvidence', (t) =>
  t.field({
    type: EvidenceRef,
    description: 'Marks evidence removed (who, when); it stays in the history.',
    authScopes: scopesFor('Mutation.removeEvidence'),
    errors: { types: EDIT_ERRORS, directResult: true, union: { name: 'RemoveEvidenceResult' } },
    args: { id: t.arg.id() },
    resolve: (_root, args, ctx) =>
      auditedGateWrite(
        ctx,
        'removeEvidence',
        'Evidence',
        ['evidence'],
        (db) => removeEvidence(db, ctx.viewer, decodeId(args.id, 'Evidence', 'id'), ctx.clock.now()),
        (e) => ({
          type: e.checklist_item_id ? 'ChecklistItem' : 'GateCriterion',
          id: e.checklist_item_id ?? e.gate_criterion_id!,
        }),
      ),
  }),
);
