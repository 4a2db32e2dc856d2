/** The audit page's labels, for the page and its server code alike. */
export const AUDIT_KINDS = [
  'WRITE',
  'PERSONAL_READ',
  'REFUSED',
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'SIGN_OUT',
  'PARTNER_QUERY',
] as const;

const KIND_LABELS: Record<string, string> = {
  WRITE: 'Change saved',
  PERSONAL_READ: 'Personal data read',
  REFUSED: 'Refused',
  SIGN_IN: 'Signed in',
  SIGN_IN_FAILED: 'Sign-in failed',
  SIGN_OUT: 'Signed out',
  PARTNER_QUERY: 'Partner query',
};
export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

const KIND_TAGS: Record<string, string> = {
  WRITE: 'govuk-tag govuk-tag--blue',
  PERSONAL_READ: 'govuk-tag govuk-tag--purple',
  REFUSED: 'govuk-tag govuk-tag--red',
  SIGN_IN: 'govuk-tag govuk-tag--green',
  SIGN_IN_FAILED: 'govuk-tag govuk-tag--orange',
  SIGN_OUT: 'govuk-tag govuk-tag--grey',
  PARTNER_QUERY: 'govuk-tag govuk-tag--yellow',
};
export const kindTagClass = (kind: string): string => KIND_TAGS[kind] ?? 'govuk-tag';
