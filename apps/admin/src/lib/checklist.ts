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

/** The owner filter of the checklist list: the viewer's items, or items with no named owner. */
export const OWNER_FILTERS = [
  { value: 'me', label: 'Me' },
  { value: 'none', label: 'No owner' },
] as const;

/** The checklist list of unowned open work (`isUnownedOpen` of domain), day-one critical only if asked. */
export function unownedOpenHref(dayOneCritical = false): string {
  return `/checklists?owner=none&open=yes${dayOneCritical ? '&dayOneCritical=yes' : ''}`;
}
