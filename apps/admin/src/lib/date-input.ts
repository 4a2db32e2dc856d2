/**
 * The GOV.UK date input (day, month and year fields): splitting a date into
 * its parts, reading them from a form, and checking them with the errors the
 * GOV.UK Design System recommends ("Due date must include a month").
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export interface DateError {
  /** The id of the first field to fix, for the error summary's link. */
  field: string;
  message: string;
  /** The fields to show as invalid. */
  parts: DatePart[];
}

export function emptyDate(): DateParts {
  return { day: '', month: '', year: '' };
}

/** A YYYY-MM-DD date as parts, without leading zeros. */
export function toDateParts(iso: string | null | undefined): DateParts {
  if (!iso) return emptyDate();
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

function part(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim().slice(0, 10) : '';
}

export function readDateParts(form: FormData, name: string): DateParts {
  return {
    day: part(form, `${name}-day`),
    month: part(form, `${name}-month`),
    year: part(form, `${name}-year`),
  };
}

const PARTS: DatePart[] = ['day', 'month', 'year'];

function list(parts: DatePart[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/**
 * The parts as YYYY-MM-DD: `null` when all are empty (and the date is optional), or the error to
 * show, naming the field by its label ("Forecast date must be a real date").
 */
export function parseDateParts(
  parts: DateParts,
  name: string,
  label: string,
  { required = false } = {},
): { value: string | null; error?: undefined } | { value?: undefined; error: DateError } {
  const missing = PARTS.filter((p) => parts[p] === '');
  if (missing.length === 3) {
    return required
      ? { error: { field: `${name}-day`, message: `Enter the ${label.toLowerCase()}`, parts: PARTS } }
      : { value: null };
  }
  if (missing.length > 0) {
    return {
      error: {
        field: `${name}-${missing[0]!}`,
        message: `${label} must include a ${list(missing)}`,
        parts: missing,
      },
    };
  }
  const bad = PARTS.filter((p) => !/^\d+$/.test(parts[p]));
  if (bad.length > 0) {
    return { error: { field: `${name}-${bad[0]!}`, message: `${label} must be a real date`, parts: bad } };
  }
  if (parts.year.length !== 4) {
    return { error: { field: `${name}-year`, message: 'Year must include 4 numbers', parts: ['year'] } };
  }
  const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    m < 1 ||
    m > 12 ||
    d < 1 ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d ||
    y < 1900 ||
    y > 2200
  ) {
    const wrong: DatePart[] = m < 1 || m > 12 ? ['month'] : y < 1900 || y > 2200 ? ['year'] : ['day'];
    return {
      error: { field: `${name}-${wrong[0]!}`, message: `${label} must be a real date`, parts: wrong },
    };
  }
  return { value: `${parts.year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** A date's error as a message for the whole date input `name` (its day field linked, every part shown wrong). */
export function wholeDateError(name: string, message: string | undefined): DateError | undefined {
  return message ? { field: `${name}-day`, message, parts: [...PARTS] } : undefined;
}
