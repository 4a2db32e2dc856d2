/** The API's sense of now: real time, or a fixed day for demos and tests. */
import { londonDate, transferInstant } from '@handover/domain';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at noon UK time on `date` (YYYY-MM-DD). */
export function fixedClock(date: string): Clock {
  const noon = new Date(transferInstant(date).getTime() + 12 * 3600_000);
  return { now: () => noon };
}

export function today(clock: Clock): string {
  return londonDate(clock.now());
}
