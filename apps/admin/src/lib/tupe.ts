/** The TUPE timeline and ELI as the admin app shows them (safe for the browser: no personal data). */

export interface TimelineStep {
  step: string;
  label: string;
  daysBeforeTransfer: number;
  basis: 'STATUTORY' | 'PRACTICE';
  source: string;
  dueDate: string;
  state: 'DONE' | 'OVERDUE' | 'DUE_SOON' | 'UPCOMING';
  doneOn: string | null;
  late: boolean;
  daysLate: number;
  daysToDue: number;
  recordable: boolean;
}

export const TIMELINE_FIELDS =
  'tupeTimeline { step label daysBeforeTransfer basis source dueDate state doneOn late daysLate daysToDue recordable }';

const STATE_LABELS: Record<TimelineStep['state'], string> = {
  DONE: 'Done',
  OVERDUE: 'Overdue',
  DUE_SOON: 'Due soon',
  UPCOMING: 'Upcoming',
};
const STATE_COLOURS: Record<TimelineStep['state'], string> = {
  DONE: 'green',
  OVERDUE: 'red',
  DUE_SOON: 'yellow',
  UPCOMING: 'grey',
};

export const stateLabel = (s: TimelineStep['state']): string => STATE_LABELS[s];
export const stateTagClass = (s: TimelineStep['state']): string => `govuk-tag govuk-tag--${STATE_COLOURS[s]}`;

/** "3 days", "1 day". */
export const days = (n: number): string => `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;

/** Open steps past their due date, and steps done after it. */
export const lateSteps = (steps: TimelineStep[]): TimelineStep[] => steps.filter((s) => s.late);

/** The next open deadlines, soonest first. */
export const nextSteps = (steps: TimelineStep[], count = 4): TimelineStep[] =>
  steps
    .filter((s) => s.state === 'DUE_SOON' || s.state === 'UPCOMING')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .slice(0, count);

export const ELI_CATEGORIES = [
  'IDENTITY_AND_AGE',
  'WRITTEN_PARTICULARS',
  'DISCIPLINARY_AND_GRIEVANCE',
  'CLAIMS',
  'COLLECTIVE_AGREEMENTS',
] as const;

const CATEGORY_LABELS: Record<string, string> = {
  IDENTITY_AND_AGE: 'Identity and age',
  WRITTEN_PARTICULARS: 'Written statement of particulars',
  DISCIPLINARY_AND_GRIEVANCE: 'Disciplinary action and grievances (last 2 years)',
  CLAIMS: 'Claims (last 2 years, or expected)',
  COLLECTIVE_AGREEMENTS: 'Collective agreements',
};
export const categoryLabel = (c: string): string => CATEGORY_LABELS[c] ?? c;

const REASON_LABELS: Record<string, string> = {
  NEW: 'New to ELI',
  CHANGED: 'Details changed',
  OBJECTED: 'Objected',
};
export const reasonLabel = (r: string): string => REASON_LABELS[r] ?? r;

export const UNIONS = ['UNISON', 'GMB', 'UNITE', 'OTHER'] as const;
export const unionLabel = (u: string): string => (u === 'UNITE' ? 'Unite' : u === 'OTHER' ? 'Other' : u);

/** Splits a textarea into its non-empty lines. */
export const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
