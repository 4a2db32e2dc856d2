/**
 * The audit trail: who did what, when, to which entity; names of fields,
 * never their values. Writes are recorded in the transaction of the change
 * (no change without its row, no row for a change rolled back); reads of
 * personal fields and refusals are collected during a request and appended
 * in one statement when it ends (see audit.plugin.ts), and a request whose
 * events cannot be written fails rather than serve personal data unaudited.
 */
import type { AuditKind, Database, NewAuditEvent } from '@handover/db';
import { sql, type Kysely } from 'kysely';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context, Viewer } from '../../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.ts';
import { insertAuditEvents } from './audit.repository.ts';

export interface AuditActor {
  userId: string | null;
  email: string | null;
  role: string | null;
}

/** One event, before the request's actor and id are added. Names only: never put a value here. */
export interface AuditEventInput {
  kind: AuditKind;
  /** Overrides the request's viewer (sign-in: the user who signed in, or the email given). */
  actor?: AuditActor;
  apiTokenId?: string | null;
  operation?: string | null;
  documentId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  fields?: readonly string[];
  versionBefore?: number | null;
  versionAfter?: number | null;
  reason?: string | null;
}

/** Where events go and on whose behalf: a request context, or one whose `db` is a transaction. */
export interface AuditScope {
  db: Kysely<Database>;
  viewer?: Viewer | null;
  requestId?: string | null;
}

const clip = (value: string | null | undefined, max: number): string | null =>
  value === null || value === undefined ? null : value.slice(0, max);

export const actorOf = (viewer: Viewer | null | undefined): AuditActor => ({
  userId: viewer?.userId ?? null,
  email: viewer?.email ?? null,
  role: viewer?.role ?? null,
});

function toRow(scope: Omit<AuditScope, 'db'>, event: AuditEventInput): NewAuditEvent {
  const actor = event.actor ?? actorOf(scope.viewer);
  return {
    kind: event.kind,
    actor_user_id: actor.userId,
    // As given (a failed sign-in's email too), bounded so that a caller cannot fill the table.
    actor_email: clip(actor.email, 320),
    actor_role: clip(actor.role, 50),
    // A partner's events carry its API token (it has no user row).
    api_token_id: clip(
      event.apiTokenId ?? (scope.viewer?.kind === 'partner' ? scope.viewer.tokenId : null),
      200,
    ),
    operation: clip(event.operation, 200),
    document_id: clip(event.documentId, 200),
    entity_type: clip(event.entityType, 100),
    entity_id: clip(event.entityId, 200),
    fields: [...new Set(event.fields ?? [])].map((f) => f.slice(0, 100)).slice(0, 100),
    version_before: event.versionBefore ?? null,
    version_after: event.versionAfter ?? null,
    reason: clip(event.reason, 500),
    request_id: clip(scope.requestId, 100),
  };
}

/** Appends events now, on `scope.db` (pass `{ ...ctx, db: trx }` to write inside a transaction). */
export async function recordAudit(
  scope: AuditScope,
  events: AuditEventInput | readonly AuditEventInput[],
): Promise<void> {
  const list = Array.isArray(events) ? (events as readonly AuditEventInput[]) : [events as AuditEventInput];
  if (list.length === 0) return;
  await insertAuditEvents(
    scope.db,
    list.map((e) => toRow(scope, e)),
  );
}

/** Request-scoped events waiting for the end of the request, merged by what they are about. */
export class AuditCollector {
  private readonly events = new Map<string, AuditEventInput & { fields: string[] }>();
  /** The request's GraphQL operation name, for events that name no operation of their own. */
  operationName: string | null = null;

  add(event: AuditEventInput): void {
    const key = JSON.stringify([
      event.kind,
      event.operation ?? null,
      event.entityType ?? null,
      event.entityId ?? null,
      event.reason ?? null,
      event.kind === 'PERSONAL_READ' ? null : (event.fields ?? []),
    ]);
    const found = this.events.get(key);
    if (found) {
      for (const f of event.fields ?? []) if (!found.fields.includes(f)) found.fields.push(f);
    } else {
      this.events.set(key, { ...event, fields: [...(event.fields ?? [])] });
    }
  }

  get size(): number {
    return this.events.size;
  }

  /** Hands over every event collected so far and forgets them. */
  take(): AuditEventInput[] {
    const out = [...this.events.values()].map((e) => ({
      ...e,
      operation: e.operation ?? this.operationName,
    }));
    this.events.clear();
    return out;
  }
}

/** Appends what the request collected, in one statement. */
export async function flushAudit(ctx: Pick<Context, 'db' | 'viewer' | 'requestId' | 'audit'>): Promise<void> {
  await recordAudit(ctx, ctx.audit.take());
}

const operationName = (info: GraphQLResolveInfo): string | null => info.operation.name?.value ?? null;

/**
 * Notes that a personal field of an entity is being read, and passes the
 * value through. One PERSONAL_READ event per entity and request, listing
 * the field names read: "who has seen this person's record" is then a
 * lookup by entity id; the request's events go in one INSERT.
 */
export function auditedRead<T>(ctx: Context, info: GraphQLResolveInfo, entityId: string, value: T): T {
  ctx.audit.add({
    kind: 'PERSONAL_READ',
    operation: operationName(info),
    entityType: info.parentType.name,
    entityId,
    fields: [info.fieldName],
  });
  return value;
}

/** Notes a field refused by scope-auth: one event per Type.field and request. */
export function auditRefusedField(ctx: Context, info: GraphQLResolveInfo): void {
  ctx.audit.add({
    kind: 'REFUSED',
    operation: `${info.parentType.name}.${info.fieldName}`,
    entityType: info.parentType.name,
    fields: [info.fieldName],
    reason: ctx.viewer ? `FORBIDDEN: role ${ctx.viewer.role}` : 'UNAUTHENTICATED',
  });
}

/** Why an expected failure refused a write, without the values given (messages can quote them). */
export function refusalReason(error: unknown): string | null {
  if (error instanceof ValidationError) return `VALIDATION: ${error.field}`;
  if (error instanceof NotFoundError) return `NOT_FOUND: ${error.entity}`;
  if (error instanceof ForbiddenError) return `FORBIDDEN: ${error.reason}`;
  if (error instanceof ConflictError) {
    return `CONFLICT: expected version ${error.expectedVersion}, current ${error.currentVersion}`;
  }
  return null;
}

const UNTRACKED = new Set(['id', 'version', 'created_at', 'updated_at']);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The names of the columns whose values differ between two versions of a
 * row; for a new row (no `before`), the columns given a value.
 */
export function changedFields(before: object | undefined, after: object): string[] {
  const b = before as Record<string, unknown> | undefined;
  return Object.entries(after)
    .filter(([key, value]) => {
      if (UNTRACKED.has(key)) return false;
      if (!b) return value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
      return !same(b[key], value);
    })
    .map(([key]) => key);
}

/** The tables whose writes go through `auditedWrite`. */
export type AuditedTable =
  | 'checklist_item'
  | 'milestone'
  | 'raid_item'
  | 'app_user'
  | 'eli_package'
  | 'tupe_measure'
  | 'consultation_meeting'
  | 'pension_admission_agreement'
  | 'gate'
  | 'gate_criterion'
  | 'gate_signatory'
  | 'plan_baseline'
  | 'service';

export interface WriteTarget {
  /** The mutation, e.g. updateChecklistItem. */
  operation: string;
  /** The GraphQL type, e.g. ChecklistItem. */
  entityType: string;
  table: AuditedTable;
  /** Reads the id of the row to change (may throw a ValidationError); null for a new row. */
  id: (() => string) | null;
  /**
   * A create's idempotency key (the client's, e.g. one per form shown): the same key from the same
   * user for the same mutation answers the row the first create made, and makes no other.
   */
  idempotencyKey?: string | null | undefined;
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The key given with a create, checked: blank is none; too long is refused. */
export function idempotencyKeyOf(given: string | null | undefined): string | null {
  const key = given?.trim() ?? '';
  if (key === '') return null;
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    throw new ValidationError(
      'idempotencyKey',
      `is too long (${key.length} characters; at most ${MAX_IDEMPOTENCY_KEY_LENGTH})`,
    );
  return key;
}

/** A create's key, as the write kernel keeps it: one per signed-in user, mutation and key. */
export interface CreateKey {
  userId: string;
  operation: string;
  key: string;
}

/** The key of a create by this caller, or null (none given, or not a signed-in user's: only theirs count). */
export function createKeyOf(
  ctx: Pick<Context, 'viewer'>,
  operation: string,
  given: string | null | undefined,
): CreateKey | null {
  if (ctx.viewer?.kind !== 'user') return null;
  const key = idempotencyKeyOf(given);
  return key ? { userId: ctx.viewer.userId, operation, key } : null;
}

/**
 * The id of the row the first create with this key made, or null. Call inside the create's transaction,
 * after taking the table's advisory lock (`lockCreates`), so that a retry racing the first waits for it.
 */
export async function firstCreatedWith(db: Kysely<Database>, key: CreateKey): Promise<string | null> {
  const first = await db
    .selectFrom('idempotency_key')
    .select('result_id')
    .where('user_id', '=', key.userId)
    .where('mutation', '=', key.operation)
    .where('key', '=', key.key)
    .executeTakeFirst();
  return first?.result_id ?? null;
}

/** Notes the row a create with this key made, in the create's transaction (a rollback forgets it). */
export async function rememberCreatedWith(
  db: Kysely<Database>,
  key: CreateKey,
  resultId: string,
): Promise<void> {
  await db
    .insertInto('idempotency_key')
    .values({ key: key.key, user_id: key.userId, mutation: key.operation, result_id: resultId })
    .onConflict((oc) => oc.columns(['user_id', 'mutation', 'key']).doUpdateSet({ result_id: resultId }))
    .execute();
}

/** Creates of one table take turns, until the transaction ends. */
export async function lockCreates(db: Kysely<Database>, table: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${table}))`.execute(db);
}

/**
 * A create outside `auditedWrite` (its own transaction `db`), keyed: with a key seen before, answers
 * `replay` of the row the first create made and creates nothing; otherwise creates and notes the key.
 */
export async function keyedCreate<T>(
  db: Kysely<Database>,
  ctx: Pick<Context, 'viewer'>,
  target: { operation: string; table: string; idempotencyKey: string | null | undefined },
  replay: (id: string) => Promise<T | undefined>,
  create: () => Promise<T>,
  idOf: (row: T) => string,
): Promise<{ row: T; replayed: boolean }> {
  const key = createKeyOf(ctx, target.operation, target.idempotencyKey);
  if (!key) return { row: await create(), replayed: false };
  await lockCreates(db, target.table);
  const firstId = await firstCreatedWith(db, key);
  const first = firstId ? await replay(firstId) : undefined;
  if (first !== undefined) return { row: first, replayed: true };
  const row = await create();
  await rememberCreatedWith(db, key, idOf(row));
  return { row, replayed: false };
}

/**
 * Runs a write and its WRITE event in one transaction: the names of the
 * columns whose values changed, and the versions before and after. The row
 * is locked before the write, so `before` is the version the write replaced.
 * An expected failure (validation, not found, conflict) rolls back and is
 * recorded as REFUSED with its reason; an audit row that cannot be written
 * fails the write.
 */
export async function auditedWrite<Row extends { id: string; version: number }>(
  ctx: Context,
  target: WriteTarget,
  write: (db: Kysely<Database>, id: string) => Promise<Row>,
): Promise<Row> {
  let entityId: string | null = null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      entityId = target.id ? target.id() : null;
      // Creates of one table take turns: a write that picks the next reference then never races
      // another inside its transaction, where a failed insert could not be retried.
      if (!entityId) await lockCreates(trx, target.table);
      // A create retried with its key: answered with the row the first one made (the lock above makes a
      // retry that races the first wait for it). Only a signed-in user's key counts.
      const key = target.id ? null : createKeyOf(ctx, target.operation, target.idempotencyKey);
      if (key) {
        const firstId = await firstCreatedWith(trx, key);
        if (firstId) {
          const row = (
            await sql<Row>`select * from ${sql.table(target.table)} where id = ${firstId}`.execute(trx)
          ).rows[0];
          if (row) return row;
        }
      }
      const before = entityId
        ? (
            await sql<
              Record<string, unknown>
            >`select * from ${sql.table(target.table)} where id = ${entityId} for update`.execute(trx)
          ).rows[0]
        : undefined;
      const after = await write(trx, entityId ?? '');
      if (key) await rememberCreatedWith(trx, key, after.id);
      await recordAudit(
        { ...ctx, db: trx },
        {
          kind: 'WRITE',
          operation: target.operation,
          entityType: target.entityType,
          entityId: after.id,
          fields: changedFields(before, after),
          versionBefore: typeof before?.version === 'number' ? before.version : null,
          versionAfter: after.version,
        },
      );
      return after;
    });
  } catch (error) {
    const reason = refusalReason(error);
    if (reason) {
      const current = error instanceof ConflictError ? (error.current as { id?: unknown }).id : undefined;
      await recordAudit(ctx, {
        kind: 'REFUSED',
        operation: target.operation,
        entityType: target.entityType,
        entityId: typeof current === 'string' ? current : entityId,
        reason,
      });
    }
    throw error;
  }
}

/** A partner's query: the API token, and the operation name or persisted document id. */
export interface PartnerQuery {
  apiTokenId: string;
  operationName?: string | null;
  documentId?: string | null;
  /** Set when the query was refused (e.g. a document not on the allowed list). */
  reason?: string | null;
}

/** Records a partner query now. For the partner token task to call. */
export async function recordPartnerQuery(
  scope: Pick<AuditScope, 'db' | 'requestId'>,
  query: PartnerQuery,
): Promise<void> {
  await recordAudit(
    { db: scope.db, viewer: null, requestId: scope.requestId ?? null },
    {
      kind: 'PARTNER_QUERY',
      actor: { userId: null, email: null, role: 'PARTNER' },
      apiTokenId: query.apiTokenId,
      operation: query.operationName ?? null,
      documentId: query.documentId ?? null,
      reason: query.reason ?? null,
    },
  );
}
