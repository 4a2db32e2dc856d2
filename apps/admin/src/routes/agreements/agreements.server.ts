import { gql } from '$lib/server/api';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { AgreementRow } from './agreements';

export type { AgreementRow };

const QUERY = programmeQuery(
  `dataSharingAgreements {
    id ref title purpose lawfulBasis specialCategoryCondition legalGateway datasets
    startDate reviewDate endDate status parties { name }
  }`,
);

/** Every data sharing agreement of the programme: staff roles see them all. */
export async function loadAgreements(
  token: string | null,
): Promise<{ today: string; agreements: AgreementRow[] }> {
  const data = await gql<{
    today: string;
    programmes: { edges: { node: { dataSharingAgreements: AgreementRow[] } }[] };
  }>(QUERY, { token });
  return { today: data.today, agreements: firstProgramme(data).dataSharingAgreements };
}
