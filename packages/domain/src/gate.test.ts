import { describe, expect, it } from 'vitest';
import { canonicalJson, criterionStatusProblem, gateOutcome } from './gate.ts';

const signed = (roleTitle: string, s = true) => ({ roleTitle, signed: s });

describe('gate outcome', () => {
  it('is GO when every criterion is PASS or WAIVED and every signatory has signed', () => {
    expect(
      gateOutcome(
        [
          { title: 'Contract signed', status: 'PASS' },
          { title: 'DSAs signed', status: 'WAIVED' },
        ],
        [signed('DCS'), signed('s151 officer')],
      ),
    ).toEqual({ outcome: 'GO', reasons: [] });
  });

  it('is NO_GO with a reason for each criterion open or failed and each signature missing', () => {
    const d = gateOutcome(
      [
        { title: 'Contract signed', status: 'PASS' },
        { title: 'Bank accounts live', status: 'PENDING' },
        { title: 'Payroll parallel run reconciled', status: 'FAIL' },
      ],
      [signed('DCS'), signed('Monitoring officer', false)],
    );
    expect(d.outcome).toBe('NO_GO');
    expect(d.reasons).toEqual([
      'Criterion “Bank accounts live” is still pending.',
      'Criterion “Payroll parallel run reconciled” has failed.',
      'No current sign-off from the Monitoring officer.',
    ]);
  });

  it('is NO_GO when every criterion passes but one signatory has not signed, or there is nothing to judge', () => {
    expect(
      gateOutcome([{ title: 'A', status: 'PASS' }], [signed('DCS'), signed('s151 officer', false)]).outcome,
    ).toBe('NO_GO');
    expect(gateOutcome([], [signed('DCS')]).reasons).toEqual(['The gate has no criteria.']);
    expect(gateOutcome([{ title: 'A', status: 'PASS' }], []).reasons).toEqual([
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
