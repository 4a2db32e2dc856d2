/** Data sharing agreements as the admin app shows them. */
export interface AgreementRow {
  id: string;
  ref: string;
  title: string;
  purpose: string;
  lawfulBasis: string;
  specialCategoryCondition: string | null;
  legalGateway: string;
  datasets: string[];
  startDate: string;
  reviewDate: string;
  endDate: string | null;
  status: 'NOT_YET_IN_FORCE' | 'IN_FORCE' | 'REVIEW_DUE' | 'ENDED';
  parties: { name: string }[];
}

/** UK GDPR Article 6(1) and 9(2) as people name them. */
export const LAWFUL_BASIS_LABEL: Record<string, string> = {
  CONSENT: 'Consent (Art 6(1)(a))',
  CONTRACT: 'Contract (Art 6(1)(b))',
  LEGAL_OBLIGATION: 'Legal obligation (Art 6(1)(c))',
  VITAL_INTERESTS: 'Vital interests (Art 6(1)(d))',
  PUBLIC_TASK: 'Public task (Art 6(1)(e))',
  LEGITIMATE_INTERESTS: 'Legitimate interests (Art 6(1)(f))',
};

export const CONDITION_LABEL: Record<string, string> = {
  EXPLICIT_CONSENT: 'Explicit consent (Art 9(2)(a))',
  EMPLOYMENT_SOCIAL_SECURITY: 'Employment and social security (Art 9(2)(b))',
  VITAL_INTERESTS: 'Vital interests (Art 9(2)(c))',
  NOT_FOR_PROFIT_BODY: 'Not-for-profit body (Art 9(2)(d))',
  MADE_PUBLIC: 'Made public by the data subject (Art 9(2)(e))',
  LEGAL_CLAIMS: 'Legal claims (Art 9(2)(f))',
  SUBSTANTIAL_PUBLIC_INTEREST: 'Substantial public interest (Art 9(2)(g))',
  HEALTH_SOCIAL_CARE: 'Health or social care (Art 9(2)(h))',
  PUBLIC_HEALTH: 'Public health (Art 9(2)(i))',
  ARCHIVING_RESEARCH: 'Archiving, research or statistics (Art 9(2)(j))',
};

export const STATUS_TAG: Record<AgreementRow['status'], string> = {
  NOT_YET_IN_FORCE: 'govuk-tag--grey',
  IN_FORCE: 'govuk-tag--green',
  REVIEW_DUE: 'govuk-tag--orange',
  ENDED: 'govuk-tag--red',
};
