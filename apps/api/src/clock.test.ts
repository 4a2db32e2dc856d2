import { describe, expect, it } from 'vitest';
import { fixedClock, ruleInstant, systemClock, today } from './clock.ts';

describe('the clock', () => {
  it('a fixed clock stands at noon UK time on its day, in winter and in summer time', () => {
    expect(fixedClock('2023-02-15').now().toISOString()).toBe('2023-02-15T12:00:00.000Z');
    expect(fixedClock('2023-04-01').now().toISOString()).toBe('2023-04-01T11:00:00.000Z');
    expect(today(fixedClock('2023-04-01'))).toBe('2023-04-01');
  });

  it('the rules judge by the clock, unless today is fixed to another day (HANDOVER_TODAY): then noon UK time that day', () => {
    expect(ruleInstant(systemClock, '2023-02-15').toISOString()).toBe('2023-02-15T12:00:00.000Z');
    const now = new Date('2023-04-01T08:00:00Z');
    expect(ruleInstant({ now: () => now }, '2023-04-01')).toBe(now);
    // 23:30 UTC on 31 March 2023 is already 1 April in the UK (BST): the same day, so the clock's instant.
    const lateNight = new Date('2023-03-31T23:30:00Z');
    expect(ruleInstant({ now: () => lateNight }, '2023-04-01')).toBe(lateNight);
  });
});
