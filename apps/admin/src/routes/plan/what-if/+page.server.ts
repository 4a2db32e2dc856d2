import { ApiError, gql } from '$lib/server/api';
import { readDateInput } from '$lib/server/dates';
import { firstProgramme, programmeQuery } from '$lib/server/programme';
import type { PageServerLoad } from './$types';
import { CRITICAL_PATH_FIELDS, SCHEDULED_FIELDS, type CriticalPath, type ScheduledItem } from '../plan';

/** How many item forecasts the form offers. */
const FORECAST_ROWS = 3;

interface WhatIf {
  transferDate: string;
  reachable: boolean;
  criticalPath: CriticalPath;
  lateItems: ScheduledItem[];
  lateMilestones: {
    milestone: { id: string; name: string };
    date: string;
    projectedDate: string;
    daysLate: number;
  }[];
  /** Items re-dated by their offset from the transfer day (made from templates). */
  redatedItems: number;
  eliDueDate: string;
  gateDecisionDue: string | null;
  tupeTimeline: { step: string; label: string; dueDate: string; state: string; daysLate: number }[];
}

const part = (url: URL, name: string) => (url.searchParams.get(name) ?? '').trim();
const date = (url: URL, name: string) => ({
  day: part(url, `${name}-day`),
  month: part(url, `${name}-month`),
  year: part(url, `${name}-year`),
});

/**
 * A GET form: asking changes nothing, so the answer is a page that can be bookmarked. The API's
 * whatIf reads only.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const base = await gql<{
    today: string;
    programmes: { edges: { node: { id: string; transferDate: string } }[] };
  }>(programmeQuery('transferDate'), { token: locals.token });
  const programme = firstProgramme(base);
  const values = {
    transfer: date(url, 'transferDate'),
    forecasts: Array.from({ length: FORECAST_ROWS }, (_, i) => ({
      ref: part(url, `ref${i}`),
      ...date(url, `forecast${i}`),
    })),
  };
  const asked = url.searchParams.has('transferDate-day');
  if (!asked) {
    const [y, m, d] = programme.transferDate.split('-');
    values.transfer = { day: String(Number(d)), month: String(Number(m)), year: y! };
    return { values, errors: [], result: null, transferDate: programme.transferDate };
  }
  const errors: { field: string; message: string }[] = [];
  const transfer = readDateInput(
    'Transfer date',
    values.transfer.day,
    values.transfer.month,
    values.transfer.year,
  );
  if (transfer.error) errors.push({ field: 'transferDate-day', message: transfer.error });
  else if (!transfer.value) errors.push({ field: 'transferDate-day', message: 'Enter the transfer date' });
  const forecasts: { itemId: string; forecastDate: string }[] = [];
  for (const [i, f] of values.forecasts.entries()) {
    const label = `Forecast ${i + 1}`;
    const when = readDateInput(`${label} date`, f.day, f.month, f.year);
    if (!f.ref && !when.value && !when.error) continue;
    if (!f.ref) {
      errors.push({ field: `ref${i}`, message: `${label}: enter the item reference, for example ICT-013` });
      continue;
    }
    if (when.error || !when.value) {
      errors.push({
        field: `forecast${i}-day`,
        message: when.error ?? `${label}: enter the date ${f.ref} is forecast to finish`,
      });
      continue;
    }
    const found = await gql<{
      programmes: {
        edges: { node: { checklistItems: { edges: { node: { id: string; ref: string } }[] } } }[];
      };
    }>(
      programmeQuery(
        'checklistItems(first: 20, filter: { search: $ref }) { edges { node { id ref } } }',
        '$ref: String',
      ),
      { token: locals.token, variables: { ref: f.ref } },
    );
    const item = firstProgramme(found).checklistItems.edges.find(
      (e) => e.node.ref.toLowerCase() === f.ref.toLowerCase(),
    );
    if (!item) {
      errors.push({ field: `ref${i}`, message: `${label}: no checklist item has the reference ${f.ref}` });
      continue;
    }
    forecasts.push({ itemId: item.node.id, forecastDate: when.value });
  }
  if (errors.length) return { values, errors, result: null, transferDate: programme.transferDate };
  try {
    const data = await gql<{ programmes: { edges: { node: { whatIf: WhatIf } }[] } }>(
      programmeQuery(
        `whatIf(transferDate: $transferDate, forecasts: $forecasts) { transferDate reachable
          criticalPath { ${CRITICAL_PATH_FIELDS} } lateItems { ${SCHEDULED_FIELDS} }
          lateMilestones { milestone { id name } date projectedDate daysLate }
          redatedItems eliDueDate gateDecisionDue tupeTimeline { step label dueDate state daysLate } }`,
        '$transferDate: Date!, $forecasts: [WhatIfForecastInput!]',
      ),
      { token: locals.token, variables: { transferDate: transfer.value, forecasts } },
    );
    return { values, errors, result: firstProgramme(data).whatIf, transferDate: programme.transferDate };
  } catch (e) {
    if (!(e instanceof ApiError && e.codes.includes('BAD_USER_INPUT'))) throw e;
    const message = e.message.replace(/^[\w.[\]]+: /, '');
    return {
      values,
      errors: [{ field: 'transferDate-day', message: `Transfer date: ${message}` }],
      result: null,
      transferDate: programme.transferDate,
    };
  }
};
