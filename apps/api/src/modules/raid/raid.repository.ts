import type { Database, NewRaidItem, RaidItem, RaidItemUpdate } from '@handover/db';
import type { RaidStatus, RaidType, RiskBandRange } from '@handover/domain';
import { onlyUuids } from '../common/ids.ts';
import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { likePattern } from '../service/service.repository.ts';

export interface RaidFilter {
  types?: readonly RaidType[] | null;
  statuses?: readonly RaidStatus[] | null;
  /** Score ranges of the bands asked for, from the programme's banding. */
  bandRanges?: readonly RiskBandRange[] | null;
  workstreamIds?: readonly string[] | null;
  search?: string | null;
  /** The current rating's likelihood and impact (a heat-map cell), each 1-5. */
  likelihood?: number | null;
  impact?: number | null;
}

/** The score that bands an item: residual when assessed, else inherent (as in the domain rule). */
const currentScore = sql<
  number | null
>`coalesce(residual_likelihood * residual_impact, inherent_likelihood * inherent_impact)`;

function filtered(
  db: Kysely<Database>,
  programmeId: string,
  filter: RaidFilter,
): SelectQueryBuilder<Database, 'raid_item', object> {
  let q = db.selectFrom('raid_item').where('programme_id', '=', programmeId);
  if (filter.types?.length) q = q.where('type', 'in', filter.types);
  if (filter.statuses?.length) q = q.where('status', 'in', filter.statuses);
  if (filter.workstreamIds?.length) q = q.where('workstream_id', 'in', filter.workstreamIds);
  if (filter.bandRanges) {
    const ranges = filter.bandRanges;
    q = q.where((eb) =>
      eb.or(
        ranges.map(
          (r) => eb.between(currentScore as Expression<number>, r.min, r.max) as Expression<SqlBool>,
        ),
      ),
    );
  }
  // The current rating is the residual one when assessed, else the inherent one (domain currentRating).
  if (typeof filter.likelihood === 'number') {
    q = q.where(sql<number>`coalesce(residual_likelihood, inherent_likelihood)`, '=', filter.likelihood);
  }
  if (typeof filter.impact === 'number') {
    q = q.where(sql<number>`case when residual_likelihood is not null then residual_impact else inherent_impact end`, '=', filter.impact);
  }
  const search = filter.search?.trim();
  if (search) {
    q = q.where((eb) =>
      eb.or([
        eb('title', 'ilike', likePattern(search)),
        eb('statement', 'ilike', likePattern(search)),
        eb('ref', 'ilike', likePattern(search)),
      ]),
    );
  }
  return q;
}

export async function listRaidItems(
  db: Kysely<Database>,
  programmeId: string,
  filter: RaidFilter,
  page: { limit: number; offset: number },
): Promise<RaidItem[]> {
  return filtered(db, programmeId, filter)
    .selectAll()
    .orderBy(sql`${currentScore} desc nulls last`)
    .orderBy('ref')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countRaidItems(
  db: Kysely<Database>,
  programmeId: string,
  filter: RaidFilter,
): Promise<number> {
  const row = await filtered(db, programmeId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function raidItemsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<RaidItem[]> {
  const valid = onlyUuids(ids);
  if (valid.length === 0) return [];
  return db.selectFrom('raid_item').selectAll().where('id', 'in', valid).execute();
}

/** The highest number used so far in refs like `R-012` for this prefix. */
export async function lastRefNumber(
  db: Kysely<Database>,
  programmeId: string,
  prefix: string,
): Promise<number> {
  const row = await db
    .selectFrom('raid_item')
    .select(sql<number | null>`max(substring(ref from '[0-9]+$')::int)`.as('n'))
    .where('programme_id', '=', programmeId)
    .where('ref', 'like', `${prefix}-%`)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function insertRaidItem(db: Kysely<Database>, item: NewRaidItem): Promise<RaidItem> {
  return db.insertInto('raid_item').values(item).returningAll().executeTakeFirstOrThrow();
}

export async function updateRaidItemIfVersion(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: RaidItemUpdate,
  now: Date,
): Promise<RaidItem | undefined> {
  return db
    .updateTable('raid_item')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function programmeExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('programme').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function workstreamInProgramme(
  db: Kysely<Database>,
  id: string,
  programmeId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('workstream')
    .select('id')
    .where('id', '=', id)
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function organisationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export interface HeatMapRow {
  type: RaidType;
  status: RaidStatus;
  inherent_likelihood: number | null;
  inherent_impact: number | null;
  residual_likelihood: number | null;
  residual_impact: number | null;
}

/** The type, status and ratings of every item the filter matches (what the heat map counts), in one statement. */
export async function heatMapRows(
  db: Kysely<Database>,
  programmeId: string,
  filter: RaidFilter,
): Promise<HeatMapRow[]> {
  return filtered(db, programmeId, filter)
    .select([
      'type',
      'status',
      'inherent_likelihood',
      'inherent_impact',
      'residual_likelihood',
      'residual_impact',
    ])
    .execute();
}
