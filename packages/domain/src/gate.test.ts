import { describe, expect, it } from 'vitest';
import { canonicalJson, criterionStatusProblem, gateOutcome } from './gate.ts';

const signed = (roleTitle: string, s = true) => ({ roleTitle, signed: s });
// The demo gate decides on 24 March 2023; the demo's today is 15 February 2023, five weeks before.
const before = { decisionDue: '2023-03-24', today: '2023-02-15' };
const onTheDay = { decisionDue: '2023-03-24', today: '2023-03-24' };
const after = { decisionDue: '2023-03-24', today: '2023-03-25' };

describe('gate outcome', () => {
  it('is GO when every criterion is PASS or WAIVED and every signatory has signed', () => {
    expect(
      gateOutcome(
        [
          { title: 'Contract signed', status: 'PASS' },
          { title: 'DSAs signed', status: 'WAIVED' },
        ],
        [signed('DCS'), signed('s151 officer')],
        before,
      ),
    ).toEqual({ outcome: 'GO', reasons: [] });
    expect(gateOutcome([{ title: 'A', status: 'PASS' }], [signed('DCS')], after).outcome).toBe('GO');
  });

  it('is OPEN before its decision date with nothing failed, listing what is outstanding', () => {
    const criteria = [
      { title: 'Contract signed', status: 'PASS' as const },
      { title: 'Bank accounts live', status: 'PENDING' as const },
    ];
    const d = gateOutcome(criteria, [signed('DCS'), signed('Monitoring officer', false)], before);
    expect(d).toEqual({
      outcome: 'OPEN',
      reasons: ['Criterion “Bank accounts live” is still pending.', 'No current sign-off from the Monitoring officer.'],
    });
    // Still open on the decision day itself; NO-GO the day after, saying why.
    expect(gateOutcome(criteria, [signed('DCS')], onTheDay).outcome).toBe('OPEN');
    const late = gateOutcome(criteria, [signed('DCS')], after);
    expect(late.outcome).toBe('NO_GO');
    expect(late.reasons[0]).toBe('The decision date, 24 March 2023, has passed with the gate not met.');
  });

  it('is NO_GO with a reason for each criterion open or failed and each signature missing', () => {
    const d = gateOutcome(
      [
        { title: 'Contract signed', status: 'PASS' },
        { title: 'Bank accounts live', status: 'PENDING' },
        { title: 'Payroll parallel run reconciled', status: 'FAIL' },
      ],
      [signed('DCS'), signed('Monitoring officer', false)],
      before,
    );
    // A failed criterion makes it NO-GO even five weeks before the decision date.
    expect(d.outcome).toBe('NO_GO');
    expect(d.reasons).toEqual([
      'Criterion “Bank accounts live” is still pending.',
      'Criterion “Payroll parallel run reconciled” has failed.',
      'No current sign-off from the Monitoring officer.',
    ]);
  });

  it('is not GO when every criterion passes but one signatory has not signed, or there is nothing to judge', () => {
    expect(
      gateOutcome([{ title: 'A', status: 'PASS' }], [signed('DCS'), signed('s151 officer', false)], before).outcome,
    ).toBe('OPEN');
    expect(
      gateOutcome([{ title: 'A', status: 'PASS' }], [signed('DCS'), signed('s151 officer', false)], after).outcome,
    ).toBe('NO_GO');
    expect(gateOutcome([], [signed('DCS')], before).reasons).toEqual(['The gate has no criteria.']);
    expect(gateOutcome([{ title: 'A', status: 'PASS' }], [], before).reasons).toEqual([
      'The gate has no required signatories.',
    ]);
  });
});

describe('criterion status', () => {
  it('needs a rationale to waive', () => {
    expect(criterionStatusProblem('WAIVED', null)).toMatch(/rationale/);
    expect(criterionStatusProblem('WAIVED', '   ')).toMatch(/rationale/);
    expect(criterionStatusProblem('WAIVED', 'Interim arrangements agreed with Ofsted')).toBeNull();
    expect(criterionStatusProblem('PASS', null)).toBeNull();
    expect(criterionStatusProblem('FAIL', 'x'.repeat(4001))).toMatch(/4000/);
  });
});

describe('canonical JSON', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
