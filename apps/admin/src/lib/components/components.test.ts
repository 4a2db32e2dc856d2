import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { pagination } from '$lib/server/list';
import CheckboxFilter from './CheckboxFilter.svelte';
import CsvLink from './CsvLink.svelte';
import FilterActions from './FilterActions.svelte';
import SelectFilter from './SelectFilter.svelte';
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

  it('SelectFilter labels its select, offers "all" first and selects the current value', () => {
    const options = [
      { value: 'a', label: 'Alpha' },
      { value: 'b', label: 'Beta' },
    ];
    const { body } = render(SelectFilter, {
      props: { label: 'Service', name: 'service', all: 'All services', options, selected: 'b' },
    });
    expect(body).toContain('<label class="govuk-label govuk-label--s" for="service">Service</label>');
    expect(body).toMatch(/<select[^>]*id="service"[^>]*name="service"/);
    expect(body).toMatch(/<option value=""(?![^>]*selected)[^>]*>All services<\/option>/);
    expect(body).toMatch(/<option value="b"[^>]*selected[^>]*>Beta<\/option>/);
    const none = render(SelectFilter, {
      props: { label: 'Service', name: 'service', all: 'All services', options, selected: null },
    }).body;
    expect(none).toMatch(/<option value=""[^>]*selected[^>]*>All services<\/option>/);
  });

  it('FilterActions submits the form and links back to the unfiltered list', () => {
    const { body } = render(FilterActions, { props: { clearHref: '/raid' } });
    expect(body).toMatch(/<button type="submit"[^>]*>Apply filters<\/button>/);
    expect(body).toContain('<a class="govuk-link" href="/raid">Clear filters</a>');
  });

  it('CsvLink downloads, and names its table for screen readers', () => {
    const { body } = render(CsvLink, { props: { href: '/dashboard/overdue.csv', table: 'overdue items' } });
    expect(body).toMatch(/<a class="govuk-link" href="\/dashboard\/overdue.csv" download/);
    // The space matters: a screen reader would otherwise read "CSV(overdue items)" as one word.
    expect(body.replace(/<!--[^>]*-->/g, '')).toContain(
      'Download as CSV<span class="govuk-visually-hidden"> (overdue items)</span>',
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
