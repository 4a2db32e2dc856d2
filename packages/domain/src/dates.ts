/**
 * Calendar rules of a transfer. A transfer happens at an instant (midnight,
 * Europe/London); deadlines are calendar dates counted back from the day it
 * happens, in UK time, whatever the server's own time zone.
 */
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import { TZDate, tz } from '@date-fns/tz';

export const PROGRAMME_TIME_ZONE = 'Europe/London';

/** TUPE reg 11(6): ELI at least 28 days before the transfer (DOMAIN.md 2.2). */
export const ELI_DAYS_BEFORE_TRANSFER = 28;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

/** The Europe/London calendar date of an instant. */
export function londonDate(instant: Date): IsoDate {
  return format(instant, 'yyyy-MM-dd', { in: tz(PROGRAMME_TIME_ZONE) });
}

/** Adds (or with a negative number, takes away) whole calendar days. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/**
 * The instant a transfer happens when it takes effect at the start of
 * `date` in UK time (00:00 Europe/London, GMT or BST as the date falls).
 */
export function transferInstant(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, PROGRAMME_TIME_ZONE).getTime());
}

/** The last day by which ELI must reach the transferee: 28 days before the transfer day. */
export function eliDueDate(transferAt: Date): IsoDate {
  return addCalendarDays(londonDate(transferAt), -ELI_DAYS_BEFORE_TRANSFER);
}

/** Days from today (UK calendar) to the transfer day; 0 on the day, negative afterwards. */
export function daysToTransfer(transferAt: Date, now: Date): number {
  return calendarDaysBetween(londonDate(now), londonDate(transferAt));
}
