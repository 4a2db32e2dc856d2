import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_DECISIONS,
  CHECKLIST_STATUSES,
  CONTRACT_TYPES,
  OWNER_ORGS,
  PENSION_SCHEMES,
  PROGRAMME_STATUSES,
  RAGS,
  RAID_RESPONSES,
  RAID_STATUSES,
  RAID_TYPES,
  ROLES,
  SERVICE_DISPOSITIONS,
  SERVICE_TRANSFER_STATUSES,
  TUPE_STATUSES,
  WORKSTREAM_CODES,
} from './enums.ts';
import { formatCount, ukInstant, ukLongDate } from './format.ts';
import { GATE_CRITERION_STATUSES, GATE_OUTCOMES } from './gate.ts';
import { API_TOKEN_STATUSES, LABEL_MAPS, labelOf, roleLabel, workstreamLabel } from './labels.ts';
import { RISK_BANDS } from './raid.ts';
import { APPEAL_OUTCOMES, EMPLOYMENT_END_REASONS } from './tupe.ts';

/** Each label map and the enumeration it must cover, exactly. */
const ENUMS: Record<keyof typeof LABEL_MAPS, readonly string[]> = {
  workstream: WORKSTREAM_CODES,
  role: ROLES,
  tupeStatus: TUPE_STATUSES,
  contractType: CONTRACT_TYPES,
  assignmentDecision: ASSIGNMENT_DECISIONS,
  pensionScheme: PENSION_SCHEMES,
  appealOutcome: APPEAL_OUTCOMES,
  employmentEndReason: EMPLOYMENT_END_REASONS,
  checklistStatus: CHECKLIST_STATUSES,
  ownerOrg: OWNER_ORGS,
  rag: RAGS,
  raidType: RAID_TYPES,
  raidStatus: RAID_STATUSES,
  raidResponse: RAID_RESPONSES,
  riskBand: RISK_BANDS,
  serviceTransferStatus: SERVICE_TRANSFER_STATUSES,
  serviceDisposition: SERVICE_DISPOSITIONS,
  programmeStatus: PROGRAMME_STATUSES,
  gateCriterionStatus: GATE_CRITERION_STATUSES,
  gateOutcome: GATE_OUTCOMES,
  apiTokenStatus: API_TOKEN_STATUSES,
};

/** Codes that are words people write in capitals anyway. */
const ACRONYMS = new Set(['HR', 'LGPS']);

describe('labels', () => {
  for (const [name, codes] of Object.entries(ENUMS)) {
    it(`labels every ${name}, and nothing else, in words`, () => {
      const map = LABEL_MAPS[name as keyof typeof LABEL_MAPS] as Readonly<Record<string, string>>;
      expect(Object.keys(map).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const label = map[code]!;
        expect(label, code).toMatch(/^[A-Z0-9]/);
        expect(label, code).not.toMatch(/_/);
        if (!ACRONYMS.has(code)) expect(label, code).not.toBe(code);
        // Not the code lowercased by string manipulation where the words differ ("Hr tupe").
        expect(label, code).not.toMatch(/^(Hr|Ict|Dfe|Sla|Nhs) /);
      }
    });
  }

  it('reads a code shared by two enumerations the same in both, so any code can be looked up', () => {
    const seen = new Map<string, string>();
    for (const map of Object.values(LABEL_MAPS)) {
      for (const [code, label] of Object.entries(map)) {
        if (seen.has(code)) expect(label, code).toBe(seen.get(code));
        seen.set(code, label);
        expect(labelOf(code)).toBe(label);
      }
    }
    expect(labelOf('NOT_A_CODE')).toBeNull();
    expect(workstreamLabel('HR_TUPE')).toBe('HR and TUPE');
    expect(workstreamLabel('ICT_DATA')).toBe('ICT and data');
    expect(roleLabel('VIEWER')).toBe('Board member');
  });
});

describe('numbers and instants, written one way', () => {
  it('groups thousands', () => {
    expect(formatCount(1415)).toBe('1,415');
    expect(formatCount(211)).toBe('211');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('writes an instant in UK local time, never as an ISO string', () => {
    const goLive = new Date('2023-03-31T23:00:00.000Z');
    expect(ukInstant(goLive)).toBe('1 April 2023 at 00:00 (UK time)');
    expect(ukInstant(new Date('2023-01-15T09:30:00Z'))).toBe('15 January 2023 at 09:30 (UK time)');
    expect(ukLongDate(goLive)).toBe('1 April 2023');
    expect(ukLongDate('2023-03-04')).toBe('4 March 2023');
  });
});
