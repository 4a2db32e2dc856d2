import { describe, expect, it } from 'vitest';
import { daysToTransfer, eliDueDate, isIsoDate, londonDate, transferInstant } from './dates.ts';

describe('transfer dates', () => {
  const bradford = transferInstant('2023-04-01');

  it('puts the transfer at midnight UK time (BST on 1 April 2023)', () => {
    expect(bradford.toISOString()).toBe('2023-03-31T23:00:00.000Z');
    expect(transferInstant('2023-02-01').toISOString()).toBe('2023-02-01T00:00:00.000Z');
  });

  it('dues ELI 28 days before the transfer day: Bradford 4 March 2023', () => {
    expect(eliDueDate(bradford)).toBe('2023-03-04');
  });

  it('moves the ELI due date with the transfer date, across a clock change', () => {
    expect(eliDueDate(transferInstant('2023-04-15'))).toBe('2023-03-18');
    expect(eliDueDate(transferInstant('2023-11-01'))).toBe('2023-10-04');
  });

  it('counts days to transfer in the UK calendar, whatever the instant', () => {
    // 23:30 UTC on 31 March is already 1 April in BST: transfer day.
    expect(daysToTransfer(bradford, new Date('2023-03-31T23:30:00Z'))).toBe(0);
    expect(daysToTransfer(bradford, new Date('2023-03-31T22:30:00Z'))).toBe(1);
    expect(daysToTransfer(bradford, new Date('2023-03-04T12:00:00Z'))).toBe(28);
    expect(daysToTransfer(bradford, new Date('2023-04-03T12:00:00Z'))).toBe(-2);
  });

  it('reads London calendar dates', () => {
    expect(londonDate(new Date('2023-06-30T23:30:00Z'))).toBe('2023-07-01');
    expect(londonDate(new Date('2023-01-31T23:30:00Z'))).toBe('2023-01-31');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2023-03-04')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('04/03/2023')).toBe(false);
    expect(isIsoDate('2023-3-4')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});
