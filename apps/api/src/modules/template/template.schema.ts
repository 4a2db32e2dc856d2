/**
 * Checklist templates in GraphQL: list and read them (any staff role),
 * export one as YAML or JSON, import a file (ADMIN only: templates are
 * shared by every workstream and programme) and apply a version to the
 * programme or a service (PLAN_WRITE: an EDITOR only a template whose items
 * all land in workstreams they lead).
 */
import type { ChecklistTemplate } from '@handover/db';
import { TEMPLATE_KINDS, type TemplateError, type TemplateItem } from '@handover/domain';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.ts';
import { recordAudit, refusalReason } from '../audit/audit.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import { ChecklistItemRef, OwnerOrgEnum, WorkstreamCodeEnum } from '../checklist/checklist.schema.ts';
import { ErrorInterface, decodeId, groupLoader } from '../common/common.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef } from '../service/service.schema.ts';
import { listTemplates, templatesByIds } from './template.repository.ts';
import {
  TEMPLATE_FORMATS,
  TemplateFileError,
  applyTemplate,
  definitionOf,
  exportTemplate,
  importTemplate,
  type ApplyResult,
} from './template.service.ts';

const TemplateKindEnum = builder.enumType('ChecklistTemplateKind', {
  values: TEMPLATE_KINDS,
  description:
    'WORKSTREAM: the checklist of one workstream; SERVICE: the checklist of one service of a kind.',
});
const TemplateFormatEnum = builder.enumType('ChecklistTemplateFormat', { values: TEMPLATE_FORMATS });

const TemplateItemRef = builder.objectRef<TemplateItem>('ChecklistTemplateItem').implement({
  description: 'An item of a template, made into a checklist item when the template is applied.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable within the template.' }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    workstreamCode: t.field({ type: WorkstreamCodeEnum, resolve: (i) => i.workstream }),
    ownerOrg: t.field({ type: OwnerOrgEnum, resolve: (i) => i.ownerOrg }),
    dueOffsetDays: t.exposeInt('dueOffsetDays', {
      description: 'Days from the transfer day to its due date: -90 is T-90.',
    }),
    durationDays: t.exposeInt('durationDays'),
    dayOneCritical: t.exposeBoolean('dayOneCritical'),
    signOffRole: t.exposeString('signOffRole', { nullable: true }),
    dependsOn: t.exposeStringList('dependsOn', {
      description: 'Item keys of this template, or templateKey:itemKey of another template.',
    }),
  }),
});

/** Every version of each key asked for, newest first. */
const versionsOfKey = groupLoader(
  (ctx, keys) => listTemplates(ctx.db, { keys }),
  (r: ChecklistTemplate) => r.key,
);

export const ChecklistTemplateRef = builder.loadableNode('ChecklistTemplate', {
  description: 'One version of a checklist template; a new version is a new template, the old one is kept.',
  id: { resolve: (t: ChecklistTemplate) => t.id },
  load: (ids: string[], ctx) => templatesByIds(ctx.db, ids),
  sort: (t) => t.id,
  fields: (t) => ({
    key: t.exposeString('key'),
    templateVersion: t.exposeInt('template_version', { description: 'The version of this key.' }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    kind: t.field({ type: TemplateKindEnum, resolve: (r) => r.kind }),
    workstreamCode: t.field({ type: WorkstreamCodeEnum, resolve: (r) => r.workstream_code }),
    serviceKind: t.exposeString('service_kind', { nullable: true }),
    builtIn: t.exposeBoolean('built_in', { description: 'Shipped with Handover rather than imported.' }),
    itemCount: t.exposeInt('item_count'),
    items: t.field({ type: [TemplateItemRef], resolve: (r) => definitionOf(r).items }),
    createdBy: t.field({ type: UserRef, nullable: true, resolve: (r) => r.created_by }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    export: t.string({
      description: 'The template as a file to edit and import again as a new version.',
      args: { format: t.arg({ type: TemplateFormatEnum, required: true, defaultValue: 'YAML' }) },
      resolve: (r, args) => exportTemplate(r, args.format),
    }),
  }),
});

// Added after the type, which they return.
builder.objectFields(ChecklistTemplateRef, (t) => ({
  versions: t.field({
    type: [ChecklistTemplateRef],
    description: 'Every version of this key, this one among them, newest first.',
    resolve: (r, _a, ctx) => versionsOfKey(ctx).load(r.key),
  }),
  latest: t.boolean({
    description: 'Whether this is the newest version of its key.',
    resolve: async (r, _a, ctx) => (await versionsOfKey(ctx).load(r.key))[0]?.id === r.id,
  }),
}));

const TemplateProblemRef = builder.objectRef<TemplateError>('ChecklistTemplateProblem').implement({
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where in the file, e.g. items[3].dueOffsetDays.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(TemplateFileError, {
  name: 'ChecklistTemplateFileError',
  description: 'The file breaks the template rules: every problem is listed. Nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problems: t.field({ type: [TemplateProblemRef], resolve: (e) => e.problems }),
  }),
});

const ApplicationRef = builder.objectRef<ApplyResult>('ChecklistTemplateApplication').implement({
  description: 'What applying a template did.',
  fields: (t) => ({
    template: t.field({ type: ChecklistTemplateRef, resolve: (r) => r.template }),
    programme: t.field({ type: ProgrammeRef, resolve: (r) => r.programmeId }),
    service: t.field({ type: ServiceRef, nullable: true, resolve: (r) => r.serviceId }),
    created: t.field({ type: [ChecklistItemRef], resolve: (r) => r.created }),
    updatedCount: t.exposeInt('updated', {
      description:
        'Items made from an earlier version, now recorded against this one (their work untouched).',
    }),
    keptCount: t.exposeInt('kept', { description: 'Items already made from this version.' }),
    dependenciesAdded: t.exposeInt('dependenciesAdded'),
    removedFromTemplate: t.field({
      type: [ChecklistItemRef],
      description: 'Items made from an earlier version that this one no longer lists: kept, not deleted.',
      resolve: (r) => r.removedFromTemplate,
    }),
    unresolvedDependencies: t.exposeStringList('unresolved', {
      description: '`itemKey -> templateKey:itemKey`: the other template is not applied here yet.',
    }),
    unchanged: t.exposeBoolean('unchanged', {
      description: 'True when it was already applied: nothing changed.',
    }),
    message: t.exposeString('message'),
  }),
});

builder.queryFields((t) => ({
  checklistTemplates: t.field({
    type: [ChecklistTemplateRef],
    description: 'Every template version: workstream templates in section 3 order, then service templates.',
    authScopes: scopesFor('Query.checklistTemplates'),
    args: {
      kind: t.arg({ type: TemplateKindEnum, required: false }),
      workstreamCode: t.arg({ type: WorkstreamCodeEnum, required: false }),
      key: t.arg.string({ required: false, description: 'Only the versions of this key, newest first.' }),
      latestOnly: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Only the newest version of each key.',
      }),
    },
    resolve: (_root, args, ctx) =>
      listTemplates(ctx.db, {
        kind: args.kind,
        workstreamCode: args.workstreamCode,
        keys: args.key == null ? null : [args.key],
        latestOnly: args.latestOnly,
      }),
  }),
}));

const ImportInput = builder.inputType('ImportChecklistTemplateInput', {
  fields: (t) => ({
    format: t.field({ type: TemplateFormatEnum, required: true }),
    content: t.string({ required: true, description: 'The YAML or JSON text of the file.' }),
  }),
});

const ApplyInput = builder.inputType('ApplyChecklistTemplateInput', {
  fields: (t) => ({
    templateId: t.id({ required: true }),
    programmeId: t.id({ required: true }),
    serviceId: t.id({ required: false, description: 'Apply to this service; left out: to the programme.' }),
  }),
});

async function refused(
  ctx: Parameters<typeof recordAudit>[0],
  operation: string,
  error: unknown,
): Promise<never> {
  const reason =
    error instanceof TemplateFileError
      ? `VALIDATION: ${error.problems.length} problems in the file`
      : refusalReason(error);
  if (reason) await recordAudit(ctx, { kind: 'REFUSED', operation, entityType: 'ChecklistTemplate', reason });
  throw error;
}

builder.mutationFields((t) => ({
  importChecklistTemplate: t.field({
    type: ChecklistTemplateRef,
    description:
      'Stores a template file (YAML or JSON) as a new template version. Every problem is named; any and nothing is stored.',
    authScopes: scopesFor('Mutation.importChecklistTemplate'),
    errors: {
      types: [TemplateFileError, ValidationError],
      directResult: true,
      union: { name: 'ImportChecklistTemplateResult' },
    },
    args: { input: t.arg({ type: ImportInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          const stored = await importTemplate(
            trx,
            input.format,
            input.content,
            ctx.viewer?.userId ?? null,
            ctx.clock.now(),
          );
          await recordAudit(
            { ...ctx, db: trx },
            {
              kind: 'WRITE',
              operation: 'importChecklistTemplate',
              entityType: 'ChecklistTemplate',
              entityId: stored.id,
              fields: ['key', 'template_version', 'name', 'definition'],
              versionAfter: stored.template_version,
              reason: `counts: items=${stored.item_count}`,
            },
          );
          return stored;
        });
      } catch (error) {
        return refused(ctx, 'importChecklistTemplate', error);
      }
    },
  }),
  applyChecklistTemplate: t.field({
    type: ApplicationRef,
    description:
      'Makes the template’s missing items and dependencies in the programme or a service; work done is left alone, ' +
      'items no longer in the template are reported, and applying the same version again changes nothing.',
    authScopes: scopesFor('Mutation.applyChecklistTemplate'),
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      directResult: true,
      union: { name: 'ApplyChecklistTemplateResult' },
    },
    args: { input: t.arg({ type: ApplyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        const target = {
          templateId: decodeId(String(input.templateId), 'ChecklistTemplate', 'templateId'),
          programmeId: decodeId(String(input.programmeId), 'Programme', 'programmeId'),
          serviceId: input.serviceId ? decodeId(String(input.serviceId), 'Service', 'serviceId') : null,
        };
        return await ctx.db.transaction().execute(async (trx) => {
          const result = await applyTemplate(trx, ctx.viewer, target, ctx.clock.now());
          if (!result.unchanged) {
            await recordAudit(
              { ...ctx, db: trx },
              {
                kind: 'WRITE',
                operation: 'applyChecklistTemplate',
                entityType: 'ChecklistTemplate',
                entityId: result.template.id,
                fields: ['checklist_item', 'checklist_dependency'],
                versionAfter: result.template.template_version,
                reason:
                  `counts: created=${result.created.length} updated=${result.updated} kept=${result.kept} ` +
                  `dependencies=${result.dependenciesAdded} removed=${result.removedFromTemplate.length} ` +
                  `unresolved=${result.unresolved.length}`,
              },
            );
          }
          return result;
        });
      } catch (error) {
        return refused(ctx, 'applyChecklistTemplate', error);
      }
    },
  }),
}));
