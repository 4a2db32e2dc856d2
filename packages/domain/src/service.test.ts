import { describe, expect, it } from 'vitest';
import { serviceStatusChangeProblem, serviceStatusContradiction, statusAfterTransfer } from './service.ts';

// The demo's front door (MASH) had all six of its day-one critical items open.
const mash = {
  disposition: 'TRANSFERS' as const,
  openDayOneCritical: [1, 2, 3, 4, 5, 6].map((n) => ({ ref: `CSC-00${n}`, title: `Item ${n}` })),
};
const done = { disposition: 'TRANSFERS' as const, openDayOneCritical: [] };

describe('a service’s transfer status', () => {
  it('flags READY with an open day-one critical item, naming the items', () => {
    expect(serviceStatusContradiction('READY', mash)).toBe(
      'Recorded as ready, but 6 day-one critical items are open: CSC-001 Item 1; CSC-002 Item 2; CSC-003 Item 3; ' +
        'CSC-004 Item 4; CSC-005 Item 5 and 1 more.',
    );
    expect(serviceStatusContradiction('READY', done)).toBeNull();
    expect(serviceStatusContradiction('IN_PROGRESS', mash)).toBeNull();
    expect(serviceStatusContradiction('RETAINED', done)).toMatch(/the service transfers/);
  });

  it('refuses READY while an item is open, and moves only along the allowed transitions', () => {
    expect(serviceStatusChangeProblem('IN_PROGRESS', 'READY', mash)).toMatch(
      /^cannot be ready while 6 day-one critical items are open: CSC-001/,
    );
    expect(serviceStatusChangeProblem('IN_PROGRESS', 'READY', done)).toBeNull();
    expect(serviceStatusChangeProblem('NOT_STARTED', 'READY', done)).toBe(
      'cannot go from not started to ready; from not started it may become in progress or retained',
    );
    expect(serviceStatusChangeProblem('READY', 'IN_PROGRESS', mash)).toBeNull();
    expect(serviceStatusChangeProblem('READY', 'TRANSFERRED', done)).toMatch(/only the transfer run/);
    expect(serviceStatusChangeProblem('TRANSFERRED', 'IN_PROGRESS', done)).toMatch(/keeps its status/);
    expect(serviceStatusChangeProblem('IN_PROGRESS', 'RETAINED', done)).toMatch(/^cannot be retained/);
    expect(serviceStatusChangeProblem('IN_PROGRESS', 'IN_PROGRESS', done)).toBe('is already in progress');
  });

  it('is TRANSFERRED after the transfer run when the service transfers, else unchanged', () => {
    expect(statusAfterTransfer({ disposition: 'TRANSFERS', status: 'IN_PROGRESS' })).toBe('TRANSFERRED');
    expect(statusAfterTransfer({ disposition: 'TRANSFERS', status: 'READY' })).toBe('TRANSFERRED');
    expect(statusAfterTransfer({ disposition: 'VARIES', status: 'IN_PROGRESS' })).toBe('IN_PROGRESS');
    expect(statusAfterTransfer({ disposition: 'RETAINED_BY_COUNCIL', status: 'RETAINED' })).toBe('RETAINED');
  });
});
