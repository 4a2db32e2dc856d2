import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Accessibility from './accessibility/+page.svelte';
import Privacy from './privacy/+page.svelte';

const none = { controllers: null, dpoContact: null, accessibilityContact: null };
const set = {
  controllers: 'Northshire County Council and Northshire Children’s Trust',
  dpoContact: 'dpo@northshire.example',
  accessibilityContact: 'accessibility@northshire.example',
};
// The pages' props as their loads give them (the types are SvelteKit's generated ones).
const page = <T,>(data: T) => ({ data, params: {}, form: null }) as never;

describe('the accessibility statement', () => {
  it('follows the model statement: status against WCAG 2.2 AA, known issues, reporting, enforcement, dates', () => {
    const { body } = render(Accessibility, { props: page({ publication: none, origin: 'https://handover.example' }) });
    for (const heading of [
      'How accessible this website is',
      'Feedback and contact information',
      'Enforcement procedure',
      'Technical information about this website',
      'Compliance status',
      'Non-accessible content',
      'Preparation of this accessibility statement',
    ]) {
      expect(body).toContain(heading);
    }
    expect(body).toMatch(/partially compliant with the[^]*Web Content Accessibility Guidelines version 2.2<\/a> AA standard/);
    expect(body).toContain('This statement was prepared on 7 December 2026');
    expect(body).toContain('Equality Advisory and Support Service');
    // Unset, the contact says where to ask; it names no one.
    expect(body).toMatch(/data-testid="accessibility-contact">\s*contact the programme team/);
  });

  it('gives the configured contact and organisations', () => {
    const { body } = render(Accessibility, { props: page({ publication: set, origin: 'https://handover.example' }) });
    expect(body).toContain('accessibility@northshire.example');
    expect(body).toContain('run by Northshire County Council and Northshire Children’s Trust');
  });
});

describe('the privacy notice', () => {
  it('names the controllers: as configured, else the programme’s employers, else who they are', () => {
    const configured = render(Privacy, { props: page({ publication: set, employers: ['Other Council'] }) }).body;
    expect(configured).toContain('Handover is run by Northshire County Council and Northshire Children’s Trust.');
    expect(configured).toContain('dpo@northshire.example');
    const employers = render(Privacy, {
      props: page({ publication: none, employers: ['Northshire County Council', 'Northshire Children’s Trust'] }),
    }).body;
    expect(employers).toContain('Handover is run by Northshire County Council and Northshire Children’s Trust.');
    const neither = render(Privacy, { props: page({ publication: none, employers: [] }) }).body;
    expect(neither).toContain('the trust or other body they transfer to (the new employer)');
    expect(neither).toMatch(/data-testid="dpo-contact">\s*Contact the data protection officer of your employer/);
  });

  it('gives the purposes, the lawful bases, retention, rights and how to complain', () => {
    const { body } = render(Privacy, { props: page({ publication: none, employers: [] }) });
    for (const text of [
      'TUPE regulation 11',
      'TUPE regulation 13',
      'article 6(1)(c), legal obligation',
      'article 6(1)(e), public task',
      'article 9(2)(b), employment law',
      'How long we keep it',
      'Your rights',
      'Information Commissioner',
      'Only the HR team',
    ]) {
      expect(body).toContain(text);
    }
  });
});
