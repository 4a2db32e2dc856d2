import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { pagination } from '$lib/server/list';
import CheckboxFilter from './CheckboxFilter.svelte';
import Pagination from './Pagination.svelte';
import Tag from './Tag.svelte';

describe('components', () => {
  it('CheckboxFilter ticks the selected values and labels each box', () => {
    const { body } = render(CheckboxFilter, {
      props: { legend: 'Status', name: 'status', values: ['OPEN', 'CLOSED'], selected: ['CLOSED'] },
    });
    expect(body).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Status</legend>',
    );
    expect(body).toMatch(/id="status-OPEN"(?![^>]*checked)[^>]*>/);
    expect(body).toMatch(/id="status-CLOSED"[^>]*checked/);
    expect(body).toContain(
      '<label class="govuk-label govuk-checkboxes__label" for="status-CLOSED">Closed</label>',
    );
  });

  it('Pagination says what is shown and links the pages around the current one', () => {
    const url = new URL('http://x/checklists?status=OPEN&page=5');
    const { body } = render(Pagination, { props: { pagination: pagination(url, 5, 430), noun: 'items' } });
    expect(body).toContain('Showing 101 to 125 of 430 items');
    expect(body).toContain('href="/checklists?status=OPEN&amp;page=4"');
    expect(body).toContain('aria-current="page"');
    expect(body).toContain('aria-label="Page 18"');
    expect(body).not.toContain('aria-label="Page 9"');
  });

  it('Tag shows words, with a colour that matches the status', () => {
    expect(render(Tag, { props: { value: 'AT_RISK' } }).body).toContain(
      '<strong class="govuk-tag govuk-tag--orange">At risk</strong>',
    );
    expect(render(Tag, { props: { value: 'CRITICAL', label: 'Critical 20' } }).body).toContain(
      'govuk-tag--red">Critical 20<',
    );
  });
});
