/**
 * Data sharing agreements: where one stands on a day, and who may see it.
 * Staff see every agreement; a partner sees only those its organisation is
 * party to, wherever it reaches them from (a list, node(id), nodes(ids)).
 */
import type { DataSharingAgreement } from '@handover/db';
import type { AgreementStatus } from '@handover/domain';
import type { Viewer } from '../../context.ts';
import type { AgreementScope } from './agreement.repository.ts';

/** NOT_YET_IN_FORCE before the start; ENDED after the end; REVIEW_DUE past the review date; else IN_FORCE. */
export function agreementStatus(
  a: Pick<DataSharingAgreement, 'start_date' | 'review_date' | 'end_date'>,
  today: string,
): AgreementStatus {
  if (today < a.start_date) return 'NOT_YET_IN_FORCE';
  if (a.end_date !== null && today > a.end_date) return 'ENDED';
  if (today > a.review_date) return 'REVIEW_DUE';
  return 'IN_FORCE';
}

export function agreementScope(viewer: Viewer | null): AgreementScope {
  if (viewer === null) return { none: true };
  if (viewer.kind === 'partner') return { partyId: viewer.organisationId };
  return { all: true };
}
