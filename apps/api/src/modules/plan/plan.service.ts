/**
 * The plan: the critical path to the transfer day, what-if, and baselines.
 * The rules are in @handover/domain (plan.ts); this module feeds them rows.
 */
import type { Database, Milestone, PlanBaseline } from '@handover/db';
import {
  criticalPath,
  daysSlipped,
  dueDateForTransfer,
  eliDueDate,
  movedWithTransfer,
  transferInstant,
  isChecklistItemOpen,
  isIsoDate,
  lateMilestones,
  type CriticalPath,
  type LateMilestone,
  type PlanItem,
  type ScheduledItem,
} from '@handover/domain';
import type { Kysely } from 'kysely';
import { ValidationError } from '../../schema/errors.ts';
import { requireText } from '../common/validate.ts';
import type { PlanItemRow } from '../checklist/checklist.repository.ts';
import {
  baselineNameTaken,
  insertBaseline,
  type BaselineItemRow,
  type BaselineMilestoneRow,
} from './plan.repository.ts';

/**
 * The plan's items. With `transferDay` (a what-if), an item dated from the transfer day is
 * re-dated by its offset (domain dueDateForTransfer); without, each keeps its due date.
 */
export function toPlanItems(
  rows: readonly PlanItemRow[],
  forecasts?: ReadonlyMap<string, string>,
  transferDay?: string,
): PlanItem[] {
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    title: r.title,
    durationDays: r.duration_days,
    open: isChecklistItemOpen(r.status),
    dueDate: transferDay
      ? dueDateForTransfer({ dueDate: r.due_date, dueOffsetDays: r.due_offset_days }, transferDay)
      : r.due_date,
    forecastDate: forecasts?.has(r.id) ? forecasts.get(r.id)! : r.forecast_date,
    dependsOn: r.depends_on,
  }));
}

export function programmeCriticalPath(
  rows: readonly PlanItemRow[],
  today: string,
  transferDate: string,
): CriticalPath {
  return criticalPath(toPlanItems(rows), today, transferDate);
}

export interface WhatIfForecast {
  itemId: string;
  forecastDate: string;
  /** Where it came from in the input, for errors ("forecasts[2]"). */
  field: string;
}

export interface WhatIfResult {
  transferDate: string;
  plan: CriticalPath;
  lateItems: ScheduledItem[];
  lateMilestones: LateMilestone[];
  /** How many items were re-dated from the transfer day (made from a template or the demo seed). */
  redatedItems: number;
  /** ELI's statutory due date for that transfer day (28 days before). */
  eliDueDate: string;
  /** The gate's decision date moved with the transfer day; null without a gate. */
  gateDecisionDue: string | null;
}

/** What the what-if moves besides the items: the gate's decision date, as it is now and the transfer day now. */
export interface WhatIfContext {
  currentTransferDay: string;
  gateDecisionDue: string | null;
}

/**
 * The plan as it would be with another transfer date and other forecasts.
 * Reads only: nothing is saved.
 */
export function whatIf(
  rows: readonly PlanItemRow[],
  milestones: readonly Milestone[],
  today: string,
  transferDate: string,
  forecasts: readonly WhatIfForecast[],
  context: WhatIfContext,
): WhatIfResult {
  if (!isIsoDate(transferDate)) throw new ValidationError('transferDate', 'is not a date (YYYY-MM-DD)');
  if (transferDate <= today) throw new ValidationError('transferDate', `must be after today (${today})`);
  const ids = new Set(rows.map((r) => r.id));
  const given = new Map<string, string>();
  for (const f of forecasts) {
    if (!ids.has(f.itemId))
      throw new ValidationError(`${f.field}.itemId`, 'names no checklist item of this programme');
    if (!isIsoDate(f.forecastDate))
      throw new ValidationError(`${f.field}.forecastDate`, 'is not a date (YYYY-MM-DD)');
    if (given.has(f.itemId)) throw new ValidationError(`${f.field}.itemId`, 'is given twice');
    given.set(f.itemId, f.forecastDate);
  }
  const plan = criticalPath(toPlanItems(rows, given, transferDate), today, transferDate);
  return {
    transferDate,
    plan,
    redatedItems: rows.filter((r) => r.due_offset_days !== null).length,
    eliDueDate: eliDueDate(transferInstant(transferDate)),
    gateDecisionDue: context.gateDecisionDue
      ? movedWithTransfer(context.gateDecisionDue, context.currentTransferDay, transferDate)
      : null,
    lateItems: plan.items
      .filter((i) => i.daysLate > 0)
      .sort((a, b) => b.daysLate - a.daysLate || a.ref.localeCompare(b.ref)),
    lateMilestones: lateMilestones(
      plan,
      milestones.map((m) => ({
        id: m.id,
        name: m.name,
        workstreamId: m.workstream_id,
        serviceId: m.service_id,
        plannedDate: m.baseline_date,
        forecastDate: m.forecast_date,
        actualDate: m.actual_date,
      })),
      rows.map((r) => ({ itemId: r.id, workstreamId: r.workstream_id, serviceId: r.service_id })),
    ),
  };
}

export async function saveBaseline(
  db: Kysely<Database>,
  programmeId: string,
  name: string,
  createdBy: string | null,
  now: Date,
): Promise<PlanBaseline> {
  const trimmed = requireText('name', name, 200);
  if (await baselineNameTaken(db, programmeId, trimmed)) {
    throw new ValidationError('name', `"${trimmed}" is already the name of a baseline of this programme`);
  }
  return insertBaseline(db, programmeId, trimmed, createdBy, now);
}

export interface Slippage {
  id: string;
  baselineDate: string | null;
  currentDate: string | null;
  daysSlipped: number | null;
}

/** An item's date is its forecast, else its due date, then and now. */
export function itemSlippage(row: BaselineItemRow): Slippage {
  const baselineDate = row.baseline_forecast ?? row.baseline_due;
  const currentDate = row.current_forecast ?? row.current_due;
  return {
    id: row.checklist_item_id,
    baselineDate,
    currentDate,
    daysSlipped: daysSlipped(baselineDate, currentDate),
  };
}

/** A milestone's date is its actual date, else its forecast, else its baseline date, then and now. */
export function milestoneSlippage(row: BaselineMilestoneRow): Slippage {
  const baselineDate = row.baseline_actual ?? row.baseline_forecast ?? row.baseline_baseline;
  const currentDate = row.current_actual ?? row.current_forecast ?? row.current_baseline;
  return {
    id: row.milestone_id,
    baselineDate,
    currentDate,
    daysSlipped: daysSlipped(baselineDate, currentDate),
  };
}
