/** How token times read: "15 February 2023 at 09:30" (UK time). */
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
