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

/**
 * The instant the programme's rules judge by (the transfer run, an objection before the transfer, and so
 * on): the clock's, unless today is fixed (HANDOVER_TODAY, for demos and tests) to another day, then noon
 * UK time on that day, so that the fixed day decides what is allowed. Records keep the clock's time.
 */
export function ruleInstant(clock: Clock, fixedToday: string): Date {
  const now = clock.now();
  return londonDate(now) === fixedToday ? now : fixedClock(fixedToday).now();
}
