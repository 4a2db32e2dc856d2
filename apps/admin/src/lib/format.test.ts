import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatInstant,
  formatNumber,
  humanise,
  ukDate,
} from './format';

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

  it('turns an enum into words, from the domain’s labels', () => {
    expect(humanise('IN_PROGRESS')).toBe('In progress');
    expect(humanise('HR_TUPE')).toBe('HR and TUPE');
    expect(humanise('ICT_DATA')).toBe('ICT and data');
    expect(humanise('DFE')).toBe('DfE');
    expect(humanise('DEFERRED_POST_GO_LIVE')).toBe('Deferred until after go-live');
    expect(humanise('DAY_ONE')).toBe('Day one');
  });

  it('writes numbers one way: thousands grouped', () => {
    expect(formatCount(1415)).toBe('1,415');
    expect(formatNumber(1372.625)).toBe('1,372.63');
    expect(formatNumber(0.5)).toBe('0.5');
  });
});
