import type { Database, RaidItem, RaidItemUpdate } from '@handover/db';
import {
  isValidRating,
  type RaidResponse,
  type RaidStatus,
  type RaidType,
  type RiskScoreInput,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { userExists } from '../checklist/checklist.repository.ts';
import { updateAtVersion } from '../common/concurrency.ts';
import { optionalText, requireDate, requireText, requireVersion } from '../common/validate.ts';
import {
  insertRaidItem,
  lastRefNumber,
  organisationExists,
  programmeExists,
  raidItemsByIds,
  updateRaidItemIfVersion,
  workstreamInProgramme,
} from './raid.repository.ts';

export const RAID_REF_PREFIX: Record<RaidType, string> = {
  RISK: 'R',
  ISSUE: 'I',
  ASSUMPTION: 'A',
  DEPENDENCY: 'D',
  DECISION: 'DEC',
  ACTION: 'ACT',
};

type ScoreKind = 'inherent' | 'residual' | 'target';

export interface RaidItemFields {
  title?: string | null;
  statement?: string | null;
  workstreamId?: string | null;
  ownerOrganisationId?: string | null;
  ownerUserId?: string | null;
  status?: RaidStatus | null;
  response?: RaidResponse | null;
  responsePlan?: string | null;
  dueDate?: string | null;
  inherent?: RiskScoreInput | null;
  residual?: RiskScoreInput | null;
  target?: RiskScoreInput | null;
}

function score(kind: ScoreKind, value: RiskScoreInput | null): Partial<RaidItemUpdate> {
  if (value !== null) {
    for (const part of ['likelihood', 'impact'] as const) {
      if (!isValidRating(value[part])) {
        throw new ValidationError(
          `${kind}.${part}`,
          `must be a whole number from 1 to 5; got ${value[part]}`,
        );
      }
    }
  }
  return {
    [`${kind}_likelihood`]: value?.likelihood ?? null,
    [`${kind}_impact`]: value?.impact ?? null,
  };
}

/** Checks and converts the fields given (undefined = leave alone) into column values. */
async function toColumns(
  db: Kysely<Database>,
  programmeId: string,
  f: RaidItemFields,
): Promise<RaidItemUpdate> {
  const out: RaidItemUpdate = {};
  if (f.title !== undefined) out.title = requireText('title', f.title ?? '', 200);
  if (f.statement !== undefined) out.statement = requireText('statement', f.statement ?? '', 4000);
  if (f.responsePlan !== undefined)
    out.response_plan = optionalText('responsePlan', f.responsePlan ?? '', 4000);
  if (f.status !== undefined) {
    if (f.status === null) throw new ValidationError('status', 'cannot be empty');
    out.status = f.status;
  }
  if (f.response !== undefined) out.response = f.response;
  if (f.dueDate !== undefined) out.due_date = f.dueDate === null ? null : requireDate('dueDate', f.dueDate);
  if (f.workstreamId !== undefined) {
    if (f.workstreamId !== null && !(await workstreamInProgramme(db, f.workstreamId, programmeId))) {
      throw new ValidationError('workstreamId', 'names no workstream of this programme');
    }
    out.workstream_id = f.workstreamId;
  }
  if (f.ownerOrganisationId !== undefined) {
    if (f.ownerOrganisationId !== null && !(await organisationExists(db, f.ownerOrganisationId))) {
      throw new ValidationError('ownerOrganisationId', 'names no organisation');
    }
    out.owner_organisation_id = f.ownerOrganisationId;
  }
  if (f.ownerUserId !== undefined) {
    if (f.ownerUserId !== null && !(await userExists(db, f.ownerUserId))) {
      throw new ValidationError('ownerId', 'names no user');
    }
    out.owner_user_id = f.ownerUserId;
  }
  for (const kind of ['inherent', 'residual', 'target'] as const) {
    const value = f[kind];
    if (value !== undefined) Object.assign(out, score(kind, value));
  }
  return out;
}

export async function createRaidItem(
  db: Kysely<Database>,
  input: RaidItemFields & { programmeId: string; type: RaidType; title: string; statement: string },
  now: Date,
): Promise<RaidItem> {
  if (!(await programmeExists(db, input.programmeId)))
    throw new NotFoundError('Programme', input.programmeId);
  const columns = await toColumns(db, input.programmeId, { status: 'OPEN', ...input });
  if (columns.status === 'CLOSED') columns.closed_at = now;
  const prefix = RAID_REF_PREFIX[input.type];
  // The reference is the next number for the type; the unique index settles a race, so retry once or twice.
  for (let attempt = 0; ; attempt++) {
    const ref = `${prefix}-${String((await lastRefNumber(db, input.programmeId, prefix)) + 1).padStart(3, '0')}`;
    try {
      return await insertRaidItem(db, {
        ...columns,
        programme_id: input.programmeId,
        type: input.type,
        ref,
        title: columns.title!,
        statement: columns.statement!,
        status: columns.status!,
        response_plan: columns.response_plan ?? '',
        created_at: now,
        updated_at: now,
      });
    } catch (error) {
      const unique = (error as { code?: string }).code === '23505';
      if (!unique || attempt >= 2) throw error;
    }
  }
}

export async function updateRaidItem(
  db: Kysely<Database>,
  input: RaidItemFields & { id: string; expectedVersion: number },
  now: Date,
): Promise<RaidItem> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const existing = (await raidItemsByIds(db, [input.id]))[0];
  if (!existing) throw new NotFoundError('RaidItem', input.id);
  const { id: _id, expectedVersion: _v, ...fields } = input;
  const patch = await toColumns(db, existing.programme_id, fields);
  if (Object.keys(patch).length === 0) throw new ValidationError('input', 'nothing to change');
  if (patch.status !== undefined)
    patch.closed_at = patch.status === 'CLOSED' ? (existing.closed_at ?? now) : null;
  return updateAtVersion({
    typename: 'RaidItem',
    id: input.id,
    expectedVersion,
    update: () => updateRaidItemIfVersion(db, input.id, expectedVersion, patch, now),
    reload: async () => (await raidItemsByIds(db, [input.id]))[0],
  });
}

/** Closes an item, recording when; a closed item stays in the log. */
export async function closeRaidItem(
  db: Kysely<Database>,
  input: { id: string; expectedVersion: number },
  now: Date,
): Promise<RaidItem> {
  const expectedVersion = requireVersion('expectedVersion', input.expectedVersion);
  const existing = (await raidItemsByIds(db, [input.id]))[0];
  if (!existing) throw new NotFoundError('RaidItem', input.id);
  // Closing an item already closed keeps the day it was closed (as updateRaidItem does).
  const closedAt = existing.status === 'CLOSED' && existing.closed_at ? existing.closed_at : now;
  return updateAtVersion({
    typename: 'RaidItem',
    id: input.id,
    expectedVersion,
    update: () =>
      updateRaidItemIfVersion(db, input.id, expectedVersion, { status: 'CLOSED', closed_at: closedAt }, now),
    reload: async () => (await raidItemsByIds(db, [input.id]))[0],
  });
}
