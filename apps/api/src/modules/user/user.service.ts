/**
 * Users (ADMIN only) and the object-level rule of `@handover/domain`'s ownership.ts: the named owner of an
 * item, RAID item or milestone changes its owner's fields (status, forecast, evidence, commentary) whatever
 * their role but VIEWER; a lead of its workstream (an EDITOR in `user_workstream`) changes all of it; an
 * ADMIN changes everything; a VIEWER nothing, and is never accepted as an owner.
 */
import { randomInt } from 'node:crypto';
import { hashPassword, type AppUser, type Database } from '@handover/db';
import {
  USER_ROLES,
  editRight,
  editableFields,
  fieldLabel,
  listInWords,
  mayOwnWork,
  ownerFieldsInWords,
  refusedFields,
  type EditSubject,
  type OwnedKind,
  type OwnedRow,
  type UserRole as Role,
} from '@handover/domain';
import { createContextCache } from '@pothos/core';
import type { Kysely } from 'kysely';
import type { Context, Viewer } from '../../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.ts';
import { usersByIds } from '../auth/auth.repository.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { requireText, requireVersion } from '../common/validate.ts';
import {
  countOtherActiveAdmins,
  deleteSessionsOfUser,
  emailTaken,
  existingWorkstreamIds,
  insertUser,
  ledWorkstreamIds,
  lockAdmins,
  setUserWorkstreams,
  updateUserIfVersion,
  workstreamIdsOfUser,
  workstreamLeads,
  workstreamOfRow,
  type UserPatch,
} from './user.repository.ts';

// ---------------------------------------------------------------------------------------------
// The object-level rule

export type EditableTable = 'checklist_item' | 'milestone' | 'raid_item';

const NOUN: Record<EditableTable, string> = {
  checklist_item: 'checklist item',
  milestone: 'milestone',
  raid_item: 'RAID item',
};

export const KIND: Record<EditableTable, OwnedKind> = {
  checklist_item: 'CHECKLIST_ITEM',
  milestone: 'MILESTONE',
  raid_item: 'RAID_ITEM',
};

/** The viewer as the ownership rule sees them (a partner or nobody: null). */
export async function editSubject(db: Kysely<Database>, viewer: Viewer | null): Promise<EditSubject | null> {
  if (viewer?.kind !== 'user') return null;
  return {
    userId: viewer.userId,
    role: viewer.role,
    ledWorkstreamIds:
      viewer.role === 'EDITOR' ? await ledWorkstreamIds(db, viewer.userId) : new Set<string>(),
  };
}

/** "the Finance workstream (Ann Lead)". */
async function workstreamWords(
  db: Kysely<Database>,
  workstreamId: string | null,
): Promise<{ name: string | null; words: string }> {
  if (workstreamId === null) return { name: null, words: 'no workstream' };
  const ws = await workstreamLeads(db, workstreamId);
  if (!ws) return { name: null, words: 'its workstream' };
  const names = ws.leads.filter((l) => l.active).map((l) => l.name);
  return { name: ws.name, words: `the ${ws.name} workstream${names.length ? ` (${names.join(', ')})` : ''}` };
}

/**
 * Refuses, saying why, unless the viewer may change `fields` of a row of `kind` (see ownership.ts).
 * `fields`: the input fields being changed; undefined: every field (a lead's or an ADMIN's change).
 */
export async function assertMayEditOwned(
  db: Kysely<Database>,
  viewer: Viewer | null,
  kind: OwnedKind,
  noun: string,
  row: OwnedRow,
  fields?: readonly string[],
): Promise<void> {
  if (viewer?.role === 'ADMIN') return;
  const subject = await editSubject(db, viewer);
  const decision = editRight(subject, row);
  const refused = fields ? refusedFields(kind, subject, row, fields) : decision.right === 'ALL' ? [] : ['*'];
  if (refused.length === 0) return;
  const ws = await workstreamWords(db, row.workstreamId);
  if (viewer?.role === 'VIEWER') {
    throw new ForbiddenError(
      `Your role, VIEWER, reads the programme but changes nothing, so you may not change this ${noun}`,
      'VIEWER changes nothing',
      ws.name,
    );
  }
  if (decision.right === 'OWNER') {
    const what = refused.includes('*') ? 'anything else' : `its ${listInWords(refused.map(fieldLabel))}`;
    throw new ForbiddenError(
      `As the owner of this ${noun} you may change its ${ownerFieldsInWords(kind)}; ${what} ` +
        `may be changed only by an ADMIN or a lead of ${ws.words}`,
      `owner: may not change ${refused.join(', ')}`,
      ws.name,
    );
  }
  const owner = row.ownerUserId ? (await usersByIds(db, [row.ownerUserId]))[0] : undefined;
  const ownerWords = owner ? `its owner (${owner.name})` : 'its owner (it has none)';
  const who =
    row.workstreamId === null
      ? `an ADMIN or ${ownerWords}`
      : `an ADMIN, a lead of ${ws.words} or ${ownerWords}`;
  throw new ForbiddenError(
    `Only ${who} may change this ${noun} (its owner: its ${ownerFieldsInWords(kind)}); ${decision.reason}`,
    row.workstreamId === null
      ? 'not the owner; no workstream'
      : `not a lead of workstream ${row.workstreamId} nor the owner`,
    ws.name,
  );
}

/**
 * Refuses unless the viewer may create or move a row into `workstreamId` (null: no workstream): that is a
 * lead's or an ADMIN's, never an owner's.
 */
export async function assertMayEditWorkstream(
  db: Kysely<Database>,
  viewer: Viewer | null,
  workstreamId: string | null,
  table: EditableTable,
): Promise<void> {
  if (viewer?.role === 'ADMIN') return;
  const noun = NOUN[table];
  if (workstreamId === null) {
    throw new ForbiddenError(
      `This ${noun} belongs to no workstream, so only an ADMIN may change it`,
      'no workstream: ADMIN only',
      null,
    );
  }
  const ws = await workstreamLeads(db, workstreamId);
  // An unknown workstream is the service's to answer (ValidationError); nothing to judge here.
  if (!ws) return;
  if (viewer?.role === 'EDITOR' && ws.leads.some((l) => l.id === viewer.userId)) return;
  const names = ws.leads.filter((l) => l.active).map((l) => l.name);
  throw new ForbiddenError(
    `Only an ADMIN or a lead of the ${ws.name} workstream${names.length ? ` (${names.join(', ')})` : ''} ` +
      `may change this ${noun}; you do not lead ${ws.name}`,
    `not a lead of workstream ${workstreamId}`,
    ws.name,
  );
}

/**
 * Refuses, saying why, unless the viewer may change `fields` of the row `id` of `table` (undefined: all of
 * it). A missing row is left to the service.
 */
export async function assertMayEditRow(
  db: Kysely<Database>,
  viewer: Viewer | null,
  table: EditableTable,
  id: string,
  fields?: readonly string[],
): Promise<void> {
  if (viewer?.role === 'ADMIN') return;
  const row = await workstreamOfRow(db, table, id);
  if (!row) return;
  await assertMayEditOwned(
    db,
    viewer,
    KIND[table],
    NOUN[table],
    { workstreamId: row.workstream_id, ownerUserId: row.owner_user_id },
    fields,
  );
}

/** The ownership rule's view of a go/no-go criterion: owned by a user, or by a workstream's leads. */
export function criterionAsOwned(c: {
  owner_user_id: string | null;
  owner_workstream_id: string | null;
}): OwnedRow {
  return { workstreamId: c.owner_workstream_id, ownerUserId: c.owner_user_id };
}

/** The input fields given (not undefined) of an update's input, but its id and version. */
export function fieldsGiven(input: object): string[] {
  return Object.entries(input)
    .filter(([k, v]) => v !== undefined && k !== 'id' && k !== 'expectedVersion')
    .map(([k]) => k);
}

/** Refuses an owner who may not own work (a VIEWER), naming the field; an unknown user is the service's. */
export async function assertMayOwn(db: Kysely<Database>, field: string, userId: string | null | undefined) {
  if (!userId) return;
  const user = (await usersByIds(db, [userId]))[0];
  if (user && !mayOwnWork(user.role)) {
    throw new ValidationError(
      field,
      `${user.name} is a ${user.role}: a VIEWER reads the programme and cannot own work; choose an ADMIN, EDITOR or HR user`,
    );
  }
  if (user && !user.active)
    throw new ValidationError(field, `${user.name} is deactivated and cannot own work`);
}

/** The workstreams the viewer leads, fetched once per request. */
const subjectOfRequest = createContextCache((ctx: Context) => editSubject(ctx.db, ctx.viewer));

/** What the viewer may change about a row (for `viewerCanEdit` and `viewerEditableFields`). */
export async function viewerEditableFields(ctx: Context, kind: OwnedKind, row: OwnedRow): Promise<string[]> {
  return editableFields(kind, await subjectOfRequest(ctx), row);
}

/** Whether the viewer may change anything about a row. */
export async function viewerCanEdit(ctx: Context, kind: OwnedKind, row: OwnedRow): Promise<boolean> {
  return (await viewerEditableFields(ctx, kind, row)).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Users

/** What a user write answers: the row (for the audit, names of changed columns) and its workstreams. */
export type UserRow = AppUser & { workstream_ids?: string[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** No look-alikes (0/O, 1/l/I). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 random characters in four groups (about 93 bits), shown once and stored only as its hash. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let part = '';
    for (let i = 0; i < 4; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(part);
  }
  return groups.join('-');
}

function requireEmail(value: string): string {
  const email = value.trim();
  if (email === '') throw new ValidationError('email', 'is required');
  if (email.length > 320 || !EMAIL.test(email)) {
    throw new ValidationError('email', 'must be an email address, like name@example.org');
  }
  return email;
}

function requireRole(value: string): Role {
  if (value === 'PARTNER') {
    throw new ValidationError('role', 'PARTNER is the role of a partner agency’s API token, not of a user');
  }
  if (!(USER_ROLES as readonly string[]).includes(value)) {
    throw new ValidationError('role', `must be one of ${USER_ROLES.join(', ')}`);
  }
  return value as Role;
}

/** Checks the workstreams given to a role: only an EDITOR leads workstreams, and each must exist. */
async function checkWorkstreams(db: Kysely<Database>, role: Role, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length > 0 && role !== 'EDITOR') {
    throw new ValidationError(
      'workstreamIds',
      `only an EDITOR leads workstreams; a user with the role ${role} cannot be given any`,
    );
  }
  const found = await existingWorkstreamIds(db, unique);
  const missing = unique.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw new ValidationError(`workstreamIds[${ids.indexOf(unique[missing]!)}]`, 'names no workstream');
  return unique.sort();
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

export async function createUser(
  db: Kysely<Database>,
  input: { name: string; email: string; role: string; workstreamIds: readonly string[] },
  now: Date,
): Promise<{ user: UserRow; password: string }> {
  const name = requireText('name', input.name, 200);
  const email = requireEmail(input.email);
  const role = requireRole(input.role);
  const workstreamIds = await checkWorkstreams(db, role, input.workstreamIds);
  if (await emailTaken(db, email)) throw new ValidationError('email', 'is already used by another user');
  const password = generatePassword();
  let user: AppUser;
  try {
    user = await insertUser(db, { email, name, role, passwordHash: await hashPassword(password), now });
  } catch (error) {
    // Another request took the email in the meantime (the unique index on lower(email) settles it).
    if ((error as { code?: string }).code === '23505') {
      throw new ValidationError('email', 'is already used by another user');
    }
    throw error;
  }
  await setUserWorkstreams(db, user.id, workstreamIds);
  return { user: workstreamIds.length ? { ...user, workstream_ids: workstreamIds } : user, password };
}

async function existingUser(db: Kysely<Database>, id: string): Promise<AppUser> {
  const user = (await usersByIds(db, [id]))[0];
  if (!user) throw new NotFoundError('User', id);
  return user;
}

/** Refuses a change that would leave no active ADMIN. */
async function keepAnAdmin(db: Kysely<Database>, user: AppUser, field: string, what: string): Promise<void> {
  if (user.role !== 'ADMIN' || !user.active) return;
  await lockAdmins(db);
  if ((await countOtherActiveAdmins(db, user.id)) === 0) {
    throw new ValidationError(
      field,
      `${user.name} is the last active ADMIN: ${what} would leave nobody to run the programme`,
    );
  }
}

export async function updateUser(
  db: Kysely<Database>,
  input: {
    id: string;
    expectedVersion: number;
    name?: string | null;
    role?: string | null;
    workstreamIds?: readonly string[] | null;
  },
  now: Date,
): Promise<UserRow> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const existing = await existingUser(db, input.id);
  const patch: UserPatch = {};
  if (input.name !== undefined) patch.name = requireText('name', input.name ?? '', 200);
  if (input.role !== undefined && input.role !== null) patch.role = requireRole(input.role);
  const role = patch.role ?? existing.role;
  const before = await workstreamIdsOfUser(db, existing.id);
  // A user who is no longer an EDITOR leads nothing; otherwise the workstreams given replace theirs.
  const after =
    input.workstreamIds !== undefined && input.workstreamIds !== null
      ? await checkWorkstreams(db, role, input.workstreamIds)
      : role === 'EDITOR'
        ? before
        : [];
  const workstreamsChanged = !sameSet(before, after);
  if (Object.keys(patch).length === 0 && !workstreamsChanged) {
    if (existing.version !== expectedVersion) {
      // Answer the conflict rather than "nothing to change": the caller's view is stale.
      return updateAtVersion({
        typename: 'User',
        id: existing.id,
        expectedVersion,
        update: () => Promise.resolve(undefined),
        reload: () => Promise.resolve(existing),
      });
    }
    throw new ValidationError('input', 'nothing to change');
  }
  if (patch.role !== undefined && patch.role !== 'ADMIN' && existing.version === expectedVersion) {
    await keepAnAdmin(db, existing, 'role', `making them ${patch.role}`);
  }
  const updated = await updateAtVersion({
    typename: 'User',
    id: existing.id,
    expectedVersion,
    update: () => updateUserIfVersion(db, existing.id, expectedVersion, patch, now),
    reload: async () => (await usersByIds(db, [existing.id]))[0],
  });
  if (workstreamsChanged) await setUserWorkstreams(db, existing.id, after);
  return workstreamsChanged ? { ...updated, workstream_ids: after } : updated;
}

/** Deactivates a user and ends all their sessions, in the caller's transaction. */
export async function deactivateUser(
  db: Kysely<Database>,
  viewer: Viewer | null,
  id: string,
  now: Date,
): Promise<UserRow> {
  const existing = await existingUser(db, id);
  if (viewer?.userId === existing.id) throw new ValidationError('id', 'you cannot deactivate yourself');
  if (!existing.active) throw new ValidationError('id', `${existing.name} is already deactivated`);
  await keepAnAdmin(db, existing, 'id', 'deactivating them');
  const updated = await updateUserIfVersion(db, existing.id, null, { active: false }, now);
  if (!updated) throw new NotFoundError('User', id);
  await deleteSessionsOfUser(db, existing.id);
  return updated;
}

export async function reactivateUser(db: Kysely<Database>, id: string, now: Date): Promise<UserRow> {
  const existing = await existingUser(db, id);
  if (existing.active) throw new ValidationError('id', `${existing.name} is already active`);
  const updated = await updateUserIfVersion(db, existing.id, null, { active: true }, now);
  if (!updated) throw new NotFoundError('User', id);
  return updated;
}

/** A new password, shown once; every session of the user ends. */
export async function resetUserPassword(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<{ user: UserRow; password: string }> {
  const existing = await existingUser(db, id);
  const password = generatePassword();
  const updated = await updateUserIfVersion(
    db,
    existing.id,
    null,
    { password_hash: await hashPassword(password) },
    now,
  );
  if (!updated) throw new NotFoundError('User', id);
  await deleteSessionsOfUser(db, existing.id);
  return { user: updated, password };
}
