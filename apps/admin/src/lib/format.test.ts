import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatInstant, humanise, ukDate } from './format';

describe('formatting for UK readers', () => {
  it('writes a calendar date in words', () => {
    expect(formatDate('2023-04-01')).toBe('1 April 2023');
    expect(formatDate(null)).toBe('');
  });

  it('reads an instant in UK time, summer time included', () => {
    expect(formatInstant('2023-02-15T09:30:00Z')).toBe('15 February 2023 at 09:30');
    expect(formatInstant('2023-04-01T08:05:00Z')).toBe('1 April 2023 at 09:05');
    expect(formatInstant(undefined)).toBe('');
  });

  it('gives the UK calendar day of an instant: late evening UTC in summer is the next day', () => {
    expect(ukDate('2023-03-31T23:30:00Z')).toBe('2023-04-01');
    expect(ukDate('2023-01-31T23:30:00Z')).toBe('2023-01-31');
  });

  it('writes a date and time briefly, and a file size in words', () => {
    expect(formatDateTime('2023-04-01T08:05:00Z')).toBe('1 Apr 2023, 09:05');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });

  it('turns an enum into words', () => {
    expect(humanise('IN_PROGRESS')).toBe('In progress');
  });
});
