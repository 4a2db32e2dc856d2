/**
 * Planning rules over the checklist's dependency graph: cycles, what blocks an
 * item, the critical path (CPM) to the transfer day, and slippage.
 *
 * Days: a checklist item's `durationDays` is WORKING days (Monday to Friday;
 * bank holidays are not modelled), as the column says. The plan starts today
 * (or the next working day when today is a weekend): an open item starts no
 * earlier than that, a closed item takes no time. An item that lasts d days
 * from working day s occupies days s..s+d-1 and finishes at the end of day
 * s+d-1. The transfer happens at 00:00 on the transfer day, so work must be
 * finished by the end of the last working day before it. Lateness and
 * slippage against a date (due date, milestone, saved baseline) are counted in
 * calendar days, as every other deadline of the programme is (dates.ts).
 */
import { addBusinessDays, differenceInBusinessDays, format, isWeekend, parseISO } from 'date-fns';
import { addCalendarDays, calendarDaysBetween, type IsoDate } from './dates.ts';

export interface PlanItem {
  id: string;
  ref: string;
  title: string;
  durationDays: number;
  open: boolean;
  dueDate: IsoDate | null;
  forecastDate: IsoDate | null;
  /** Ids of the items it depends on. */
  dependsOn: readonly string[];
}

/**
 * The cycle that adding "`itemId` depends on `dependsOnId`" would make, as
 * ids from the item back to itself ([a, b, a]), or null when there is none.
 * `dependsOn` maps an item id to the ids it already depends on.
 */
export function cycleIfAdded(
  dependsOn: ReadonlyMap<string, readonly string[]>,
  itemId: string,
  dependsOnId: string,
): string[] | null {
  if (itemId === dependsOnId) return [itemId, itemId];
  // A path dependsOnId -> ... -> itemId closes the loop.
  const previous = new Map<string, string>();
  const queue = [dependsOnId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === itemId) {
      const path = [itemId];
      for (let n = itemId; n !== dependsOnId;) {
        n = previous.get(n)!;
        path.unshift(n);
      }
      return [itemId, ...path];
    }
    for (const next of dependsOn.get(at) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

/** "CHK-12 Title → CHK-30 Title → CHK-12 Title". */
export function describeCycle(
  cycle: readonly string[],
  items: ReadonlyMap<string, { ref: string; title: string }>,
): string {
  return cycle
    .map((id) => {
      const item = items.get(id);
      return item ? `${item.ref} ${item.title}` : id;
    })
    .join(' → ');
}

/**
 * The open items that stand, directly or through other open items, between
 * `itemId` and completion, in the order they can be done (an item comes
 * after everything it waits on). Closed items end a chain: what they waited
 * on no longer blocks anything.
 */
export function blockingChain(
  itemId: string,
  dependsOn: ReadonlyMap<string, readonly string[]>,
  isOpen: (id: string) => boolean,
): string[] {
  const order: string[] = [];
  const seen = new Set<string>([itemId]);
  const visit = (id: string) => {
    for (const dep of dependsOn.get(id) ?? []) {
      if (seen.has(dep) || !isOpen(dep)) continue;
      seen.add(dep);
      visit(dep);
      order.push(dep);
    }
  };
  visit(itemId);
  return order;
}

export interface ScheduledItem {
  id: string;
  ref: string;
  title: string;
  open: boolean;
  durationDays: number;
  /** Working-day offsets from the plan's start (day 0). */
  earliestStartDay: number;
  earliestFinishDay: number;
  latestStartDay: number;
  latestFinishDay: number;
  /** Working days it can slip without moving the transfer day; negative when it already misses it. */
  totalSlack: number;
  earliestStart: IsoDate;
  earliestFinish: IsoDate;
  latestStart: IsoDate;
  latestFinish: IsoDate;
  critical: boolean;
  dueDate: IsoDate | null;
  /** Calendar days its earliest finish falls after its due date; 0 when on time or closed. */
  daysLate: number;
}

export interface CriticalPath {
  /** The plan's day 0: today, or the next working day. */
  start: IsoDate;
  transferDate: IsoDate;
  /** The last working day before the transfer day: the latest anything may finish. */
  deadline: IsoDate;
  /** When the last open item is expected to finish (the start day when nothing is open). */
  projectedFinish: IsoDate;
  /** Working days between the projected finish and the deadline; negative when late. */
  slackDays: number;
  reachable: boolean;
  /** Every item, in schedule order (earliest start, then ref). */
  items: ScheduledItem[];
  /** The critical path: ids of the chain of least-slack items that ends last, first to last. */
  path: string[];
}

function dayOf(start: IsoDate, date: IsoDate): number {
  return differenceInBusinessDays(parseISO(date), parseISO(start));
}

function dateOf(start: IsoDate, day: number): IsoDate {
  return format(addBusinessDays(parseISO(start), day), 'yyyy-MM-dd');
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (isWeekend(parseISO(d))) d = addCalendarDays(d, 1);
  return d;
}

/** Items in an order where each comes after what it depends on; throws naming a cycle. */
function topological(items: readonly PlanItem[]): PlanItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: PlanItem[] = [];
  const visit = (item: PlanItem, trail: string[]) => {
    const s = state.get(item.id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(item.id)), item.id];
      throw new Error(`the plan has a dependency cycle: ${describeCycle(cycle, byId)}`);
    }
    state.set(item.id, 'visiting');
    for (const dep of item.dependsOn) {
      const d = byId.get(dep);
      if (d) visit(d, [...trail, item.id]);
    }
    state.set(item.id, 'done');
    out.push(item);
  };
  for (const item of [...items].sort((a, b) => a.ref.localeCompare(b.ref))) visit(item, []);
  return out;
}

/**
 * The critical path method over `items` from `today` to the transfer day:
 * forward pass (earliest start = latest earliest finish of what it depends
 * on, no earlier than day 0; an open item's forecast date, if later, holds
 * its finish back), backward pass from the deadline (latest finish = least
 * latest start of its dependents, else the deadline), total slack = latest
 * start - earliest start. Work due after the transfer day is scheduled too
 * but is not needed before it: its latest finish is its own due date, and it
 * counts neither towards the projected finish nor the path, nor holds back
 * the latest dates of the work before the transfer it waits on. The critical
 * path is the chain of items (due before the transfer day) with the
 * least slack that ends last, walked back through the dependencies that
 * drive each item's start.
 */
export function criticalPath(
  items: readonly PlanItem[],
  today: IsoDate,
  transferDate: IsoDate,
): CriticalPath {
  const start = nextWorkingDay(today);
  const deadlineDay = Math.max(0, dayOf(start, transferDate));
  const order = topological(items);
  const known = new Set(items.map((i) => i.id));
  const byId = new Map(items.map((i) => [i.id, i]));
  const es = new Map<string, number>();
  const ef = new Map<string, number>();
  for (const item of order) {
    const deps = item.dependsOn.filter((d) => known.has(d));
    const s = Math.max(0, ...deps.map((d) => ef.get(d)!));
    const duration = item.open ? item.durationDays : 0;
    let f = s + duration;
    if (item.open && item.forecastDate) f = Math.max(f, dayOf(start, item.forecastDate) + 1);
    es.set(item.id, s);
    ef.set(item.id, f);
  }
  const dependents = new Map<string, string[]>();
  for (const item of items)
    for (const d of item.dependsOn)
      if (known.has(d)) dependents.set(d, [...(dependents.get(d) ?? []), item.id]);
  // Work due after the transfer day is not needed before it: its own deadline is its due date.
  const beforeTransfer = (i: PlanItem) => i.dueDate === null || i.dueDate < transferDate;
  const ownDeadline = (i: PlanItem) =>
    beforeTransfer(i) ? deadlineDay : Math.max(deadlineDay, dayOf(start, i.dueDate!) + 1);
  const ls = new Map<string, number>();
  const lf = new Map<string, number>();
  for (const item of [...order].reverse()) {
    // Work needed before the transfer answers to the transfer day alone, not to later work waiting on it.
    const after = (dependents.get(item.id) ?? []).filter(
      (a) => !beforeTransfer(item) || beforeTransfer(byId.get(a)!),
    );
    const f = Math.min(ownDeadline(item), ...after.map((a) => ls.get(a)!));
    lf.set(item.id, f);
    ls.set(item.id, f - (ef.get(item.id)! - es.get(item.id)!));
  }
  const slack = (id: string) => ls.get(id)! - es.get(id)!;
  const openItems = items.filter((i) => i.open && beforeTransfer(i));
  const minSlack = openItems.length ? Math.min(...openItems.map((i) => slack(i.id))) : 0;
  const finishDate = (id: string) => {
    const f = ef.get(id)!;
    return f > es.get(id)! ? dateOf(start, f - 1) : dateOf(start, es.get(id)!);
  };
  const scheduled: ScheduledItem[] = items.map((i) => {
    const earliestFinish = finishDate(i.id);
    const lateBy = i.open && i.dueDate ? calendarDaysBetween(i.dueDate, earliestFinish) : 0;
    return {
      id: i.id,
      ref: i.ref,
      title: i.title,
      open: i.open,
      durationDays: i.open ? i.durationDays : 0,
      earliestStartDay: es.get(i.id)!,
      earliestFinishDay: ef.get(i.id)!,
      latestStartDay: ls.get(i.id)!,
      latestFinishDay: lf.get(i.id)!,
      totalSlack: slack(i.id),
      earliestStart: dateOf(start, es.get(i.id)!),
      earliestFinish,
      latestStart: dateOf(start, ls.get(i.id)!),
      latestFinish: lf.get(i.id)! > 0 ? dateOf(start, lf.get(i.id)! - 1) : dateOf(start, 0),
      critical: i.open && beforeTransfer(i) && slack(i.id) === minSlack,
      dueDate: i.dueDate,
      daysLate: Math.max(0, lateBy),
    };
  });
  scheduled.sort((a, b) => a.earliestStartDay - b.earliestStartDay || a.ref.localeCompare(b.ref));

  // The path: the least-slack item that finishes last, then back through the dependency that drives its start.
  const path: string[] = [];
  const ends = openItems
    .filter((i) => slack(i.id) === minSlack)
    .sort((a, b) => ef.get(b.id)! - ef.get(a.id)! || a.ref.localeCompare(b.ref));
  let at = ends[0];
  while (at) {
    path.unshift(at.id);
    const s = es.get(at.id)!;
    if (s === 0) break;
    at = at.dependsOn
      .map((d) => byId.get(d))
      .filter(
        (d): d is PlanItem =>
          d !== undefined && d.open && beforeTransfer(d) && ef.get(d.id) === s && slack(d.id) === minSlack,
      )
      .sort((a, b) => a.ref.localeCompare(b.ref))[0];
  }
  const lastFinish = Math.max(0, ...openItems.map((i) => ef.get(i.id)!));
  return {
    start,
    transferDate,
    deadline: deadlineDay > 0 ? dateOf(start, deadlineDay - 1) : addCalendarDays(transferDate, -1),
    projectedFinish: lastFinish > 0 ? dateOf(start, lastFinish - 1) : start,
    slackDays: deadlineDay - lastFinish,
    reachable: lastFinish <= deadlineDay,
    items: scheduled,
    path,
  };
}

export interface PlanMilestone {
  id: string;
  name: string;
  workstreamId: string | null;
  serviceId: string | null;
  /** The date planned for it when it was set. */
  plannedDate: IsoDate;
  forecastDate: IsoDate | null;
  actualDate: IsoDate | null;
}

export interface MilestoneItemLink {
  itemId: string;
  workstreamId: string;
  serviceId: string | null;
}

export interface LateMilestone {
  id: string;
  name: string;
  date: IsoDate;
  projectedDate: IsoDate;
  daysLate: number;
}

/**
 * Milestones the schedule makes late. A milestone not yet achieved is due on
 * its forecast date, else its planned date; the items that lead to it are the
 * open items of its workstream (and of its service, when it has one) due on
 * or before that date. It goes late when the last of them is scheduled to
 * finish after it, by as many calendar days.
 */
export function lateMilestones(
  plan: CriticalPath,
  milestones: readonly PlanMilestone[],
  links: readonly MilestoneItemLink[],
): LateMilestone[] {
  const scheduled = new Map(plan.items.map((i) => [i.id, i]));
  const out: LateMilestone[] = [];
  for (const m of milestones) {
    if (m.actualDate) continue;
    const date = m.forecastDate ?? m.plannedDate;
    let projected: IsoDate | null = null;
    for (const link of links) {
      if (m.workstreamId === null || link.workstreamId !== m.workstreamId) continue;
      if (m.serviceId !== null && link.serviceId !== m.serviceId) continue;
      const item = scheduled.get(link.itemId);
      if (!item || !item.open || item.dueDate === null || item.dueDate > date) continue;
      if (projected === null || item.earliestFinish > projected) projected = item.earliestFinish;
    }
    if (projected !== null && projected > date) {
      out.push({
        id: m.id,
        name: m.name,
        date,
        projectedDate: projected,
        daysLate: calendarDaysBetween(date, projected),
      });
    }
  }
  return out.sort((a, b) => b.daysLate - a.daysLate || a.name.localeCompare(b.name));
}

/** Calendar days `current` is later than `baseline` (negative when earlier); null if either is missing. */
export function daysSlipped(baseline: IsoDate | null, current: IsoDate | null): number | null {
  return baseline === null || current === null ? null : calendarDaysBetween(baseline, current);
}

/**
 * An item's due date were the transfer on `transferDay`: an item dated from the transfer day (made
 * from a template, with its offset) moves with it; one dated by hand (no offset) keeps its date.
 */
export function dueDateForTransfer(
  item: { dueDate: IsoDate | null; dueOffsetDays: number | null },
  transferDay: IsoDate,
): IsoDate | null {
  return item.dueOffsetDays === null ? item.dueDate : addCalendarDays(transferDay, item.dueOffsetDays);
}

/** A date set relative to the transfer day (the gate's decision) moved with it from `fromDay` to `toDay`. */
export function movedWithTransfer(date: IsoDate, fromDay: IsoDate, toDay: IsoDate): IsoDate {
  return addCalendarDays(date, calendarDaysBetween(fromDay, toDay));
}
