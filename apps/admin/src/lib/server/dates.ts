/** The GOV.UK date input (day, month, year fields) read into YYYY-MM-DD, with its standard error messages. */
export function readDateInput(
  label: string,
  day: string,
  month: string,
  year: string,
): { value: string | null; error?: string } {
  if (!day && !month && !year) return { value: null };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length) return { value: null, error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { value: null, error: `${label} must be a real date` };
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { value: null, error: `${label} must be a real date` };
  }
  return { value: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
