/**
 * The TUPE status a newly imported employee starts with, before HR decides
 * their assignment: provisional, from their service alone. A service that
 * transfers (or whose disposition varies and which is not being retained)
 * gives IN_SCOPE_DISPUTED, in scope and still to be decided, as the TUPE rules
 * treat anyone without a decision (statusOfDecision(null)): the transfer run
 * moves only IN_SCOPE_ASSIGNED, so nobody transfers before HR assigns them.
 * One the council keeps, or that is delivered regionally, gives
 * OUT_OF_SCOPE_NOT_ASSIGNED. So does anyone who is not the council's employee
 * (an agency worker, a secondee in: domain isCouncilEmployee), who can never be
 * assigned. The assignment decision stays empty until HR makes it.
 */
import { isCouncilEmployee, statusOfDecision, type ContractType, type TupeStatus } from '@handover/domain';
import type { ImportService } from './hr-import.repository.ts';

export function provisionalTupeStatus(
  service: Pick<ImportService, 'disposition' | 'transfer_status'>,
  contractType: ContractType = 'PERMANENT',
): TupeStatus {
  if (!isCouncilEmployee(contractType)) return 'OUT_OF_SCOPE_NOT_ASSIGNED';
  const transfers =
    service.transfer_status !== 'RETAINED' &&
    (service.disposition === 'TRANSFERS' || service.disposition === 'VARIES');
  return transfers ? statusOfDecision(null) : 'OUT_OF_SCOPE_NOT_ASSIGNED';
}
