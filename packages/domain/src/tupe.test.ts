import { describe, expect, it } from 'vitest';
import { CONTRACT_TYPES, TUPE_STATUSES, type TupeStatus } from './enums.ts';
import {
  appealRefusal,
  appealResolution,
  assignmentRefusal,
  decisionRefusal,
  employmentEndsAtInstant,
  isCouncilEmployee,
  isValidTimeShare,
  leaverRefusal,
  objectionRefusal,
  redeploymentRefusal,
  statusOfDecision,
  transferSkip,
  transfersAtInstant,
  withdrawalRefusal,
} from './tupe.ts';

const allowed = (rule: (s: TupeStatus) => string | null) => TUPE_STATUSES.filter((s) => rule(s) === null);

describe('TUPE state transitions', () => {
  it('derives the status from the decision', () => {
    expect(statusOfDecision('ASSIGNED')).toBe('IN_SCOPE_ASSIGNED');
    expect(statusOfDecision('NOT_ASSIGNED')).toBe('OUT_OF_SCOPE_NOT_ASSIGNED');
    expect(statusOfDecision('DISPUTED')).toBe('IN_SCOPE_DISPUTED');
    expect(statusOfDecision(null)).toBe('IN_SCOPE_DISPUTED');
  });

  it('lets a decision change only the decision states and a secondment', () => {
    expect(allowed(decisionRefusal)).toEqual([
      'IN_SCOPE_ASSIGNED',
      'IN_SCOPE_DISPUTED',
      'OUT_OF_SCOPE_NOT_ASSIGNED',
      'SECONDED',
    ]);
    expect(decisionRefusal('OBJECTED')).toMatch(/withdraw the objection/);
    expect(decisionRefusal('TRANSFERRED')).toMatch(/transferred/);
    expect(decisionRefusal('LEAVER_BEFORE_TRANSFER')).toMatch(/left/);
    expect(decisionRefusal('REDEPLOYED_PRE_TRANSFER')).toMatch(/redeployed/);
  });

  it('lets only someone in scope object, once', () => {
    expect(allowed(objectionRefusal)).toEqual(['IN_SCOPE_ASSIGNED', 'IN_SCOPE_DISPUTED']);
    expect(objectionRefusal('OBJECTED')).toMatch(/already/);
    expect(objectionRefusal('OUT_OF_SCOPE_NOT_ASSIGNED')).toMatch(/not in scope/);
  });

  it('withdraws only an objection', () => {
    expect(allowed(withdrawalRefusal)).toEqual(['OBJECTED']);
  });

  it('redeploys and records leavers until they have transferred or left', () => {
    expect(allowed(redeploymentRefusal)).toEqual([
      'IN_SCOPE_ASSIGNED',
      'IN_SCOPE_DISPUTED',
      'OUT_OF_SCOPE_NOT_ASSIGNED',
      'OBJECTED',
      'SECONDED',
    ]);
    expect(allowed(leaverRefusal)).toEqual(
      TUPE_STATUSES.filter((s) => s !== 'TRANSFERRED' && s !== 'LEAVER_BEFORE_TRANSFER'),
    );
  });

  it('hears an appeal only on a disputed decision', () => {
    expect(appealRefusal('IN_SCOPE_DISPUTED', 'DISPUTED')).toBeNull();
    expect(appealRefusal('IN_SCOPE_ASSIGNED', 'ASSIGNED')).toMatch(/no disputed/);
    expect(appealRefusal('OBJECTED', 'DISPUTED')).toMatch(/no disputed/);
    expect(appealRefusal('TRANSFERRED', 'DISPUTED')).toMatch(/transferred/);
  });

  it('resolves an appeal into the decision sought, or its opposite', () => {
    expect(appealResolution('ASSIGNED', 'UPHELD')).toBe('ASSIGNED');
    expect(appealResolution('ASSIGNED', 'REJECTED')).toBe('NOT_ASSIGNED');
    expect(appealResolution('NOT_ASSIGNED', 'UPHELD')).toBe('NOT_ASSIGNED');
    expect(appealResolution('NOT_ASSIGNED', 'REJECTED')).toBe('ASSIGNED');
    expect(appealResolution('ASSIGNED', 'PENDING')).toBeNull();
  });

  it('transfers only the assigned, and names why each other status stays', () => {
    expect(TUPE_STATUSES.filter((s) => transfersAtInstant(s, 'PERMANENT'))).toEqual(['IN_SCOPE_ASSIGNED']);
    expect(transferSkip('IN_SCOPE_DISPUTED', 'PERMANENT')).toBe('DISPUTED');
    expect(transferSkip('OBJECTED', 'FIXED_TERM')).toBe('OBJECTED');
    expect(transferSkip('IN_SCOPE_ASSIGNED', 'PERMANENT')).toBeNull();
    expect(transferSkip('TRANSFERRED', 'PERMANENT')).toBeNull();
  });

  it('never assigns or transfers an agency worker or a secondee in: they are not the council’s employees', () => {
    expect(CONTRACT_TYPES.filter((c) => !isCouncilEmployee(c))).toEqual(['AGENCY_WORKER', 'SECONDEE_IN']);
    for (const contractType of ['AGENCY_WORKER', 'SECONDEE_IN'] as const) {
      expect(TUPE_STATUSES.filter((s) => transfersAtInstant(s, contractType))).toEqual([]);
      expect(transferSkip('IN_SCOPE_ASSIGNED', contractType)).toBe('NOT_EMPLOYEE');
      const person = { status: 'IN_SCOPE_DISPUTED' as const, contractType };
      expect(assignmentRefusal(person, 'ASSIGNED')).toMatch(/reg 4\(1\)/);
      expect(assignmentRefusal(person, 'DISPUTED')).toMatch(/only the council’s employees/);
      expect(assignmentRefusal(person, 'NOT_ASSIGNED')).toBeNull();
      expect(employmentEndsAtInstant('OBJECTED', contractType)).toBe(false);
    }
    expect(
      assignmentRefusal({ status: 'IN_SCOPE_DISPUTED', contractType: 'AGENCY_WORKER' }, 'ASSIGNED'),
    ).toMatch(/agency worker/);
    expect(
      assignmentRefusal({ status: 'IN_SCOPE_DISPUTED', contractType: 'SECONDEE_IN' }, 'ASSIGNED'),
    ).toMatch(/seconded in/);
    expect(
      assignmentRefusal({ status: 'IN_SCOPE_DISPUTED', contractType: 'PERMANENT' }, 'ASSIGNED'),
    ).toBeNull();
    // The state's refusal comes first.
    expect(assignmentRefusal({ status: 'TRANSFERRED', contractType: 'PERMANENT' }, 'ASSIGNED')).toMatch(
      /transferred/,
    );
  });

  it('ends an objector’s employment at the instant (reg 4(7)-(8)), and nobody else’s', () => {
    expect(TUPE_STATUSES.filter((s) => employmentEndsAtInstant(s, 'PERMANENT'))).toEqual(['OBJECTED']);
  });

  it('takes a share of time from 0 to 100, whole', () => {
    expect([0, 50, 100].every(isValidTimeShare)).toBe(true);
    expect([-1, 101, 50.5, Number.NaN].some(isValidTimeShare)).toBe(false);
  });
});
