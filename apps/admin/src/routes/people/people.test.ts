import { describe, expect, it } from 'vitest';
import { contractLabel, decisionDetails, decisionsOffered, notEmployee, tupeLabel } from './people';

describe('the employee page’s TUPE summary and decision form', () => {
  const post = { costCentre: 'CS01527' };

  it('shows where the post is charged from the one source the form starts from', () => {
    // The decision recorded nothing: both show the post's cost centre, and say where it came from.
    const undecided = decisionDetails([{ timeOnServicePercent: 85, roleNote: '', chargedTo: '' }], post);
    expect(undecided).toEqual({
      timeOnServicePercent: 85,
      roleNote: '',
      chargedTo: 'CS01527',
      chargedToFrom: 'POST',
    });
    // The current (newest) decision recorded it: that wins over the post and over older decisions.
    const recorded = decisionDetails(
      [
        { timeOnServicePercent: 60, roleNote: 'Front door', chargedTo: 'CS02100 Early help' },
        { timeOnServicePercent: 90, roleNote: '', chargedTo: 'CS09999' },
      ],
      post,
    );
    expect(recorded).toEqual({
      timeOnServicePercent: 60,
      roleNote: 'Front door',
      chargedTo: 'CS02100 Early help',
      chargedToFrom: 'DECISION',
    });
    expect(decisionDetails([], null)).toEqual({
      timeOnServicePercent: null,
      roleNote: '',
      chargedTo: '',
      chargedToFrom: null,
    });
  });

  it('offers only “not assigned” for an agency worker or a secondee in, saying why', () => {
    expect(decisionsOffered('PERMANENT')).toEqual(['ASSIGNED', 'NOT_ASSIGNED', 'DISPUTED']);
    expect(decisionsOffered('AGENCY_WORKER')).toEqual(['NOT_ASSIGNED']);
    expect(notEmployee('SECONDEE_IN')).toMatch(/seconded in/);
    expect(notEmployee('FIXED_TERM')).toBeNull();
  });

  it('labels from the domain', () => {
    expect(tupeLabel('IN_SCOPE_ASSIGNED')).toBe('In scope: assigned');
    expect(contractLabel('SECONDEE_IN')).toBe('Seconded in');
  });
});
