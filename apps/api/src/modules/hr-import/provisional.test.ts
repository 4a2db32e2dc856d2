import { describe, expect, it } from 'vitest';
import { provisionalTupeStatus } from './provisional.ts';

describe('the TUPE status a newly imported person starts with', () => {
  const transfers = { disposition: 'TRANSFERS', transfer_status: 'IN_PROGRESS' } as const;
  const retained = { disposition: 'RETAINED_BY_COUNCIL', transfer_status: 'RETAINED' } as const;

  it('is in scope, to be decided, for the council’s employees of a transferring service', () => {
    expect(provisionalTupeStatus(transfers, 'PERMANENT')).toBe('IN_SCOPE_DISPUTED');
    expect(provisionalTupeStatus(retained, 'PERMANENT')).toBe('OUT_OF_SCOPE_NOT_ASSIGNED');
  });

  it('is out of scope for an agency worker or a secondee in, who can never be assigned', () => {
    expect(provisionalTupeStatus(transfers, 'AGENCY_WORKER')).toBe('OUT_OF_SCOPE_NOT_ASSIGNED');
    expect(provisionalTupeStatus(transfers, 'SECONDEE_IN')).toBe('OUT_OF_SCOPE_NOT_ASSIGNED');
  });
});
