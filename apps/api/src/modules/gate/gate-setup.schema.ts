/**
 * Setting up the go/no-go gate (ADMIN only): create it, rename it or move its
 * decision date, add, change and remove criteria, add and remove required
 * signatories. Every write is audited; refusals answer as data.
 */
import { scopesFor } from '../../access/scopes.ts';
import type { Context } from '../../context.ts';
import { builder } from '../../schema/builder.ts';
import { auditedWrite, recordAudit, refusalReason } from '../audit/audit.service.ts';
import { IDEMPOTENCY_KEY_ARG, UPDATE_ERRORS, decodeId } from '../common/common.schema.ts';
import { GateCriterionRef, GateRef, GateSignatoryRef } from './gate.schema.ts';
import {
  addGateCriterion,
  addGateSignatory,
  createGate,
  removeGateCriterion,
  removeGateSignatory,
  updateGate,
  updateGateCriterionDetails,
  type GateRemoval,
} from './gate-setup.service.ts';

/** An optional ID argument: undefined stays undefined (leave alone), null stays null (clear). */
function optionalId(value: string | null | undefined, typename: string, field: string) {
  return value === undefined || value === null ? value : decodeId(value, typename, field);
}

const resultOf = (name: string) => ({
  types: UPDATE_ERRORS,
  directResult: true as const,
  union: { name: `${name[0]!.toUpperCase()}${name.slice(1)}Result` },
});

builder.objectField(GateSignatoryRef, 'removedAt', (t) =>
  t.expose('removed_at', {
    type: 'DateTime',
    nullable: true,
    description:
      'When the role stopped being required, for one kept only because its sign-offs (all withdrawn) refer to it.',
  }),
);

const CreateGateInput = builder.inputType('CreateGateInput', {
  fields: (t) => ({
    programmeId: t.id({ description: 'A programme that has no gate yet.' }),
    name: t.string(),
    decisionDue: t.field({ type: 'Date', description: 'On or before the transfer day.' }),
  }),
});

builder.mutationField('createGate', (t) =>
  t.field({
    type: GateRef,
    description:
      'Creates the go/no-go gate of a programme that has none, with no criteria and no signatories.',
    authScopes: scopesFor('Mutation.createGate'),
    errors: resultOf('createGate'),
    args: { input: t.arg({ type: CreateGateInput }), idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG) },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(
        ctx,
        { operation: 'createGate', entityType: 'Gate', table: 'gate', id: null, idempotencyKey },
        (db) =>
          createGate(db, {
            programmeId: decodeId(input.programmeId, 'Programme', 'programmeId'),
            name: input.name,
            decisionDue: input.decisionDue,
          }),
      ),
  }),
);

const UpdateGateInput = builder.inputType('UpdateGateInput', {
  description: 'Give the version you read, and what changes.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    name: t.string({ required: false }),
    decisionDue: t.field({ type: 'Date', required: false, description: 'On or before the transfer day.' }),
  }),
});

builder.mutationField('updateGate', (t) =>
  t.field({
    type: GateRef,
    authScopes: scopesFor('Mutation.updateGate'),
    errors: resultOf('updateGate'),
    args: { input: t.arg({ type: UpdateGateInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateGate',
          entityType: 'Gate',
          table: 'gate',
          id: () => decodeId(input.id, 'Gate', 'id'),
        },
        (db, id) =>
          updateGate(
            db,
            { id, expectedVersion: input.expectedVersion, name: input.name, decisionDue: input.decisionDue },
            ctx.clock.now(),
          ),
      ),
  }),
);

const AddGateCriterionInput = builder.inputType('AddGateCriterionInput', {
  fields: (t) => ({
    gateId: t.id(),
    title: t.string({ description: 'What must hold for GO.' }),
    owner: t.string({ description: 'Who answers for it (a workstream or role), as a label.' }),
    ownerUserId: t.id({
      required: false,
      description: 'The user who owns it (not a VIEWER): they judge it. Give this or ownerWorkstreamId.',
    }),
    ownerWorkstreamId: t.id({
      required: false,
      description: 'The workstream that owns it: its leads judge it. Neither owner: an ADMIN judges it.',
    }),
  }),
});

builder.mutationField('addGateCriterion', (t) =>
  t.field({
    type: GateCriterionRef,
    description: 'Adds a criterion at the end of the gate’s list, PENDING.',
    authScopes: scopesFor('Mutation.addGateCriterion'),
    errors: resultOf('addGateCriterion'),
    args: {
      input: t.arg({ type: AddGateCriterionInput }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG),
    },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'addGateCriterion',
          entityType: 'GateCriterion',
          table: 'gate_criterion',
          id: null,
          idempotencyKey,
        },
        (db) =>
          addGateCriterion(db, {
            gateId: decodeId(input.gateId, 'Gate', 'gateId'),
            title: input.title,
            owner: input.owner,
            ownerUserId: optionalId(input.ownerUserId, 'User', 'ownerUserId'),
            ownerWorkstreamId: optionalId(input.ownerWorkstreamId, 'Workstream', 'ownerWorkstreamId'),
          }),
      ),
  }),
);

const UpdateGateCriterionDetailsInput = builder.inputType('UpdateGateCriterionDetailsInput', {
  description: 'Give the version you read, and what changes. Its status is judged with updateGateCriterion.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    title: t.string({ required: false }),
    owner: t.string({ required: false, description: 'The owner’s label.' }),
    ownerUserId: t.id({
      required: false,
      description:
        'The user who owns it (not a VIEWER); null clears it. Setting it clears the owning workstream.',
    }),
    ownerWorkstreamId: t.id({
      required: false,
      description: 'The workstream that owns it; null clears it. Setting it clears the owning user.',
    }),
  }),
});

builder.mutationField('updateGateCriterionDetails', (t) =>
  t.field({
    type: GateCriterionRef,
    description: 'Changes what a criterion says and who owns it.',
    authScopes: scopesFor('Mutation.updateGateCriterionDetails'),
    errors: resultOf('updateGateCriterionDetails'),
    args: { input: t.arg({ type: UpdateGateCriterionDetailsInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'updateGateCriterionDetails',
          entityType: 'GateCriterion',
          table: 'gate_criterion',
          id: () => decodeId(input.id, 'GateCriterion', 'id'),
        },
        (db, id) =>
          updateGateCriterionDetails(
            db,
            {
              id,
              expectedVersion: input.expectedVersion,
              title: input.title,
              owner: input.owner,
              ownerUserId: optionalId(input.ownerUserId, 'User', 'ownerUserId'),
              ownerWorkstreamId: optionalId(input.ownerWorkstreamId, 'Workstream', 'ownerWorkstreamId'),
            },
            ctx.clock.now(),
          ),
      ),
  }),
);

const AddGateSignatoryInput = builder.inputType('AddGateSignatoryInput', {
  fields: (t) => ({
    gateId: t.id(),
    roleTitle: t.string({ description: 'The accountable role, e.g. s151 officer: unique per gate.' }),
    userId: t.id({ description: 'The user who signs as this role.' }),
  }),
});

builder.mutationField('addGateSignatory', (t) =>
  t.field({
    type: GateSignatoryRef,
    description: 'Requires a sign-off from an accountable role, signed by the user named.',
    authScopes: scopesFor('Mutation.addGateSignatory'),
    errors: resultOf('addGateSignatory'),
    args: {
      input: t.arg({ type: AddGateSignatoryInput }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG),
    },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(
        ctx,
        {
          operation: 'addGateSignatory',
          entityType: 'GateSignatory',
          table: 'gate_signatory',
          id: null,
          idempotencyKey,
        },
        (db) =>
          addGateSignatory(db, {
            gateId: decodeId(input.gateId, 'Gate', 'gateId'),
            roleTitle: input.roleTitle,
            userId: decodeId(input.userId, 'User', 'userId'),
          }),
      ),
  }),
);

/** A removal and its audit event, in one transaction; a refusal is recorded as REFUSED. */
async function auditedRemoval(
  ctx: Context,
  operation: string,
  entityType: string,
  readId: () => string,
  remove: (db: Context['db'], id: string) => Promise<GateRemoval>,
) {
  let entityId: string | null = null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      entityId = readId();
      const { gate, note } = await remove(trx, entityId);
      await recordAudit(
        { ...ctx, db: trx },
        { kind: 'WRITE', operation, entityType, entityId, fields: ['removed'], reason: note },
      );
      return gate;
    });
  } catch (error) {
    const reason = refusalReason(error);
    if (reason) await recordAudit(ctx, { kind: 'REFUSED', operation, entityType, entityId, reason });
    throw error;
  }
}

const RemoveGateCriterionInput = builder.inputType('RemoveGateCriterionInput', {
  fields: (t) => ({ id: t.id() }),
});

builder.mutationField('removeGateCriterion', (t) =>
  t.field({
    type: GateRef,
    description:
      'Removes a criterion; answers the gate as it is now (its outcome and snapshot follow the criteria left). Refused while the criterion has evidence: waive it instead. Sign-offs made before keep what they saw.',
    authScopes: scopesFor('Mutation.removeGateCriterion'),
    errors: resultOf('removeGateCriterion'),
    args: { input: t.arg({ type: RemoveGateCriterionInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedRemoval(
        ctx,
        'removeGateCriterion',
        'GateCriterion',
        () => decodeId(input.id, 'GateCriterion', 'id'),
        (db, id) => removeGateCriterion(db, id),
      ),
  }),
);

const RemoveGateSignatoryInput = builder.inputType('RemoveGateSignatoryInput', {
  fields: (t) => ({ id: t.id() }),
});

builder.mutationField('removeGateSignatory', (t) =>
  t.field({
    type: GateRef,
    description:
      'Stops requiring a signatory; answers the gate as it is now. Refused while they have a sign-off that is not withdrawn. One whose sign-offs were all withdrawn is kept, marked removed, for their history.',
    authScopes: scopesFor('Mutation.removeGateSignatory'),
    errors: resultOf('removeGateSignatory'),
    args: { input: t.arg({ type: RemoveGateSignatoryInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedRemoval(
        ctx,
        'removeGateSignatory',
        'GateSignatory',
        () => decodeId(input.id, 'GateSignatory', 'id'),
        (db, id) => removeGateSignatory(db, id, ctx.clock.now()),
      ),
  }),
);
