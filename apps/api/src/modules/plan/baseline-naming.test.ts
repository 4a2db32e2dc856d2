/**
 * One meaning of "baseline": a saved plan baseline (Programme.baselines, saveBaseline) and the
 * dates it holds. A milestone's own original date is its planned date, never its "baseline", so
 * nothing reads "late against baseline" while no baseline has been saved.
 */
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { partnerSchema, schema } from '../../schema/index.ts';

/** Where "baseline" may appear: the saved baselines and the dates they hold. */
const SAVED_BASELINE_TYPES = new Set(['PlanBaseline', 'ItemSlippage', 'MilestoneSlippage']);

describe('the word baseline', () => {
  it('names only saved plan baselines, in every field and description of both schemas', () => {
    for (const s of [schema, partnerSchema]) {
      const misuses: string[] = [];
      for (const type of Object.values(s.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          const where = `${type.name}.${field.name}`;
          const text = `${field.name} ${field.description ?? ''}`.toLowerCase();
          if (!text.includes('baseline') || SAVED_BASELINE_TYPES.has(type.name)) continue;
          // Fields that are about saved baselines by name.
          if (/^(baselines|saveBaseline)$/.test(field.name)) continue;
          if (/saved (plan )?baseline/.test(text)) continue;
          misuses.push(where);
        }
      }
      expect(misuses).toEqual([]);
    }
    const milestone = schema.getType('Milestone');
    expect(isObjectType(milestone) && Object.keys(milestone.getFields())).toContain('plannedDate');
    expect(isObjectType(milestone) && Object.keys(milestone.getFields())).not.toContain('baselineDate');
  });
});
