/**
 * How numbers, dates and instants are written for people, in the admin and in
 * the API's messages alike, the GOV.UK way: "1,415", "1 April 2023",
 * "1 April 2023 at 00:00 (UK time)". One definition, used everywhere; never
 * a raw `toISOString()` or an ungrouped count in a message.
 */
import { PROGRAMME_TIME_ZONE, type IsoDate } from './dates.ts';

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A count with thousands grouped: 1415 → "1,415". */
export const formatCount = (n: number): string => COUNT.format(n);

const LONG_DATE_UTC = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const LONG_DATE_UK = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: PROGRAMME_TIME_ZONE,
});
const TIME_UK = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: PROGRAMME_TIME_ZONE,
});

/** A calendar date (YYYY-MM-DD) as "1 April 2023"; an instant as its UK calendar day. */
export function ukLongDate(value: IsoDate | Date): string {
  if (value instanceof Date) return LONG_DATE_UK.format(value);
  return LONG_DATE_UTC.format(new Date(`${value}T12:00:00Z`));
}

/** An instant in UK local time: "1 April 2023 at 00:00 (UK time)". */
export function ukInstant(instant: Date): string {
  return `${LONG_DATE_UK.format(instant)} at ${TIME_UK.format(instant)} (UK time)`;
}
