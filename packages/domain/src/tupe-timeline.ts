/**
 * TUPE deadlines and the state of the employee liability information (ELI),
 * counted back from the transfer day (DOMAIN.md 2.2, 2.3, 2.5, 3.1, 3.2).
 * Pure: the caller gives today, the transfer instant and the facts it read.
 */
import { addCalendarDays, calendarDaysBetween, eliDueDate, londonDate, type IsoDate } from './dates.ts';

/** The categories of ELI, reg 11(2) (DOMAIN.md 2.2). */
export const ELI_CATEGORIES = [
  'IDENTITY_AND_AGE',
  'WRITTEN_PARTICULARS',
  'DISCIPLINARY_AND_GRIEVANCE',
  'CLAIMS',
  'COLLECTIVE_AGREEMENTS',
] as const;
export type EliCategory = (typeof ELI_CATEGORIES)[number];

export const ELI_PACKAGE_KINDS = ['INITIAL', 'UPDATE'] as const;
export type EliPackageKind = (typeof ELI_PACKAGE_KINDS)[number];

export const ELI_PACKAGE_STATUSES = ['DRAFT', 'SENT'] as const;
export type EliPackageStatus = (typeof ELI_PACKAGE_STATUSES)[number];

/** Why an employee is in a package: first time, details changed since, or objected since. */
export const ELI_INCLUSION_REASONS = ['NEW', 'CHANGED', 'OBJECTED'] as const;
export type EliInclusionReason = (typeof ELI_INCLUSION_REASONS)[number];

export const ELI_FLAGS = ['DUE_SOON', 'LATE', 'INCOMPLETE', 'UPDATE_NEEDED'] as const;
export type EliFlag = (typeof ELI_FLAGS)[number];

/** Who envisages a measure (reg 13(2)(d)): the council or the trust. */
export const MEASURE_PARTIES = ['TRANSFEROR', 'TRANSFEREE'] as const;
export type MeasureParty = (typeof MEASURE_PARTIES)[number];

/** The recognised unions a consultation meeting can be with (DOMAIN.md 2.3). */
export const RECOGNISED_UNIONS = ['UNISON', 'GMB', 'UNITE', 'OTHER'] as const;
export type RecognisedUnion = (typeof RECOGNISED_UNIONS)[number];

/** LGPS admission: open to new starters, or closed to those who transfer (DOMAIN.md 2.5). */
export const ADMISSION_TYPES = ['OPEN', 'CLOSED'] as const;
export type AdmissionType = (typeof ADMISSION_TYPES)[number];

/** The default lead time of the "ELI due in N days" warning, before the due date. */
export const ELI_WARNING_DAYS = 14;

/** A package as the ELI rule needs it. */
export interface EliPackageFacts {
  status: EliPackageStatus;
  /** The date it was sent (London), null while a draft. */
  sentOn: IsoDate | null;
  categories: readonly string[];
}

export interface EliStateInput {
  transferAt: Date;
  today: IsoDate;
  packages: readonly EliPackageFacts[];
  /** Employees in the transferring list that no sent package includes. */
  notInAnySentPackage: number;
  /** Included employees whose details changed, or who objected, after the package that last included them was sent. */
  changedSinceSent: number;
  /** Days before the due date from which a warning shows; 14 unless given. */
  warningDays?: number;
}

export interface EliState {
  dueDate: IsoDate;
  /** Days from today to the due date (0 on the day, negative after). */
  daysToDue: number;
  flags: EliFlag[];
  /** The categories some sent package lacks. */
  missingCategories: EliCategory[];
  /** What a banner says, in order of gravity. */
  messages: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The categories of `categories` lacks, in the statutory order. */
export function missingEliCategories(categories: readonly string[]): EliCategory[] {
  return ELI_CATEGORIES.filter((c) => !categories.includes(c));
}

/**
 * Where the ELI stands today. Due 28 days before the transfer day (reg 11(6)).
 * - DUE_SOON: nothing sent yet and the due date is within `warningDays` (today counts).
 * - LATE: nothing sent and the due date has passed, or the first package was sent after it.
 * - INCOMPLETE: a sent package lacks a category, or someone in the transferring list is in no sent package.
 * - UPDATE_NEEDED: details changed, or people objected, after the package that last included them was sent.
 * INCOMPLETE and UPDATE_NEEDED need something sent: before that, the ELI is simply not sent.
 */
export function eliState(input: EliStateInput): EliState {
  const dueDate = eliDueDate(input.transferAt);
  const daysToDue = calendarDaysBetween(input.today, dueDate);
  const warningDays = input.warningDays ?? ELI_WARNING_DAYS;
  const sent = input.packages.filter((p) => p.status === 'SENT' && p.sentOn !== null);
  const firstSentOn = sent.map((p) => p.sentOn!).sort()[0] ?? null;
  const flags: EliFlag[] = [];
  const messages: string[] = [];
  const missing = new Set<EliCategory>();
  for (const p of sent) for (const c of missingEliCategories(p.categories)) missing.add(c);
  const missingCategories = ELI_CATEGORIES.filter((c) => missing.has(c));

  if (firstSentOn === null) {
    if (daysToDue < 0) {
      flags.push('LATE');
      messages.push(`ELI is late: it was due on ${dueDate} and nothing has been sent`);
    } else if (daysToDue <= warningDays) {
      flags.push('DUE_SOON');
      messages.push(daysToDue === 0 ? 'ELI is due today' : `ELI due in ${plural(daysToDue, 'day')}`);
    }
  } else {
    if (firstSentOn > dueDate) {
      flags.push('LATE');
      messages.push(`ELI was late: due on ${dueDate}, first sent on ${firstSentOn}`);
    }
    if (missingCategories.length > 0 || input.notInAnySentPackage > 0) {
      flags.push('INCOMPLETE');
      if (missingCategories.length > 0)
        messages.push(`ELI is incomplete: a sent package lacks ${missingCategories.join(', ')}`);
      if (input.notInAnySentPackage > 0)
        messages.push(
          `ELI is incomplete: ${plural(input.notInAnySentPackage, 'person', 'people')} in the transferring list ` +
            `${input.notInAnySentPackage === 1 ? 'is' : 'are'} in no sent package`,
        );
    }
    if (input.changedSinceSent > 0) {
      flags.push('UPDATE_NEEDED');
      messages.push(
        `ELI update needed: ${plural(input.changedSinceSent, 'person', 'people')} changed or objected since their package was sent`,
      );
    }
  }
  return { dueDate, daysToDue, flags, missingCategories, messages };
}

// ---------------------------------------------------------------------------------------------
// The TUPE timeline

export const TUPE_STEPS = [
  'ASSIGNMENT_COMPLETE',
  'PROVISIONAL_LIST_TO_STAFF',
  'CONSULTATION_STARTS',
  'TRANSFEREE_MEASURES_RECEIVED',
  'MEASURES_LETTERS_SENT',
  'ELI_SENT',
  'PENSION_ADMISSION_SIGNED',
  'PAYROLL_PARALLEL_RUN',
  'FINAL_LIST_AGREED',
  'TRANSFER_DAY',
] as const;
export type TupeStep = (typeof TUPE_STEPS)[number];

/** Steps HR records as done by hand: the system holds no data of its own that shows them. */
export const RECORDED_TUPE_STEPS = [
  'ASSIGNMENT_COMPLETE',
  'PROVISIONAL_LIST_TO_STAFF',
  'PAYROLL_PARALLEL_RUN',
  'FINAL_LIST_AGREED',
] as const satisfies readonly TupeStep[];
export type RecordedTupeStep = (typeof RECORDED_TUPE_STEPS)[number];

export const TUPE_STEP_BASES = ['STATUTORY', 'PRACTICE'] as const;
export type TupeStepBasis = (typeof TUPE_STEP_BASES)[number];

export const TUPE_STEP_STATES = ['DONE', 'OVERDUE', 'DUE_SOON', 'UPCOMING'] as const;
export type TupeStepState = (typeof TUPE_STEP_STATES)[number];

export interface TupeStepRule {
  step: TupeStep;
  label: string;
  /** Calendar days before the transfer day (London) it is due by. */
  daysBefore: number;
  basis: TupeStepBasis;
  /** Where the offset comes from. */
  source: string;
}

/**
 * Every deadline, latest-first from the transfer day backwards, with where its
 * offset comes from. Only ELI has a statutory number of days; the others are
 * the practice the programme follows (DOMAIN.md 3.1, 3.2), chosen so that each
 * step has what it needs from the one before: the assignment decides the
 * provisional list; the list and the measures are what the unions are
 * consulted on; letters follow the measures; the final list follows the
 * objection window; the parallel run needs the final payroll data.
 */
export const TUPE_STEP_RULES: readonly TupeStepRule[] = [
  {
    step: 'ASSIGNMENT_COMPLETE',
    label: 'Assignment exercise complete',
    daysBefore: 84,
    basis: 'PRACTICE',
    source: 'Practice: 12 weeks before, so the provisional list and ELI can follow.',
  },
  {
    step: 'PROVISIONAL_LIST_TO_STAFF',
    label: 'Provisional list to staff',
    daysBefore: 70,
    basis: 'PRACTICE',
    source: 'Practice: 10 weeks before, leaving time for disputes and appeals.',
  },
  {
    step: 'CONSULTATION_STARTS',
    label: 'Consultation with the unions starts',
    daysBefore: 63,
    basis: 'PRACTICE',
    source:
      'TUPE reg 13(2): "long enough before the transfer" to consult; no number of days in law. Practice: 9 weeks before.',
  },
  {
    step: 'TRANSFEREE_MEASURES_RECEIVED',
    label: "Trust's measures received",
    daysBefore: 56,
    basis: 'PRACTICE',
    source:
      'TUPE reg 13(4): the transferee gives its measures "in good time" for the transferor to inform the unions. Practice: 8 weeks before.',
  },
  {
    step: 'MEASURES_LETTERS_SENT',
    label: 'Measures letters sent to staff',
    daysBefore: 42,
    basis: 'PRACTICE',
    source: 'Practice: 6 weeks before, once the measures are known.',
  },
  {
    step: 'ELI_SENT',
    label: 'Employee liability information sent',
    daysBefore: 28,
    basis: 'STATUTORY',
    source: 'TUPE reg 11(6): not later than 28 days before the transfer.',
  },
  {
    step: 'PENSION_ADMISSION_SIGNED',
    label: 'Pension admission agreement signed',
    daysBefore: 28,
    basis: 'PRACTICE',
    source:
      'Best Value Authorities Staff Transfers (Pensions) Direction 2007: arranged before the transfer; practice: signed 4 weeks before, before payroll is set up.',
  },
  {
    step: 'PAYROLL_PARALLEL_RUN',
    label: 'Payroll parallel run',
    daysBefore: 21,
    basis: 'PRACTICE',
    source: 'Practice: a parallel run 3 weeks before, one pay cycle ahead of the first live pay.',
  },
  {
    step: 'FINAL_LIST_AGREED',
    label: 'Final list agreed with the trust',
    daysBefore: 14,
    basis: 'PRACTICE',
    source: 'Practice: 2 weeks before, after objections and leavers.',
  },
  {
    step: 'TRANSFER_DAY',
    label: 'Transfer day',
    daysBefore: 0,
    basis: 'STATUTORY',
    source: 'TUPE reg 4(1): contracts move at the transfer instant.',
  },
];

/** The default window in which an open step is DUE_SOON. */
export const TUPE_DUE_SOON_DAYS = 14;

export interface TupeTimelineEntry extends TupeStepRule {
  dueDate: IsoDate;
  state: TupeStepState;
  /** The day it was done, when it is DONE. */
  doneOn: IsoDate | null;
  /** Not done by its due date: OVERDUE, or DONE after the due date. */
  late: boolean;
  /** Days late: past the due date while open, or done after it; 0 otherwise. */
  daysLate: number;
  /** Days from today to the due date (negative when past). */
  daysToDue: number;
}

/**
 * The timeline of a transfer on `transferAt`, as it stands on `today`:
 * each step is DONE when `doneOn` has its date, else OVERDUE after its due
 * date, DUE_SOON on it or within `dueSoonDays` before it, else UPCOMING.
 */
export function tupeTimeline(input: {
  transferAt: Date;
  today: IsoDate;
  doneOn: Partial<Record<TupeStep, IsoDate | null>>;
  dueSoonDays?: number;
}): TupeTimelineEntry[] {
  const transferDay = londonDate(input.transferAt);
  const dueSoonDays = input.dueSoonDays ?? TUPE_DUE_SOON_DAYS;
  return TUPE_STEP_RULES.map((rule) => {
    const dueDate =
      rule.step === 'ELI_SENT'
        ? eliDueDate(input.transferAt)
        : addCalendarDays(transferDay, -rule.daysBefore);
    const doneOn = input.doneOn[rule.step] ?? null;
    const daysToDue = calendarDaysBetween(input.today, dueDate);
    let state: TupeStepState;
    let daysLate = 0;
    if (doneOn !== null) {
      state = 'DONE';
      daysLate = Math.max(0, calendarDaysBetween(dueDate, doneOn));
    } else if (daysToDue < 0) {
      state = 'OVERDUE';
      daysLate = -daysToDue;
    } else if (daysToDue <= dueSoonDays) {
      state = 'DUE_SOON';
    } else {
      state = 'UPCOMING';
    }
    return { ...rule, dueDate, state, doneOn, late: daysLate > 0, daysLate, daysToDue };
  });
}
