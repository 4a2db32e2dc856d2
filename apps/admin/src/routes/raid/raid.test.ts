import { describe, expect, it } from 'vitest';
import { conflict, readSnapshot } from '$lib/conflict';
import { parseDateParts, toDateParts } from '$lib/date-input';
import { apiError } from './form-errors';
import { raidFilter } from './query.server';
import { API_FIELDS, checkRaidForm, emptyValues } from './raid-form.server';

describe('the GOV.UK date input', () => {
  const parse = (day: string, month: string, year: string, required = false) =>
    parseDateParts({ day, month, year }, 'dueDate', 'Due date', { required });

  it('reads a real date and pads it', () => {
    expect(parse('7', '3', '2023')).toEqual({ value: '2023-03-07' });
    expect(parse('', '', '')).toEqual({ value: null });
    expect(toDateParts('2023-03-07')).toEqual({ day: '7', month: '3', year: '2023' });
  });

  it('names the field and the parts missing', () => {
    expect(parse('', '', '', true).error?.message).toBe('Enter the due date');
    expect(parse('31', '', '').error).toMatchObject({
      field: 'dueDate-month',
      message: 'Due date must include a month and year',
      parts: ['month', 'year'],
    });
  });

  it('refuses dates that do not exist', () => {
    expect(parse('30', '2', '2023').error).toMatchObject({
      field: 'dueDate-day',
      message: 'Due date must be a real date',
    });
    expect(parse('1', '13', '2023').error?.field).toBe('dueDate-month');
    expect(parse('1', 'x', '2023').error?.message).toBe('Due date must be a real date');
    expect(parse('1', '1', '23').error?.message).toBe('Year must include 4 numbers');
    expect(parse('29', '2', '2024')).toEqual({ value: '2024-02-29' });
  });
});

describe('the RAID item form', () => {
  it('lists every problem at once', () => {
    const v = emptyValues();
    v.scores.inherent.likelihood = '3';
    v.dueDate = { day: '40', month: '1', year: '2023' };
    const { errors, input } = checkRaidForm(v, { create: true });
    expect(input).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual([
      'type',
      'title',
      'statement',
      'dueDate-day',
      'inherentImpact',
    ]);
  });

  it('builds the input, clearing what is left empty', () => {
    const v = emptyValues();
    Object.assign(v, { type: 'RISK', title: ' A ', statement: 'B', response: 'REDUCE' });
    v.title = 'A';
    v.scores.residual = { likelihood: '2', impact: '5' };
    const { errors, input, type } = checkRaidForm(v, { create: true });
    expect(errors).toEqual([]);
    expect(type).toBe('RISK');
    expect(input).toMatchObject({
      title: 'A',
      workstreamId: null,
      response: 'REDUCE',
      dueDate: null,
      inherent: null,
      residual: { likelihood: 2, impact: 5 },
    });
  });

  it('links API validation errors to the field', () => {
    expect(
      apiError(
        { field: 'residual.impact', message: 'residual.impact: must be a whole number' },
        API_FIELDS,
        API_FIELDS.title!,
      ),
    ).toEqual({
      field: 'residualImpact',
      message: 'Residual impact must be a whole number',
    });
    expect(
      apiError({ field: 'input', message: 'input: nothing to change' }, API_FIELDS, API_FIELDS.title!),
    ).toEqual({
      field: 'title',
      message: 'Nothing to change',
    });
  });
});

describe('conflicts', () => {
  it('lists what changed since the form was loaded and carries the new version', () => {
    const form = new FormData();
    form.set('loaded', JSON.stringify({ Title: 'Old', Status: 'Open' }));
    const c = conflict(4, readSnapshot(form), { Title: 'New', Status: 'Open' });
    expect(c).toEqual({
      version: 4,
      snapshot: { Title: 'New', Status: 'Open' },
      changes: [{ label: 'Title', loaded: 'Old', current: 'New' }],
    });
  });

  it('ignores a loaded snapshot that is not one', () => {
    const form = new FormData();
    form.set('loaded', '[1,2]');
    expect(readSnapshot(form)).toEqual({});
    form.set('loaded', '{oops');
    expect(readSnapshot(form)).toEqual({});
  });
});

describe('the RAID filters', () => {
  it('keeps only known values', () => {
    const url = new URL('http://x/raid?type=RISK&type=NOPE&status=OPEN&band=HIGH&search=%20pay%20');
    expect(raidFilter(url)).toEqual({ types: ['RISK'], statuses: ['OPEN'], bands: ['HIGH'], search: 'pay' });
    expect(raidFilter(new URL('http://x/raid'))).toEqual({});
  });
});
