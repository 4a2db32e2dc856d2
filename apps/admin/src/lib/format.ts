/** How values read on screen and in exports, the GOV.UK way: "15 February 2023", "In progress", "1,415". */
import { labelOf } from '@handover/domain';

/** Counts are written one way everywhere: "1,415", never "1415" (the domain's formatter). */
export { formatCount, roleLabel, workstreamLabel } from '@handover/domain';

/** A number that may have a fraction (FTE and the like), grouped: 1372.6 → "1,372.6". */
export const formatNumber = (n: number, maximumFractionDigits = 2): string =>
  n.toLocaleString('en-GB', { maximumFractionDigits });

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A YYYY-MM-DD calendar date as "4 March 2023"; an empty string for none. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** An instant as the UK reads it: "15 February 2023 at 09:30" (UK time); an empty string for none. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${date} at ${time}`;
}

/** The UK calendar day (YYYY-MM-DD) of an instant: 23:30 UTC in summer is already the next day. */
export function ukDate(value: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(value));
}

/**
 * An enum value as words: its label in the domain (IN_PROGRESS → "In progress", HR_TUPE → "HR and
 * TUPE", DFE → "DfE"); only a code the domain does not know is turned into words ("DAY_ONE" → "Day one").
 */
export function humanise(value: string | null | undefined): string {
  if (!value) return '';
  const label = labelOf(value);
  if (label) return label;
  const words = value.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

type TagColour =
  'grey' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'purple' | 'turquoise' | 'light-blue' | 'pink';

const TAG_COLOURS: Record<string, TagColour> = {
  // checklist status
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'light-blue',
  BLOCKED: 'red',
  AT_RISK: 'orange',
  COMPLETE: 'green',
  NOT_APPLICABLE: 'grey',
  DEFERRED_POST_GO_LIVE: 'purple',
  // RAG
  RED: 'red',
  AMBER: 'orange',
  GREEN: 'green',
  BLUE: 'blue',
  GREY: 'grey',
  // risk bands
  LOW: 'green',
  MEDIUM: 'yellow',
  HIGH: 'orange',
  CRITICAL: 'red',
  // RAID status
  OPEN: 'light-blue',
  MONITORING: 'turquoise',
  MITIGATED: 'green',
  CLOSED: 'grey',
  MATERIALISED: 'red',
  // service transfer status and disposition
  READY: 'green',
  TRANSFERRED: 'blue',
  RETAINED: 'grey',
  TRANSFERS: 'blue',
  RETAINED_BY_COUNCIL: 'grey',
  VARIES: 'yellow',
  REGIONAL: 'purple',
};

/** The GOV.UK tag class for a status, RAG or band. */
export function tagClass(value: string): string {
  const colour = TAG_COLOURS[value];
  return colour ? `govuk-tag govuk-tag--${colour}` : 'govuk-tag';
}

/** An instant as the UK reads it: "15 Feb 2023, 09:30" (London time). */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A file's size in words: "512 bytes", "12 KB", "3.4 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
