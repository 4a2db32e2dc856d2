import { describe, expect, it } from 'vitest';
import { ownerOf, slippage } from './milestones';
import { milestoneFilter } from './query.server';

describe('milestones', () => {
  it('words slippage against the planned date', () => {
    expect(slippage(12)).toBe('12 days late');
    expect(slippage(1)).toBe('1 day late');
    expect(slippage(-3)).toBe('3 days early');
    expect(slippage(0)).toBe('On time');
    expect(slippage(null)).toBe('');
  });

  it('names the workstream and the service', () => {
    expect(ownerOf({ workstream: { name: 'Finance' }, service: null })).toBe('Finance');
    expect(ownerOf({ workstream: { name: 'Ofsted' }, service: { name: 'Fostering' } })).toBe(
      'Ofsted – Fostering',
    );
  });

  it('reads the filters from the query string', () => {
    expect(milestoneFilter(new URL('http://x/milestones?critical=yes&rag=RED&rag=PINK&achieved=no'))).toEqual(
      {
        critical: true,
        rags: ['RED'],
        achieved: false,
      },
    );
    expect(milestoneFilter(new URL('http://x/milestones?achieved='))).toEqual({});
  });
});
