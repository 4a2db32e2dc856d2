/**
 * Idempotency keys of the admin's create forms: each render of a create form carries a new key (a
 * hidden input, `<IdempotencyKey>`), sent with the create; the API answers the same key with the row
 * its first create made, so a form submitted twice (a double click, a resubmit after a lost answer)
 * makes one row. A page's load gives the key, so every render, after an action too, has a new one.
 */
import { randomUUID } from 'node:crypto';

export const IDEMPOTENCY_FIELD = 'idempotencyKey';

/** A new key for a form being shown. */
export const newFormKey = (): string => randomUUID();

/** The key a submitted form carried, or null (the API then makes a row each time). */
export function formKey(form: FormData): string | null {
  const value = form.get(IDEMPOTENCY_FIELD);
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null;
}
