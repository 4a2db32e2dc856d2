import { csvResponse, toCsv, type CsvColumn } from '$lib/server/csv';
import { formatDate, humanise } from '$lib/format';
import { CONDITION_LABEL, LAWFUL_BASIS_LABEL, type AgreementRow } from '../agreements';
import { loadAgreements } from '../agreements.server';
import type { RequestHandler } from './$types';

const COLUMNS: CsvColumn<AgreementRow>[] = [
  { header: 'Ref', value: (a) => a.ref },
  { header: 'Title', value: (a) => a.title },
  { header: 'Purpose', value: (a) => a.purpose },
  { header: 'Parties', value: (a) => a.parties.map((p) => p.name).join('; ') },
  { header: 'Lawful basis', value: (a) => LAWFUL_BASIS_LABEL[a.lawfulBasis] ?? a.lawfulBasis },
  {
    header: 'Special category condition',
    value: (a) =>
      a.specialCategoryCondition
        ? (CONDITION_LABEL[a.specialCategoryCondition] ?? a.specialCategoryCondition)
        : '',
  },
  { header: 'Legal gateway', value: (a) => a.legalGateway },
  { header: 'Datasets', value: (a) => a.datasets.join('; ') },
  { header: 'Start date', value: (a) => formatDate(a.startDate) },
  { header: 'Review date', value: (a) => formatDate(a.reviewDate) },
  { header: 'End date', value: (a) => formatDate(a.endDate) },
  { header: 'Status', value: (a) => humanise(a.status) },
];

export const GET: RequestHandler = async ({ locals }) => {
  const { today, agreements } = await loadAgreements(locals.token);
  return csvResponse(toCsv(agreements, COLUMNS), 'data-sharing-agreements', today);
};
