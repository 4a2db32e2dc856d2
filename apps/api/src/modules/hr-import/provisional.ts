/**
 * The TUPE status a newly imported employee starts with, before HR decides
 * their assignment: provisional, from their service alone. A service that
 * transfers (or whose disposition varies and which is not being retained)
 * gives IN_SCOPE_ASSIGNED; one the council keeps, or that is delivered
 * regionally, gives OUT_OF_SCOPE_NOT_ASSIGNED. The assignment decision stays
 * empty until HR makes it.
 */
import type { TupeStatus } from '@handover/domain';
import type { ImportService } from './hr-import.repository.ts';

export function provisionalTupeStatus(
  service: Pick<ImportService, 'disposition' | 'transfer_status'>,
): TupeStatus {
  const transfers =
    service.transfer_status !== 'RETAINED' &&
    (service.disposition === 'TRANSFERS' || service.disposition === 'VARIES');
  return transfers ? 'IN_SCOPE_ASSIGNED' : 'OUT_OF_SCOPE_NOT_ASSIGNED';
}
