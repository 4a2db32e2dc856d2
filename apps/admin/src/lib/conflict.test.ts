import { describe, expect, it } from 'vitest';
import { applyChoices, changedFields, fieldConflict, type ChoiceField } from './conflict';

const FIELDS: ChoiceField[] = [
  { name: 'forecastDate', label: 'Forecast date' },
  { name: 'rag', label: 'RAG' },
  { name: 'status', label: 'Status' },
];
const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe('choosing theirs or yours after a conflict', () => {
  const loaded = { forecastDate: '2023-03-01', rag: 'GREEN', status: 'OPEN' };
  const theirs = { forecastDate: '2023-03-29', rag: 'AMBER', status: 'OPEN' };
  // The user changed the RAG and the status; they did not touch the forecast.
  const yours = { forecastDate: '2023-03-01', rag: 'RED', status: 'CLOSED' };
  const c = fieldConflict(7, FIELDS, loaded, theirs, yours);

  it('offers a choice for each field they changed, theirs first unless the user changed it too', () => {
    expect(c.changes.map((x) => x.label)).toEqual(['Forecast date', 'RAG']);
    expect(c.choices.map((x) => [x.name, x.chosen])).toEqual([
      ['forecastDate', 'theirs'],
      ['rag', 'yours'],
    ]);
    expect(c.was).toEqual(theirs);
  });

  it('saves only what was chosen: never their forecast reverted, the user’s own changes kept', () => {
    const posted = form({
      'was-forecastDate': theirs.forecastDate,
      'was-rag': theirs.rag,
      'was-status': theirs.status,
      'choose-forecastDate': 'theirs',
      'yours-forecastDate': yours.forecastDate,
      'choose-rag': 'yours',
      'yours-rag': yours.rag,
    });
    const values = applyChoices(posted, FIELDS, yours);
    expect(changedFields(FIELDS, c.was, values)).toEqual(['rag', 'status']);
    expect(values).toMatchObject({ forecastDate: theirs.forecastDate, rag: 'RED', status: 'CLOSED' });
    // Choosing theirs for the RAG too leaves only the status to send.
    posted.set('choose-rag', 'theirs');
    expect(changedFields(FIELDS, c.was, applyChoices(posted, FIELDS, yours))).toEqual(['status']);
  });
});
