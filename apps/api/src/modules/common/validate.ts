/** Input checks shared by the modules; each failure names its field. */
import { isIsoDate } from '@handover/domain';
import { ValidationError } from '../../schema/errors.ts';

export function requireText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text === '') throw new ValidationError(field, 'is required');
  if (text.length > max)
    throw new ValidationError(field, `is too long (${text.length} characters; at most ${max})`);
  return text;
}

export function optionalText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text.length > max)
    throw new ValidationError(field, `is too long (${text.length} characters; at most ${max})`);
  return text;
}

export function requireDate(field: string, value: string): string {
  if (!isIsoDate(value))
    throw new ValidationError(field, `must be a date written YYYY-MM-DD; got "${value}"`);
  return value;
}

export function requireVersion(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError(field, 'must be a positive whole number');
  return value;
}

const MAX_EVIDENCE = 50;
const MAX_EVIDENCE_LENGTH = 500;

/**
 * Evidence is a list of links or document references. A link must be http
 * or https (never `javascript:` or `data:`); blanks and repeats are dropped.
 */
export function evidenceList(field: string, values: readonly string[]): string[] {
  if (values.length > MAX_EVIDENCE) throw new ValidationError(field, `holds at most ${MAX_EVIDENCE} entries`);
  const out: string[] = [];
  values.forEach((raw, i) => {
    const v = raw.trim();
    if (v === '') return;
    if (v.length > MAX_EVIDENCE_LENGTH) {
      throw new ValidationError(`${field}[${i}]`, `is too long (at most ${MAX_EVIDENCE_LENGTH} characters)`);
    }
    // Browsers ignore spaces and control characters inside a scheme: judge it without them.
    const squeezed = [...v].filter((c) => c.charCodeAt(0) > 0x20).join('');
    if (/^(javascript|data|vbscript|file|blob):/i.test(squeezed)) {
      throw new ValidationError(`${field}[${i}]`, 'a link must start with http:// or https://');
    }
    if (/^[a-z][a-z0-9+.-]*:\S/i.test(v) && !/^https?:\/\//i.test(v)) {
      throw new ValidationError(`${field}[${i}]`, 'a link must start with http:// or https://');
    }
    if (/^https?:\/\//i.test(v) && !URL.canParse(v)) {
      throw new ValidationError(`${field}[${i}]`, `"${v}" is not a valid link`);
    }
    if (!out.includes(v)) out.push(v);
  });
  return out;
}
