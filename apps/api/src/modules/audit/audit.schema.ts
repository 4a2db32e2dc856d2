/** The audit trail, for ADMIN only: events newest first, filtered. */
import type { AuditEvent, AuditKind } from '@handover/db';
import { decodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { ValidationError } from '../../schema/errors.ts';
import { MAX_PAGE_SIZE, withTotalCount } from '../common/common.schema.ts';
import { isUuid } from '../common/ids.ts';
import { countAuditEvents, listAuditEvents, type AuditFilter } from './audit.repository.ts';

/** Entities that are one person: their ids stay with HR (an identifier of a person is personal data). */
const PERSON_ENTITY_TYPES: ReadonlySet<string> = new Set(['Employee']);

export const AUDIT_KINDS = [
  'WRITE',
  'PERSONAL_READ',
  'REFUSED',
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'SIGN_OUT',
  'PARTNER_QUERY',
] as const satisfies readonly AuditKind[];

export const AuditKindEnum = builder.enumType('AuditKind', {
  values: AUDIT_KINDS,
  description:
    'WRITE: a change saved; PERSONAL_READ: personal fields read; REFUSED: a request or write refused; SIGN_IN, SIGN_IN_FAILED, SIGN_OUT; PARTNER_QUERY: a query with an API token.',
});

const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent').implement({
  description:
    'One entry of the append-only audit trail: who, what, when. Field names only, never the values.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    occurredAt: t.expose('occurred_at', { type: 'DateTime' }),
    kind: t.field({ type: AuditKindEnum, resolve: (e) => e.kind }),
    actorUserId: t.exposeID('actor_user_id', {
      nullable: true,
      description: 'The user’s database id (kept when the user is deleted).',
    }),
    actorEmail: t.exposeString('actor_email', {
      nullable: true,
      description: 'The signed-in user’s email, or the email given at a failed sign-in.',
    }),
    actorRole: t.exposeString('actor_role', { nullable: true }),
    apiTokenId: t.exposeString('api_token_id', { nullable: true }),
    operation: t.exposeString('operation', {
      nullable: true,
      description: 'The mutation (updateChecklistItem), the Type.field refused, or the operation name.',
    }),
    documentId: t.exposeString('document_id', { nullable: true }),
    entityType: t.exposeString('entity_type', { nullable: true }),
    entityId: t.string({
      nullable: true,
      description:
        'The database id of the entity; null for a person (an Employee): the trail says a record was read or changed, and when, never whose (HR sees that in Employee.history).',
      resolve: (e) => (e.entity_type !== null && PERSON_ENTITY_TYPES.has(e.entity_type) ? null : e.entity_id),
    }),
    fields: t.exposeStringList('fields', { description: 'Names of the fields changed, read or refused.' }),
    versionBefore: t.exposeInt('version_before', { nullable: true }),
    versionAfter: t.exposeInt('version_after', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why it was refused or failed.' }),
    requestId: t.exposeString('request_id', { nullable: true }),
  }),
});

const AuditEventFilterInput = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [AuditKindEnum], required: false }),
    actorEmail: t.string({ required: false, description: 'Part of the actor’s email address, any case.' }),
    entityType: t.string({ required: false, description: 'e.g. ChecklistItem, Employee.' }),
    entityId: t.string({ required: false, description: 'A global ID or a database id.' }),
    operation: t.string({ required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'From this instant (inclusive).' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Until this instant (exclusive).' }),
  }),
});

/** A global ID names its entity by database id, which is what the trail keeps. */
function entityIdOf(value: string): string {
  const v = value.trim();
  if (isUuid(v)) return v.toLowerCase();
  try {
    const { id } = decodeGlobalID(v);
    if (isUuid(id)) return id.toLowerCase();
  } catch {
    // not a global ID: look for it as given
  }
  return v;
}

builder.queryField('auditEvents', (t) =>
  t.connection(
    {
      type: AuditEventRef,
      description: 'The audit trail, newest first. ADMIN only.',
      authScopes: scopesFor('Query.auditEvents'),
      args: { filter: t.arg({ type: AuditEventFilterInput, required: false }) },
      resolve: async (_root, args, ctx) => {
        const f = args.filter ?? {};
        if (f.from && f.to && f.to < f.from) throw new ValidationError('filter.to', 'is before filter.from');
        const filter: AuditFilter = {
          kinds: f.kinds,
          actorEmail: f.actorEmail,
          entityType: f.entityType?.trim() || null,
          entityId: f.entityId ? entityIdOf(f.entityId) : null,
          operation: f.operation?.trim() || null,
          from: f.from,
          to: f.to,
        };
        return {
          ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
            listAuditEvents(ctx.db, filter, page),
          )),
          totalCount: () => countAuditEvents(ctx.db, filter),
        };
      },
    },
    withTotalCount,
  ),
);
