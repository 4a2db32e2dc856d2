/** Errors for the GOV.UK error summary: `field` is the id of the input to fix (the summary links to it). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * A ValidationError from the API ("actualDate: cannot be in the future") as the user reads it
 * ("Actual date cannot be in the future"), linked to the field the API named.
 */
export function apiError(
  error: { field: string; message: string },
  fields: Record<string, { id: string; label: string }>,
  fallback: { id: string; label: string },
): FieldError {
  const known = fields[error.field];
  const target = known ?? fallback;
  const detail = error.message.startsWith(`${error.field}: `)
    ? error.message.slice(error.field.length + 2)
    : error.message;
  return {
    field: target.id,
    message: known ? `${target.label} ${detail}` : detail.charAt(0).toUpperCase() + detail.slice(1),
  };
}
