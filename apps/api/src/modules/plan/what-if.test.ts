/**
 * What-if re-dates the items made from templates by their offsets from the transfer day, so that
 * each transfer date gives its own answer. Worked by hand below; the plan's rules are in
 * packages/domain (plan.ts: durations are working days, lateness calendar days).
 */
import type { Milestone } from '@handover/db';
import { describe, expect, it } from 'vitest';
import type { PlanItemRow } from '../checklist/checklist.repository.ts';
import { whatIf } from './plan.service.ts';

const TODAY = '2023-02-15'; // a Wednesday: the plan's day 0
const WS = 'workstream-1';

const row = (
  id: string,
  durationDays: number,
  dated: { offset: number } | { due: string },
  dependsOn: string[] = [],
): PlanItemRow =>
  ({
    id,
    ref: id,
    title: `Item ${id}`,
    status: 'NOT_STARTED',
    duration_days: durationDays,
    // Today's due dates are for a transfer on 1 April 2023; the what-if must not read them for A, B, D.
    due_date: 'offset' in dated ? '2099-01-01' : dated.due,
    due_offset_days: 'offset' in dated ? dated.offset : null,
    forecast_date: null,
    depends_on: dependsOn,
    workstream_id: WS,
    service_id: null,
  }) as unknown as PlanItemRow;

// Earliest finishes, counting working days from Wednesday 15 February (day 0):
// A (10 days): days 0-9, finishes Tuesday 28 February.
// D (5 days, after A): days 10-14, 1 to 7 March, finishes Tuesday 7 March.
// B (20 days): days 0-19, finishes Tuesday 14 March.
// C (5 days): days 0-4, finishes Tuesday 21 February; dated by hand, due 10 March whatever the transfer day.
const ROWS = [
  row('A', 10, { offset: -40 }),
  row('B', 20, { offset: -10 }),
  row('C', 5, { due: '2023-03-10' }),
  row('D', 5, { offset: -20 }, ['A']),
];
// One milestone of the workstream on 10 March: late when an open item of the workstream due by then
// finishes after it.
const MILESTONES = [
  {
    id: 'M',
    name: 'Milestone M',
    workstream_id: WS,
    service_id: null,
    baseline_date: '2023-03-10',
    forecast_date: null,
    actual_date: null,
  } as unknown as Milestone,
];
// The gate decides 8 days before the transfer on 1 April (24 March).
const CONTEXT = { currentTransferDay: '2023-04-01', gateDecisionDue: '2023-03-24' };

const answer = (transferDate: string) => {
  const w = whatIf(ROWS, MILESTONES, TODAY, transferDate, [], CONTEXT);
  return {
    late: w.lateItems.map((i) => [i.ref, i.dueDate, i.daysLate]),
    lateMilestones: w.lateMilestones.map((m) => [m.name, m.projectedDate, m.daysLate]),
    redated: w.redatedItems,
    eli: w.eliDueDate,
    gate: w.gateDecisionDue,
  };
};

describe('what-if with another transfer date', () => {
  it('on 18 March: A, D and B go late, and so does the milestone', () => {
    // A due 18 Mar - 40 = 6 Feb, finishes 28 Feb: 22 days late.
    // D due 18 Mar - 20 = 26 Feb, finishes 7 Mar: 9 days late.
    // B due 18 Mar - 10 = 8 Mar, finishes 14 Mar: 6 days late.
    // M (10 Mar): A, D, B and C are due by then; B finishes last, 14 Mar: 4 days late.
    // ELI: 28 days before, 18 February; the gate moves 14 days earlier, to 10 March.
    expect(answer('2023-03-18')).toEqual({
      late: [
        ['A', '2023-02-06', 22],
        ['D', '2023-02-26', 9],
        ['B', '2023-03-08', 6],
      ],
      lateMilestones: [['Milestone M', '2023-03-14', 4]],
      redated: 3,
      eli: '2023-02-18',
      gate: '2023-03-10',
    });
  });

  it('on 1 April (as planned): only A is late', () => {
    // A due 1 Apr - 40 = 20 Feb, finishes 28 Feb: 8 days late.
    // D due 12 Mar (finishes 7 Mar) and B due 22 Mar (finishes 14 Mar) are on time.
    // M (10 Mar): A and C are due by then and finish by 28 Feb: on time.
    expect(answer('2023-04-01')).toEqual({
      late: [['A', '2023-02-20', 8]],
      lateMilestones: [],
      redated: 3,
      eli: '2023-03-04',
      gate: '2023-03-24',
    });
  });

  it('on 15 April: nothing is late', () => {
    // A due 15 Apr - 40 = 6 Mar, finishes 28 Feb; D due 26 Mar; B due 5 Apr: all on time.
    // C stays due 10 March (dated by hand) and finishes 21 Feb.
    expect(answer('2023-04-15')).toEqual({
      late: [],
      lateMilestones: [],
      redated: 3,
      eli: '2023-03-18',
      gate: '2023-04-07',
    });
  });
});
