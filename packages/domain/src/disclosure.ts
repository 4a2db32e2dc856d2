/**
 * Statistical disclosure control for what partners see: counts of people from 1 to 4 are
 * suppressed, as published statistics are (the ONS and DfE suppress small cells so that no
 * one can be picked out of a count). Zero is shown: it names nobody. A suppressed count is
 * `null`, and any figure worked out from the same people (their FTE) is suppressed with it.
 */

/** The smallest count of people that is shown; 1 to this minus one are suppressed. */
export const SMALLEST_SHOWN_COUNT = 5;

/** Whether a count of people is small enough to pick someone out (1 to 4). */
export const isSmallCount = (n: number): boolean => n > 0 && n < SMALLEST_SHOWN_COUNT;

/** The count as partners see it: null for 1 to 4, else the count. */
export function suppressSmallCount(n: number): number | null {
  return isSmallCount(n) ? null : n;
}

/** A figure about the people counted (e.g. their FTE) as partners see it: null when their count is suppressed. */
export function suppressWithCount<T>(count: number, value: T): T | null {
  return isSmallCount(count) ? null : value;
}
