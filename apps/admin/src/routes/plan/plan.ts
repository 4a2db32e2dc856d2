/** What the plan pages ask of the API and show. */
export interface ScheduledItem {
  item: { id: string; ref: string; title: string; dueDate: string | null; workstream: { name: string } };
  durationDays: number;
  earliestStart: string;
  earliestFinish: string;
  latestFinish: string;
  totalSlack: number;
  daysLate: number;
}

export interface CriticalPath {
  start: string;
  transferDate: string;
  deadline: string;
  projectedFinish: string;
  slackDays: number;
  reachable: boolean;
  path: ScheduledItem[];
}

const SCHEDULED = `item { id ref title dueDate workstream { name } } durationDays earliestStart earliestFinish latestFinish totalSlack daysLate`;
export const SCHEDULED_FIELDS = SCHEDULED;
export const CRITICAL_PATH_FIELDS = `start transferDate deadline projectedFinish slackDays reachable path { ${SCHEDULED} }`;

/** "3 working days to spare", "2 working days late". */
export function slackText(days: number): string {
  const n = Math.abs(days);
  const unit = n === 1 ? 'working day' : 'working days';
  return days >= 0 ? `${n} ${unit} to spare` : `${n} ${unit} late`;
}
