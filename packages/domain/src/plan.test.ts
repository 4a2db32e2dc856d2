import { describe, expect, it } from 'vitest';
import {
  blockingChain,
  criticalPath,
  cycleIfAdded,
  daysSlipped,
  describeCycle,
  lateMilestones,
  type PlanItem,
} from './plan.ts';

const item = (
  id: string,
  durationDays: number,
  dependsOn: string[] = [],
  extra: Partial<PlanItem> = {},
): PlanItem => ({
  id,
  ref: id,
  title: `Task ${id}`,
  durationDays,
  open: true,
  dueDate: null,
  forecastDate: null,
  dependsOn,
  ...extra,
});

/*
 * The small plan, worked by hand. Today Wednesday 15 Feb 2023 is working day 0; the transfer is
 * Wednesday 1 March 2023, so the working days before it are 15,16,17,20,21,22,23,24,27,28 Feb:
 * ten (days 0..9), and the deadline is day 10 (end of Tuesday 28 Feb).
 *   A 3d;  B 4d after A;  C 2d after A;  D 2d after B and C;  E COMPLETE (5d, takes 0).
 * Forward:  A ES0 EF3;  B ES3 EF7;  C ES3 EF5;  D ES max(7,5)=7 EF9;  E ES0 EF0.
 * Backward from 10:  D LF10 LS8;  B LF8 LS4;  C LF8 LS6;  A LF min(4,6)=4 LS1;  E LF10 LS10.
 * Slack (LS-ES):  A 1, B 1, C 3, D 1, E 10.  Least slack among open items: 1 -> path A, B, D.
 * D finishes at the end of day 8 = Monday 27 Feb; 10 - 9 = 1 working day to spare: reachable.
 * Dates: A 15-17 Feb; B starts day 3 = Mon 20 Feb, ends day 6 = Thu 23 Feb; D starts day 7 = Fri 24 Feb.
 */
const plan = [
  item('A', 3),
  item('B', 4, ['A'], { dueDate: '2023-02-22' }),
  item('C', 2, ['A']),
  item('D', 2, ['B', 'C']),
  item('E', 5, [], { open: false }),
];

describe('the critical path', () => {
  it('matches the hand calculation', () => {
    const cp = criticalPath(plan, '2023-02-15', '2023-03-01');
    const by = Object.fromEntries(cp.items.map((i) => [i.id, i]));
    expect(
      Object.fromEntries(
        cp.items.map((i) => [
          i.id,
          [i.earliestStartDay, i.earliestFinishDay, i.latestStartDay, i.latestFinishDay, i.totalSlack],
        ]),
      ),
    ).toEqual({
      A: [0, 3, 1, 4, 1],
      B: [3, 7, 4, 8, 1],
      C: [3, 5, 6, 8, 3],
      D: [7, 9, 8, 10, 1],
      E: [0, 0, 10, 10, 10],
    });
    expect(cp.path).toEqual(['A', 'B', 'D']);
    expect(cp.items.filter((i) => i.critical).map((i) => i.id)).toEqual(['A', 'B', 'D']);
    expect(cp.projectedFinish).toBe('2023-02-27');
    expect(cp.deadline).toBe('2023-02-28');
    expect(cp.slackDays).toBe(1);
    expect(cp.reachable).toBe(true);
    expect([by.A!.earliestStart, by.A!.earliestFinish]).toEqual(['2023-02-15', '2023-02-17']);
    expect([by.B!.earliestStart, by.B!.earliestFinish]).toEqual(['2023-02-20', '2023-02-23']);
    expect(by.D!.earliestStart).toBe('2023-02-24');
    // B is due 22 Feb and finishes 23 Feb at the earliest: one calendar day late.
    expect(by.B!.daysLate).toBe(1);
  });

  it('says when the transfer date can no longer be reached', () => {
    // Friday 24 Feb: working days 15..23 Feb are seven, D needs nine: two short.
    const cp = criticalPath(plan, '2023-02-15', '2023-02-24');
    expect(cp.reachable).toBe(false);
    expect(cp.slackDays).toBe(-2);
    expect(cp.path).toEqual(['A', 'B', 'D']);
    expect(cp.items.find((i) => i.id === 'A')!.totalSlack).toBe(-2);
  });

  it('holds an item back to its forecast, which can move the path', () => {
    // C forecast to finish Friday 24 Feb (day 7): EF 8, so D runs days 8-9 (EF 10, no slack). Backward:
    // C LF 8, LS 8-(8-3) = 3, slack 0; A LF min(B's LS 4, C's LS 3) = 3, LS 0, slack 0: the path is A, C, D.
    const cp = criticalPath(
      plan.map((i) => (i.id === 'C' ? { ...i, forecastDate: '2023-02-24' } : i)),
      '2023-02-15',
      '2023-03-01',
    );
    expect(cp.path).toEqual(['A', 'C', 'D']);
    expect(cp.slackDays).toBe(0);
    expect(cp.projectedFinish).toBe('2023-02-28');
  });

  it('starts a weekend plan on the Monday', () => {
    const cp = criticalPath([item('A', 1)], '2023-02-18', '2023-03-01');
    expect(cp.start).toBe('2023-02-20');
    expect(cp.projectedFinish).toBe('2023-02-20');
  });
});

describe('dependency rules', () => {
  const deps = new Map(plan.map((i) => [i.id, i.dependsOn]));
  it('names the cycle a new dependency would make', () => {
    const cycle = cycleIfAdded(deps, 'A', 'D');
    expect(cycle).toEqual(['A', 'D', 'B', 'A']);
    expect(describeCycle(cycle!, new Map(plan.map((i) => [i.id, i])))).toBe(
      'A Task A → D Task D → B Task B → A Task A',
    );
    expect(cycleIfAdded(deps, 'A', 'A')).toEqual(['A', 'A']);
    expect(cycleIfAdded(deps, 'C', 'B')).toBeNull();
  });

  it('orders the blocking chain so each item follows what it waits on', () => {
    expect(blockingChain('D', deps, () => true)).toEqual(['A', 'B', 'C']);
    // A closed B ends its branch: A still blocks through C.
    expect(blockingChain('D', deps, (id) => id !== 'B')).toEqual(['A', 'C']);
    expect(blockingChain('A', deps, () => true)).toEqual([]);
  });
});

describe('milestones and slippage', () => {
  it('finds the milestones the schedule makes late', () => {
    const cp = criticalPath(plan, '2023-02-15', '2023-03-01');
    const late = lateMilestones(
      cp,
      [
        {
          id: 'm1',
          name: 'Build done',
          workstreamId: 'w',
          serviceId: null,
          plannedDate: '2023-02-22',
          forecastDate: null,
          actualDate: null,
        },
        {
          id: 'm2',
          name: 'Met',
          workstreamId: 'w',
          serviceId: null,
          plannedDate: '2023-02-22',
          forecastDate: null,
          actualDate: '2023-02-20',
        },
      ],
      [{ itemId: 'B', workstreamId: 'w', serviceId: null }],
    );
    expect(late).toEqual([
      { id: 'm1', name: 'Build done', date: '2023-02-22', projectedDate: '2023-02-23', daysLate: 1 },
    ]);
  });

  it('counts slippage in calendar days', () => {
    expect(daysSlipped('2023-02-22', '2023-03-01')).toBe(7);
    expect(daysSlipped('2023-02-22', '2023-02-20')).toBe(-2);
    expect(daysSlipped(null, '2023-02-20')).toBeNull();
  });
});

describe('work due after the transfer day', () => {
  it('is scheduled but neither holds the transfer back nor joins the path', () => {
    // F (20 days after D) is due in May: D still ends day 9 of 10; F's own deadline is its due date.
    const cp = criticalPath(
      [...plan, item('F', 20, ['D'], { dueDate: '2023-05-31' })],
      '2023-02-15',
      '2023-03-01',
    );
    expect(cp.reachable).toBe(true);
    expect(cp.slackDays).toBe(1);
    expect(cp.path).toEqual(['A', 'B', 'D']);
    const f = cp.items.find((i) => i.id === 'F')!;
    expect([f.earliestStartDay, f.earliestFinishDay, f.critical]).toEqual([9, 29, false]);
  });
});
