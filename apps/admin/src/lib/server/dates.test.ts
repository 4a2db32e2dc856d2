import { describe, expect, it } from 'vitest';
import { readDateInput } from './dates';

describe('GOV.UK date input', () => {
  it('reads a real date, and empty as none', () => {
    expect(readDateInput('Due date', '4', '3', '2023')).toEqual({ value: '2023-03-04' });
    expect(readDateInput('Due date', '', '', '')).toEqual({ value: null });
  });
  it('names what is missing or wrong', () => {
    expect(readDateInput('Due date', '4', '', '')).toEqual({
      value: null,
      error: 'Due date must include a month and year',
    });
    expect(readDateInput('Due date', '30', '2', '2023').error).toBe('Due date must be a real date');
    expect(readDateInput('Due date', 'x', '2', '2023').error).toBe('Due date must be a real date');
    expect(readDateInput('Due date', '1', '2', '23').error).toBe('Due date must be a real date');
  });
});
