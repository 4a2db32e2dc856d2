/**
 * ELI packages. Their state and counts are for every staff role; who is in a
 * package (the people) is HR's alone, field by field.
 */
import type { EliPackage } from '@handover/db';
import {
  ELI_CATEGORIES,
  ELI_FLAGS,
  ELI_INCLUSION_REASONS,
  ELI_PACKAGE_KINDS,
  ELI_PACKAGE_STATUSES,
  ELI_WARNING_DAYS,
  missingEliCategories,
} from '@handover/domain';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { ValidationError } from '../../schema/errors.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import {
  IDEMPOTENCY_KEY_ARG,
  MAX_PAGE_SIZE,
  UPDATE_ERRORS,
  decodeId,
  groupLoader,
  withTotalCount,
} from '../common/common.schema.ts';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { EmployeeRef } from '../people/people.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import {
  eliPackagesByIds,
  packageMembers,
  reasonCountsByPackageIds,
  type PackageMember,
} from './eli.repository.ts';
import {
  createEliPackage,
  eliSummary,
  sendEliPackage,
  updateEliPackage,
  type EliSummary,
} from './eli.service.ts';

export const EliCategoryEnum = builder.enumType('EliCategory', {
  values: ELI_CATEGORIES,
  description:
    'What ELI supplies (TUPE reg 11(2)): identity and age; the written statement of particulars; disciplinary ' +
    'action and grievances in the last two years; claims in the last two years or expected; collective agreements.',
});
export const EliPackageKindEnum = builder.enumType('EliPackageKind', { values: ELI_PACKAGE_KINDS });
export const EliPackageStatusEnum = builder.enumType('EliPackageStatus', { values: ELI_PACKAGE_STATUSES });
export const EliInclusionReasonEnum = builder.enumType('EliInclusionReason', {
  values: ELI_INCLUSION_REASONS,
  description: 'NEW: in no sent package before; CHANGED: details changed since; OBJECTED: objected since.',
});
export const EliFlagEnum = builder.enumType('EliFlag', {
  values: ELI_FLAGS,
  description:
    'DUE_SOON: nothing sent and the due date is within the warning days; LATE: nothing sent by the due date, or ' +
    'first sent after it; INCOMPLETE: a sent package lacks a category, or someone in the transferring list is in ' +
    'no sent package; UPDATE_NEEDED: people changed or objected after their package was sent.',
});

const reasonCounts = groupLoader(
  (ctx, ids) => reasonCountsByPackageIds(ctx.db, ids),
  (row) => row.package_id,
);

const EliPackageEmployeeRef = builder.objectRef<PackageMember>('EliPackageEmployee').implement({
  description: 'Someone in an ELI package, and why they are in it. HR only.',
  fields: (t) => ({
    employee: t.field({ type: EmployeeRef, resolve: (m) => m.employee_id }),
    reason: t.field({ type: EliInclusionReasonEnum, resolve: (m) => m.reason }),
  }),
});

export const EliPackageRef = builder.loadableNode('EliPackage', {
  description:
    'Employee liability information sent (or to be sent) to the transferee: numbered 1, 2, 3...; once SENT it is ' +
    'never changed, only followed by an UPDATE package.',
  id: { resolve: (p: EliPackage) => p.id },
  load: (ids: string[], ctx) => eliPackagesByIds(ctx.db, ids),
  sort: (p) => p.id,
  fields: (t) => ({
    number: t.exposeInt('number'),
    kind: t.field({ type: EliPackageKindEnum, resolve: (p) => p.kind }),
    status: t.field({ type: EliPackageStatusEnum, resolve: (p) => p.status }),
    categories: t.field({
      type: [EliCategoryEnum],
      description: 'The categories it supplies, in statutory order.',
      resolve: (p) => ELI_CATEGORIES.filter((c) => p.categories.includes(c)),
    }),
    missingCategories: t.field({
      type: [EliCategoryEnum],
      resolve: (p) => missingEliCategories(p.categories),
    }),
    notes: t.exposeString('notes'),
    sentOn: t.expose('sent_on', { type: 'Date', nullable: true }),
    sentBy: t.field({ type: UserRef, nullable: true, resolve: (p) => p.sent_by }),
    programme: t.field({ type: ProgrammeRef, resolve: (p) => p.programme_id }),
    employeeCount: t.int({
      description: 'How many people it lists.',
      resolve: async (p, _args, ctx) => (await reasonCounts(ctx).load(p.id)).reduce((n, r) => n + r.n, 0),
    }),
    newCount: t.int({
      resolve: async (p, _args, ctx) =>
        (await reasonCounts(ctx).load(p.id)).find((r) => r.reason === 'NEW')?.n ?? 0,
    }),
    changedCount: t.int({
      resolve: async (p, _args, ctx) =>
        (await reasonCounts(ctx).load(p.id)).find((r) => r.reason === 'CHANGED')?.n ?? 0,
    }),
    objectedCount: t.int({
      resolve: async (p, _args, ctx) =>
        (await reasonCounts(ctx).load(p.id)).find((r) => r.reason === 'OBJECTED')?.n ?? 0,
    }),
    members: t.connection(
      {
        type: EliPackageEmployeeRef,
        nullable: true,
        description: 'Who it lists, by payroll number. HR only.',
        authScopes: scopesFor('EliPackage.members'),
        resolve: async (p, args, ctx) => ({
          ...(await resolveOffsetConnection({ args, defaultSize: 100, maxSize: MAX_PAGE_SIZE }, (page) =>
            packageMembers(ctx.db, p.id, page),
          )),
          totalCount: async () => (await reasonCounts(ctx).load(p.id)).reduce((n, r) => n + r.n, 0),
        }),
      },
      withTotalCount,
    ),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    version: t.exposeInt('version'),
  }),
});

const EliSummaryRef = builder.objectRef<EliSummary>('EliSummary').implement({
  description: 'Where the programme’s ELI stands today: its due date, its flags and the counts behind them.',
  fields: (t) => ({
    dueDate: t.expose('dueDate', {
      type: 'Date',
      description: '28 days before the transfer day (reg 11(6)).',
    }),
    daysToDue: t.exposeInt('daysToDue', { description: 'From today; 0 on the day, negative after.' }),
    warningDays: t.exposeInt('warningDays'),
    flags: t.field({ type: [EliFlagEnum], resolve: (s) => s.flags }),
    messages: t.exposeStringList('messages', {
      description: 'What the flags mean, in words, gravest first.',
    }),
    missingCategories: t.field({
      type: [EliCategoryEnum],
      description: 'Categories some sent package lacks.',
      resolve: (s) => s.missingCategories,
    }),
    transferringCount: t.int({
      description: 'People in the transferring list (IN_SCOPE_ASSIGNED).',
      resolve: (s) => s.transferring,
    }),
    notInAnySentPackageCount: t.int({ resolve: (s) => s.pending.notInAnySent.length }),
    changedSinceSentCount: t.int({ resolve: (s) => s.pending.changed.length }),
    objectedSinceSentCount: t.int({ resolve: (s) => s.pending.objected.length }),
    packages: t.field({ type: [EliPackageRef], description: 'By number.', resolve: (s) => s.packages }),
  }),
});

builder.objectField(ProgrammeRef, 'eli', (t) =>
  t.field({
    type: EliSummaryRef,
    description: 'Employee liability information: due date, state, packages (counts only; people are HR’s).',
    args: {
      warningDays: t.arg.int({
        required: true,
        defaultValue: ELI_WARNING_DAYS,
        description: 'How many days before the due date the DUE_SOON warning starts.',
      }),
    },
    resolve: (p, args, ctx) => eliSummary(ctx.db, p, ctx.today, args.warningDays),
  }),
);

const CreateEliPackageInput = builder.inputType('CreateEliPackageInput', {
  fields: (t) => ({
    programmeId: t.id(),
    categories: t.field({ type: [EliCategoryEnum], required: false }),
    notes: t.string({ required: false }),
  }),
});

const UpdateEliPackageInput = builder.inputType('UpdateEliPackageInput', {
  description: 'A draft only: a sent package cannot be changed.',
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    categories: t.field({ type: [EliCategoryEnum], required: false }),
    notes: t.string({ required: false }),
  }),
});

const SendEliPackageInput = builder.inputType('SendEliPackageInput', {
  fields: (t) => ({
    id: t.id(),
    expectedVersion: t.int(),
    sentOn: t.field({ type: 'Date', description: 'The day it went to the transferee; not in the future.' }),
  }),
});

const target = (operation: string, id: (() => string) | null) => ({
  operation,
  entityType: 'EliPackage',
  table: 'eli_package' as const,
  id,
});

builder.mutationFields((t) => ({
  createEliPackage: t.field({
    type: EliPackageRef,
    description:
      'Starts the next package as a draft: the first lists everyone in the transferring list; an update lists who ' +
      'joined it, changed or objected since their package was sent.',
    authScopes: scopesFor('Mutation.createEliPackage'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'CreateEliPackageResult' } },
    args: {
      input: t.arg({ type: CreateEliPackageInput }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG),
    },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      auditedWrite(ctx, { ...target('createEliPackage', null), idempotencyKey }, (db) =>
        createEliPackage(
          db,
          { ...input, programmeId: decodeId(input.programmeId, 'Programme', 'programmeId') },
          ctx.clock.now(),
        ),
      ),
  }),
  updateEliPackage: t.field({
    type: EliPackageRef,
    authScopes: scopesFor('Mutation.updateEliPackage'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'UpdateEliPackageResult' } },
    args: { input: t.arg({ type: UpdateEliPackageInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        target('updateEliPackage', () => decodeId(input.id, 'EliPackage', 'id')),
        (db, id) => updateEliPackage(db, { ...input, id }, ctx.clock.now()),
      ),
  }),
  sendEliPackage: t.field({
    type: EliPackageRef,
    description: 'Records a draft as sent on `sentOn`. From then on it is never changed.',
    authScopes: scopesFor('Mutation.sendEliPackage'),
    errors: { types: UPDATE_ERRORS, directResult: true, union: { name: 'SendEliPackageResult' } },
    args: { input: t.arg({ type: SendEliPackageInput }) },
    resolve: (_root, { input }, ctx) =>
      auditedWrite(
        ctx,
        target('sendEliPackage', () => decodeId(input.id, 'EliPackage', 'id')),
        (db, id) => {
          if (!ctx.viewer) throw new ValidationError('id', 'sign in first');
          return sendEliPackage(
            db,
            { ...input, id },
            { now: ctx.clock.now(), today: ctx.today, userId: ctx.viewer.userId },
          );
        },
      ),
  }),
}));
