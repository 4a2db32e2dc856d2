/**
 * The HR import in GraphQL, for HR alone: start an import of the council's
 * HR and payroll export (`startHrImport`, base64 content), follow its
 * progress and read its result: counts, what changed and the error report.
 * The report can quote personal values (a mistyped NI number), so reading
 * it is audited like a personal field.
 */
import type { HrImport } from '@handover/db';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor, typeScopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { ValidationError } from '../../schema/errors.ts';
import { auditedRead, recordAudit, refusalReason } from '../audit/audit.service.ts';
import { UserRef } from '../auth/auth.schema.ts';
import { MAX_PAGE_SIZE, decodeId, withTotalCount } from '../common/common.schema.ts';
import { isUuid } from '../common/ids.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { COLUMNS, type Column } from './columns.ts';
import {
  countImports,
  importsByIds,
  listImports,
  type ApplyCounts,
  type ImportChange,
} from './hr-import.repository.ts';
import { createImportJob, decodeBase64, liveProgress, startInBackground } from './hr-import.service.ts';
import type { ImportError } from './validate.ts';

const HR_IMPORT_STATUSES = ['QUEUED', 'CHECKING', 'APPLYING', 'SUCCEEDED', 'REFUSED', 'FAILED'] as const;

export const HrImportStatusEnum = builder.enumType('HrImportStatus', {
  description:
    'QUEUED, then CHECKING every row, then APPLYING; it ends SUCCEEDED, REFUSED (errors in the file) or FAILED.',
  values: HR_IMPORT_STATUSES,
});

const HrImportCountsRef = builder.objectRef<ApplyCounts>('HrImportCounts').implement({
  description: 'What the import changed (for a dry run: would change).',
  fields: (t) => ({
    postsInserted: t.exposeInt('postsInserted'),
    postsUpdated: t.exposeInt('postsUpdated'),
    postsUnchanged: t.exposeInt('postsUnchanged'),
    employeesInserted: t.exposeInt('employeesInserted'),
    employeesUpdated: t.exposeInt('employeesUpdated'),
    employeesUnchanged: t.exposeInt('employeesUnchanged'),
    employeesNotInFile: t.exposeInt('employeesNotInFile', {
      description: 'Employees Handover holds that the file does not list: kept, not deleted.',
    }),
  }),
});

const HrImportErrorRef = builder.objectRef<ImportError>('HrImportError').implement({
  description: 'One problem in the file. `value` can be personal data (then `personal` is true).',
  fields: (t) => ({
    row: t.exposeInt('row', {
      description: 'As the spreadsheet shows it: the header is row 1; 0 for the whole file.',
    }),
    column: t.exposeString('column', { description: 'The header as the file spells it.' }),
    value: t.exposeString('value'),
    message: t.exposeString('message'),
    personal: t.exposeBoolean('personal'),
  }),
});

const HrImportChangeRef = builder.objectRef<ImportChange>('HrImportChange').implement({
  description: 'A post or employee the import inserts or updates, and the names of the fields that change.',
  fields: (t) => ({
    row: t.exposeInt('row'),
    kind: t.exposeString('kind', { description: 'POST or EMPLOYEE.' }),
    key: t.exposeString('key', { description: 'The post number or payroll number.' }),
    action: t.exposeString('action', { description: 'INSERT or UPDATE.' }),
    fields: t.exposeStringList('fields'),
  }),
});

const HrImportColumnRef = builder.objectRef<Column>('HrImportColumn').implement({
  description: 'A column of the import’s layout: its header, the spellings accepted, and what it holds.',
  fields: (t) => ({
    header: t.exposeString('header'),
    spellings: t.exposeStringList('spellings'),
    part: t.exposeString('part', { description: 'post (every row) or employee (blank for a vacant post).' }),
    required: t.exposeBoolean('required'),
    personal: t.exposeBoolean('personal'),
    description: t.exposeString('description'),
    example: t.exposeString('example'),
  }),
});

const page = <T>(
  list: readonly T[],
  first: number | null | undefined,
  offset: number | null | undefined,
): T[] => {
  const size = Math.min(Math.max(first ?? 100, 0), 1000);
  const from = Math.max(offset ?? 0, 0);
  return list.slice(from, from + size);
};

export const HrImportRef = builder.loadableNode('HrImport', {
  description: 'One upload of the council’s HR and payroll export, with its progress and result (HR only).',
  authScopes: typeScopesFor('HrImport'),
  id: { resolve: (i: HrImport) => i.id },
  load: (ids: string[], ctx) => importsByIds(ctx.db, ids),
  sort: (i) => i.id,
  fields: (t) => ({
    programme: t.field({ type: ProgrammeRef, resolve: (i) => i.programme_id }),
    fileName: t.exposeString('file_name'),
    fileSize: t.exposeInt('file_size', { description: 'Bytes.' }),
    sha256: t.exposeString('sha256', {
      description: 'The SHA-256 of the file: the same file twice has the same.',
    }),
    uploadedBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null when run with `pnpm db import-hr`.',
      resolve: (i) => i.uploaded_by,
    }),
    dryRun: t.exposeBoolean('dry_run'),
    status: t.field({
      type: HrImportStatusEnum,
      resolve: (i) => (i.finished_at ? i.status : (liveProgress(i.id)?.status ?? i.status)),
    }),
    finished: t.boolean({ resolve: (i) => i.finished_at !== null }),
    rowsTotal: t.int({
      nullable: true,
      description: 'Data rows in the file, once it has been read.',
      resolve: (i) => (i.finished_at ? i.rows_total : (liveProgress(i.id)?.rowsTotal ?? i.rows_total)),
    }),
    rowsDone: t.int({
      description: 'Rows checked (CHECKING) or applied (APPLYING) so far.',
      resolve: (i) => (i.finished_at ? i.rows_done : (liveProgress(i.id)?.rowsDone ?? i.rows_done)),
    }),
    counts: t.field({
      type: HrImportCountsRef,
      nullable: true,
      resolve: (i) => (i.counts as unknown as ApplyCounts | null) ?? null,
    }),
    message: t.exposeString('message', { nullable: true }),
    errorCount: t.exposeInt('error_count'),
    errors: t.field({
      type: [HrImportErrorRef],
      description: 'The error report, by row; `errorCount` is the total (the first 5,000 are kept).',
      args: {
        first: t.arg.int({ required: false, defaultValue: 100 }),
        offset: t.arg.int({ required: false, defaultValue: 0 }),
      },
      resolve: (i, args, ctx, info) =>
        auditedRead(ctx, info, i.id, page(i.errors as ImportError[], args.first, args.offset)),
    }),
    changeCount: t.exposeInt('change_count'),
    changes: t.field({
      type: [HrImportChangeRef],
      description:
        'What changes (dry run: would change), by row; `changeCount` is the total (the first 5,000 are kept).',
      args: {
        first: t.arg.int({ required: false, defaultValue: 100 }),
        offset: t.arg.int({ required: false, defaultValue: 0 }),
      },
      resolve: (i, args) => page(i.changes as ImportChange[], args.first, args.offset),
    }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    finishedAt: t.expose('finished_at', { type: 'DateTime', nullable: true }),
  }),
});

/** The id of an HrImport, or null when the ID names something else (the answer is then null). */
function importIdOf(value: string): string | null {
  try {
    const { typename, id } = decodeGlobalID(value);
    return typename === 'HrImport' && isUuid(id) ? id : null;
  } catch {
    return null;
  }
}

builder.queryFields((t) => ({
  hrImport: t.field({
    type: HrImportRef,
    nullable: true,
    authScopes: scopesFor('Query.hrImport'),
    description: 'An HR import by its ID; null when there is none.',
    args: { id: t.arg.id() },
    resolve: async (_root, { id }, ctx) => {
      const importId = importIdOf(String(id));
      return importId ? ((await importsByIds(ctx.db, [importId]))[0] ?? null) : null;
    },
  }),
  hrImports: t.connection(
    {
      type: HrImportRef,
      authScopes: scopesFor('Query.hrImports'),
      description: 'The HR imports of a programme, newest first.',
      args: { programmeId: t.arg.id() },
      resolve: async (_root, args, ctx) => {
        const programmeId = decodeId(String(args.programmeId), 'Programme', 'programmeId');
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 20, maxSize: MAX_PAGE_SIZE }, (p) =>
            listImports(ctx.db, programmeId, p),
          )),
          totalCount: () => countImports(ctx.db, programmeId),
        };
      },
    },
    withTotalCount,
  ),
  hrImportColumns: t.field({
    type: [HrImportColumnRef],
    authScopes: scopesFor('Query.hrImportColumns'),
    description: 'The import’s column layout, in template order.',
    resolve: () => [...COLUMNS],
  }),
}));

const StartHrImportInput = builder.inputType('StartHrImportInput', {
  fields: (t) => ({
    programmeId: t.id(),
    fileName: t.string({ description: 'The file’s name: .csv or .xlsx.' }),
    contentBase64: t.string({ description: 'The file’s bytes, base64-encoded (at most 15 MB of file).' }),
    dryRun: t.boolean({
      required: false,
      defaultValue: false,
      description: 'Check and apply, then roll back.',
    }),
  }),
});

builder.mutationFields((t) => ({
  startHrImport: t.field({
    type: HrImportRef,
    authScopes: scopesFor('Mutation.startHrImport'),
    description:
      'Starts importing the council’s HR export: answers the job (QUEUED) at once; follow it with `hrImport`. ' +
      'Every row is checked first; any error and nothing is written.',
    errors: { types: [ValidationError], directResult: true, union: { name: 'StartHrImportResult' } },
    args: { input: t.arg({ type: StartHrImportInput }) },
    resolve: async (_root, { input }, ctx) => {
      let job: HrImport;
      let bytes: Uint8Array;
      try {
        const programmeId = decodeId(String(input.programmeId), 'Programme', 'programmeId');
        bytes = decodeBase64(input.contentBase64, 'contentBase64');
        job = await createImportJob(
          ctx.db,
          { programmeId, fileName: input.fileName, bytes, dryRun: input.dryRun ?? false },
          ctx.viewer?.userId ?? null,
          ctx.clock.now(),
        );
      } catch (error) {
        const reason = refusalReason(error);
        if (reason)
          await recordAudit(ctx, {
            kind: 'REFUSED',
            operation: 'startHrImport',
            entityType: 'HrImport',
            reason,
          });
        throw error;
      }
      startInBackground(
        { db: ctx.db, viewer: ctx.viewer, requestId: ctx.requestId, now: () => ctx.clock.now() },
        job,
        bytes,
      );
      return job;
    },
  }),
}));
