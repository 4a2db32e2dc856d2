/**
 * `pg` and PGlite parse some PostgreSQL types differently. These parsers
 * make both drivers hand the application the same JavaScript values:
 *   int8 (counts, sums)  -> number   (our counts stay far below 2^53)
 *   numeric (FTE, pay)   -> number   (numeric(10,2) fits a double exactly enough for display and sums)
 *   date                 -> 'YYYY-MM-DD' string (a calendar date has no time zone; a JS Date would invent one)
 *   timestamptz          -> Date (both drivers' default)
 */
export const TYPE_OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
} as const;

export const valueParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OID.int8]: (v) => Number(v),
  [TYPE_OID.numeric]: (v) => Number(v),
  [TYPE_OID.date]: (v) => v,
};
