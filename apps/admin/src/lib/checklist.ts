/** The checklist's fixed lists, shared by its pages and their server code. */
export const STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'BLOCKED',
  'AT_RISK',
  'COMPLETE',
  'NOT_APPLICABLE',
  'DEFERRED_POST_GO_LIVE',
] as const;
export const OWNER_ORGS = ['COUNCIL', 'TRUST', 'JOINT', 'DFE', 'PROVIDER'] as const;
export const SORTS = [
  { value: 'DUE_DATE', label: 'Due date, soonest first' },
  { value: 'DUE_DATE_DESC', label: 'Due date, latest first' },
  { value: 'REF', label: 'Reference' },
  { value: 'STATUS', label: 'Status' },
  { value: 'TITLE', label: 'Title' },
] as const;
