import type { ChecklistItem, Database, GateSignatory, Milestone, RaidItem } from '@handover/db';
import { CLOSED_CHECKLIST_STATUSES, OPEN_RAID_STATUSES } from '@handover/domain';
import { sql, type Kysely } from 'kysely';

/** The user's open checklist items (isChecklistItemOpen of domain) in a programme, by due date (none last). */
export async function openItemsOwnedBy(
  db: Kysely<Database>,
  programmeId: string,
  userId: string,
): Promise<ChecklistItem[]> {
  return db
    .selectFrom('checklist_item')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('owner_user_id', '=', userId)
    .where('status', 'not in', CLOSED_CHECKLIST_STATUSES)
    .orderBy('due_date', (o) => o.asc().nullsLast())
    .orderBy('ref')
    .execute();
}

/** The user's open RAID items (the domain's OPEN_RAID_STATUSES: open, monitoring, materialised), by due date (none last). */
export async function openRaidItemsOwnedBy(
  db: Kysely<Database>,
  programmeId: string,
  userId: string,
): Promise<RaidItem[]> {
  return db
    .selectFrom('raid_item')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('owner_user_id', '=', userId)
    .where('status', 'in', OPEN_RAID_STATUSES)
    .orderBy('due_date', (o) => o.asc().nullsLast())
    .orderBy('ref')
    .execute();
}

/** The user's milestones not yet achieved, by when they are due (forecast, else planned date). */
export async function openMilestonesOwnedBy(
  db: Kysely<Database>,
  programmeId: string,
  userId: string,
): Promise<Milestone[]> {
  return db
    .selectFrom('milestone')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('owner_user_id', '=', userId)
    .where('actual_date', 'is', null)
    .orderBy(sql`coalesce(forecast_date, baseline_date)`)
    .orderBy('name')
    .execute();
}

/** The gate signatories the user signs as, still required, with no sign-off standing (none, or all withdrawn). */
export async function signOffsAwaitedFrom(
  db: Kysely<Database>,
  programmeId: string,
  userId: string,
): Promise<GateSignatory[]> {
  return db
    .selectFrom('gate_signatory as s')
    .innerJoin('gate as g', 'g.id', 's.gate_id')
    .selectAll('s')
    .where('g.programme_id', '=', programmeId)
    .where('s.user_id', '=', userId)
    .where('s.removed_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('gate_sign_off as o')
            .select('o.id')
            .whereRef('o.signatory_id', '=', 's.id')
            .where((inner) =>
              inner.not(
                inner.exists(
                  inner
                    .selectFrom('gate_sign_off_withdrawal as w')
                    .select('w.id')
                    .whereRef('w.sign_off_id', '=', 'o.id'),
                ),
              ),
            ),
        ),
      ),
    )
    .orderBy('g.decision_due')
    .orderBy('s.position')
    .execute();
}
