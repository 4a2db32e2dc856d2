/**
 * Employee liability information (TUPE reg 11): versioned packages to the
 * trust. The first lists everyone in the transferring list; each update lists
 * who joined the list, whose details changed since the sent package that last
 * included them, and who objected since. A sent package is never changed:
 * what follows it is another package.
 *
 * "Changed since" compares the employee row's version (every update bumps
 * it) with the version the package listed, not timestamps: a demo frozen on
 * HANDOVER_TODAY writes with a fixed clock, and a version cannot go back.
 */
import type { Database, EliPackage, Programme } from '@handover/db';
import {
  ELI_CATEGORIES,
  eliState,
  type EliCategory,
  type EliInclusionReason,
  type EliState,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { optionalText, requireDate, requireVersion } from '../common/validate.ts';
import {
  eliPackagesByIds,
  eliPackagesByProgrammeIds,
  insertEliPackage,
  lastPackageNumber,
  lastSentInclusions,
  transferringEmployees,
  updateEliPackageIfVersion,
} from './eli.repository.ts';

export interface PendingMembers {
  /** The current row version of everyone named below. */
  versions: Map<string, number>;
  /** In the transferring list, in no sent package. */
  notInAnySent: string[];
  /** Still transferring, changed after the package that last included them was sent. */
  changed: string[];
  /** Objected after the package that last included them was sent (not yet sent as objected). */
  objected: string[];
}

/** Who a new package would list, and why. */
export async function pendingMembers(db: Kysely<Database>, programmeId: string): Promise<PendingMembers> {
  const [transferring, last] = await Promise.all([
    transferringEmployees(db, programmeId),
    lastSentInclusions(db, programmeId),
  ]);
  const byEmployee = new Map(last.map((l) => [l.employee_id, l]));
  const notInAnySent = transferring.filter((e) => !byEmployee.has(e.id)).map((e) => e.id);
  const changed: string[] = [];
  const objected: string[] = [];
  for (const l of last) {
    if (l.tupe_status === 'OBJECTED') {
      if (l.reason !== 'OBJECTED') objected.push(l.employee_id);
    } else if (l.tupe_status === 'IN_SCOPE_ASSIGNED' && l.version > l.employee_version) {
      changed.push(l.employee_id);
    }
  }
  const versions = new Map<string, number>([
    ...last.map((l) => [l.employee_id, l.version] as const),
    ...transferring.map((e) => [e.id, e.version] as const),
  ]);
  return { versions, notInAnySent, changed, objected };
}

export interface EliSummary extends EliState {
  programmeId: string;
  warningDays: number;
  transferring: number;
  pending: PendingMembers;
  packages: EliPackage[];
}

export async function eliSummary(
  db: Kysely<Database>,
  programme: Programme,
  today: string,
  warningDays: number,
): Promise<EliSummary> {
  if (!Number.isInteger(warningDays) || warningDays < 0 || warningDays > 365)
    throw new ValidationError('warningDays', 'must be a whole number of days from 0 to 365');
  const [packages, pending, transferring] = await Promise.all([
    eliPackagesByProgrammeIds(db, [programme.id]),
    pendingMembers(db, programme.id),
    transferringEmployees(db, programme.id),
  ]);
  const state = eliState({
    transferAt: programme.transfer_at,
    today,
    warningDays,
    packages: packages.map((p) => ({ status: p.status, sentOn: p.sent_on, categories: p.categories })),
    notInAnySentPackage: pending.notInAnySent.length,
    changedSinceSent: pending.changed.length + pending.objected.length,
  });
  return {
    ...state,
    programmeId: programme.id,
    warningDays,
    transferring: transferring.length,
    pending,
    packages,
  };
}

function categoryList(field: string, values: readonly string[]): EliCategory[] {
  const out: EliCategory[] = [];
  values.forEach((v, i) => {
    if (!(ELI_CATEGORIES as readonly string[]).includes(v))
      throw new ValidationError(`${field}[${i}]`, `"${v}" is not an ELI category`);
    if (!out.includes(v as EliCategory)) out.push(v as EliCategory);
  });
  return ELI_CATEGORIES.filter((c) => out.includes(c));
}

const describeSent = (p: EliPackage) =>
  `package ${p.number} was sent on ${p.sent_on} and cannot be changed; start an update package instead`;

/** A new draft: INITIAL when nothing has been sent yet, else an UPDATE of what changed since. */
export async function createEliPackage(
  db: Kysely<Database>,
  input: { programmeId: string; categories?: readonly string[] | null; notes?: string | null },
  now: Date,
): Promise<EliPackage> {
  const programme = await db
    .selectFrom('programme')
    .select('id')
    .where('id', '=', input.programmeId)
    .executeTakeFirst();
  if (!programme) throw new NotFoundError('Programme', input.programmeId);
  const categories = categoryList('categories', input.categories ?? []);
  const notes = optionalText('notes', input.notes ?? '', 2000);
  const existing = await eliPackagesByProgrammeIds(db, [input.programmeId]);
  const draft = existing.find((p) => p.status === 'DRAFT');
  if (draft)
    throw new ValidationError(
      'programmeId',
      `package ${draft.number} is still a draft: send it before starting another`,
    );
  const pending = await pendingMembers(db, input.programmeId);
  const anySent = existing.some((p) => p.status === 'SENT');
  const member = (reason: EliInclusionReason) => (id: string) => ({
    employee_id: id,
    reason,
    employee_version: pending.versions.get(id)!,
  });
  const members = [
    ...pending.notInAnySent.map(member('NEW')),
    ...(anySent ? pending.changed.map(member('CHANGED')) : []),
    ...(anySent ? pending.objected.map(member('OBJECTED')) : []),
  ];
  if (members.length === 0) {
    throw new ValidationError(
      'programmeId',
      anySent
        ? 'nobody to include: no one has joined the transferring list, changed or objected since the last package was sent'
        : 'nobody to include: the transferring list is empty',
    );
  }
  return insertEliPackage(
    db,
    {
      programme_id: input.programmeId,
      number: (await lastPackageNumber(db, input.programmeId)) + 1,
      kind: anySent ? 'UPDATE' : 'INITIAL',
      categories,
      notes,
      now,
    },
    members,
  );
}

async function draftAt(db: Kysely<Database>, id: string): Promise<EliPackage> {
  const found = (await eliPackagesByIds(db, [id]))[0];
  if (!found) throw new NotFoundError('EliPackage', id);
  if (found.status === 'SENT') throw new ValidationError('id', describeSent(found));
  return found;
}

export async function updateEliPackage(
  db: Kysely<Database>,
  input: {
    id: string;
    expectedVersion: number;
    categories?: readonly string[] | null;
    notes?: string | null;
  },
  now: Date,
): Promise<EliPackage> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  await draftAt(db, input.id);
  const patch: { categories?: string[]; notes?: string } = {};
  if (input.categories !== undefined && input.categories !== null)
    patch.categories = categoryList('categories', input.categories);
  if (input.notes !== undefined && input.notes !== null)
    patch.notes = optionalText('notes', input.notes, 2000);
  if (Object.keys(patch).length === 0) throw new ValidationError('input', 'nothing to change');
  return updateAtVersion({
    typename: 'EliPackage',
    id: input.id,
    expectedVersion,
    update: () => updateEliPackageIfVersion(db, input.id, expectedVersion, patch, now),
    reload: async () => (await eliPackagesByIds(db, [input.id]))[0],
  });
}

/** Records a draft as sent to the trust on `sentOn`: from then on it is never changed. */
export async function sendEliPackage(
  db: Kysely<Database>,
  input: { id: string; expectedVersion: number; sentOn: string },
  context: { now: Date; today: string; userId: string | null },
): Promise<EliPackage> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const sentOn = requireDate('sentOn', input.sentOn);
  if (sentOn > context.today)
    throw new ValidationError('sentOn', `cannot be in the future (today is ${context.today})`);
  const draft = await draftAt(db, input.id);
  if (draft.categories.length === 0)
    throw new ValidationError('categories', 'tick the categories the package supplies before sending it');
  return updateAtVersion({
    typename: 'EliPackage',
    id: input.id,
    expectedVersion,
    update: () =>
      updateEliPackageIfVersion(
        db,
        input.id,
        expectedVersion,
        { status: 'SENT', sent_on: sentOn, sent_at: context.now, sent_by: context.userId },
        context.now,
      ),
    reload: async () => (await eliPackagesByIds(db, [input.id]))[0],
  });
}
