import type { ChecklistStatus } from './enums.ts';
import type { IsoDate } from './dates.ts';

/** Statuses that close an item: nothing more is owed before go-live. */
export const CLOSED_CHECKLIST_STATUSES: readonly ChecklistStatus[] = [
  'COMPLETE',
  'NOT_APPLICABLE',
  'DEFERRED_POST_GO_LIVE',
];

export function isChecklistItemOpen(status: ChecklistStatus): boolean {
  return !CLOSED_CHECKLIST_STATUSES.includes(status);
}

/** An item is overdue when it is still open and its due date is before today (UK calendar). */
export function isOverdue(
  item: { status: ChecklistStatus; dueDate: IsoDate | null },
  today: IsoDate,
): boolean {
  return item.dueDate !== null && isChecklistItemOpen(item.status) && item.dueDate < today;
}
