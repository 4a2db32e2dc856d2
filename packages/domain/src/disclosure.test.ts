import { describe, expect, it } from 'vitest';
import { SMALLEST_SHOWN_COUNT, isSmallCount, suppressSmallCount, suppressWithCount } from './disclosure.ts';

describe('suppressing small counts of people', () => {
  it('suppresses 1 to 4 and shows 0 and 5 upwards', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 1415].map(suppressSmallCount)).toEqual([
      0,
      null,
      null,
      null,
      null,
      5,
      6,
      1415,
    ]);
    expect(SMALLEST_SHOWN_COUNT).toBe(5);
  });

  it('suppresses a figure about the same people with their count', () => {
    expect(suppressWithCount(3, 2.5)).toBeNull();
    expect(suppressWithCount(0, 0)).toBe(0);
    expect(suppressWithCount(12, 11.4)).toBe(11.4);
    expect([1, 4, 5].map(isSmallCount)).toEqual([true, true, false]);
  });
});
