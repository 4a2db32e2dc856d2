import { describe, expect, it } from 'vitest';
import { templateDueDate, templateItemRef, validateTemplate } from './template.ts';

const good = () => ({
  key: 'demo',
  version: 1,
  name: 'Demo',
  kind: 'WORKSTREAM',
  workstream: 'HR_TUPE',
  items: [
    { key: 'a', title: 'A', ownerOrg: 'COUNCIL', dueOffsetDays: -90, durationDays: 5 },
    {
      key: 'b',
      title: 'B',
      ownerOrg: 'TRUST',
      dueOffsetDays: -10,
      dependsOn: ['a', 'other:x'],
      signOffRole: 'DCS',
    },
  ],
});

describe('validateTemplate', () => {
  it('accepts a good template and fills the defaults', () => {
    const r = validateTemplate(good());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.template.items[1]).toEqual({
      key: 'b',
      title: 'B',
      description: '',
      workstream: 'HR_TUPE',
      ownerOrg: 'TRUST',
      dueOffsetDays: -10,
      durationDays: 1,
      dayOneCritical: false,
      signOffRole: 'DCS',
      dependsOn: ['a', 'other:x'],
    });
  });

  it('names every error by its path', () => {
    const t = good() as Record<string, unknown>;
    t.version = 0;
    t.colour = 'red';
    t.items = [
      { key: 'a', title: '', ownerOrg: 'NOBODY', dueOffsetDays: 'soon' },
      {
        key: 'a',
        title: 'again',
        ownerOrg: 'TRUST',
        dueOffsetDays: 1,
        dependsOn: ['missing'],
        durationDays: -1,
      },
    ];
    const r = validateTemplate(t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'version',
        'colour',
        'items[0].title',
        'items[0].ownerOrg',
        'items[0].dueOffsetDays',
        'items[1].key',
        'items[1].durationDays',
      ]),
    );
    expect(r.errors.find((e) => e.path === 'items[1].key')?.message).toContain('items[0]');
  });

  it('refuses an unknown reference naming it', () => {
    const t = good();
    t.items[1]!.dependsOn = ['nope'];
    const r = validateTemplate(t);
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'items[1].dependsOn[0]', message: '"nope" names no item of this template' },
    ]);
  });

  it('refuses a cycle naming its items', () => {
    const t = good() as ReturnType<typeof good> & { items: { dependsOn?: string[] }[] };
    t.items[0]!.dependsOn = ['b'];
    const r = validateTemplate(t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toContain('dependency cycle: a -> b -> a');
  });

  it('refuses a malformed cross-template reference', () => {
    const t = good();
    t.items[1]!.dependsOn = ['Other:X'];
    const r = validateTemplate(t);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['items[1].dependsOn[0]']);
  });

  it('needs serviceKind on a SERVICE template', () => {
    const r = validateTemplate({ ...good(), kind: 'SERVICE' });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'serviceKind', message: 'is required' }]);
  });

  it('refuses what is not a mapping', () => {
    expect(validateTemplate('text').ok).toBe(false);
    expect(validateTemplate([]).ok).toBe(false);
  });
});

describe('applying arithmetic', () => {
  it('dates an item by its offset from the transfer day', () => {
    expect(templateDueDate('2023-04-01', { dueOffsetDays: -90 })).toBe('2023-01-01');
    expect(templateDueDate('2023-04-01', { dueOffsetDays: 14 })).toBe('2023-04-15');
  });
  it('makes references from the template, service and item keys', () => {
    expect(templateItemRef('hr-tupe', 'eli-issued', null)).toBe('HR-TUPE/ELI-ISSUED');
    expect(templateItemRef('childrens-home-reregistration', 'sc1', 'home-a')).toBe(
      'CHILDRENS-HOME-REREGISTRATION/HOME-A/SC1',
    );
  });
});
