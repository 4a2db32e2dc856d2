import { WORKSTREAM_CODES } from '@handover/domain';
import { describe, expect, it } from 'vitest';
import { builtInTemplateId, readBuiltInTemplates } from './builtin-templates.ts';

describe('the built-in checklist templates', () => {
  const templates = readBuiltInTemplates();

  it('all parse and pass the import rules', () => {
    expect(templates.length).toBeGreaterThanOrEqual(19);
    for (const { file, template } of templates) expect(`${template.key}.yaml`).toBe(file);
  });

  it('cover the seventeen workstreams, one WORKSTREAM template each', () => {
    const byWorkstream = templates
      .filter((t) => t.template.kind === 'WORKSTREAM')
      .map((t) => t.template.workstream);
    expect([...byWorkstream].sort()).toEqual([...WORKSTREAM_CODES].sort());
  });

  it("include the children's home re-registration and ICT cutover service templates", () => {
    const service = templates.filter((t) => t.template.kind === 'SERVICE').map((t) => t.template.key);
    expect(service).toEqual(expect.arrayContaining(['childrens-home-reregistration', 'ict-data-cutover']));
  });

  it('name only templates and items that exist in cross-template references', () => {
    const items = new Set(
      templates.flatMap((t) => t.template.items.map((i) => `${t.template.key}:${i.key}`)),
    );
    for (const { template } of templates)
      for (const item of template.items)
        for (const d of item.dependsOn)
          if (d.includes(':')) expect(items, `${template.key}/${item.key} -> ${d}`).toContain(d);
  });

  it('give each template version a fixed id', () => {
    expect(builtInTemplateId('hr-tupe', 1)).toBe(builtInTemplateId('hr-tupe', 1));
    expect(builtInTemplateId('hr-tupe', 1)).not.toBe(builtInTemplateId('hr-tupe', 2));
    expect(builtInTemplateId('hr-tupe', 1)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
