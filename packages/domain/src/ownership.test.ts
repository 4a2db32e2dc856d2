import { describe, expect, it } from 'vitest';
import type { UserRole } from './enums.ts';
import {
  OWNER_FIELDS,
  editRight,
  editableFields,
  isUnownedOpen,
  mayOwnWork,
  refusedFields,
  type EditRight,
  type OwnedRow,
} from './ownership.ts';

const WS = 'ws-hr';
const ME = 'user-me';
const subject = (role: UserRole, leadsWs: boolean) => ({
  userId: ME,
  role,
  // Only an EDITOR leads workstreams; a lead list on another role is ignored by the rule.
  ledWorkstreamIds: leadsWs ? [WS] : [],
});

/** Every role, as the row's owner, as a lead of its workstream (where the role can lead), and as neither. */
const CASES: readonly [UserRole, 'owner' | 'lead' | 'other', EditRight][] = [
  ['ADMIN', 'owner', 'ALL'],
  ['ADMIN', 'lead', 'ALL'],
  ['ADMIN', 'other', 'ALL'],
  ['EDITOR', 'owner', 'OWNER'],
  ['EDITOR', 'lead', 'ALL'],
  ['EDITOR', 'other', 'NONE'],
  ['HR', 'owner', 'OWNER'],
  ['HR', 'lead', 'NONE'],
  ['HR', 'other', 'NONE'],
  ['VIEWER', 'owner', 'NONE'],
  ['VIEWER', 'lead', 'NONE'],
  ['VIEWER', 'other', 'NONE'],
];

describe('who may change a row', () => {
  it.each(CASES)('%s as %s: %s', (role, as, expected) => {
    const row: OwnedRow = { workstreamId: WS, ownerUserId: as === 'owner' ? ME : 'someone-else' };
    expect(editRight(subject(role, as === 'lead'), row).right).toBe(expected);
  });

  it('lets an owner change only the owner’s fields, and says which others it refuses', () => {
    const hr = subject('HR', false);
    const row = { workstreamId: WS, ownerUserId: ME };
    expect(editableFields('CHECKLIST_ITEM', hr, row)).toEqual(['status', 'forecastDate', 'evidence']);
    expect(refusedFields('CHECKLIST_ITEM', hr, row, ['status', 'evidence'])).toEqual([]);
    expect(refusedFields('CHECKLIST_ITEM', hr, row, ['status', 'ownerId', 'dueDate'])).toEqual([
      'ownerId',
      'dueDate',
    ]);
    expect(refusedFields('RAID_ITEM', hr, row, ['responsePlan', 'title'])).toEqual(['title']);
    expect(refusedFields('MILESTONE', hr, row, ['forecastDate', 'ownerId'])).toEqual(['ownerId']);
  });

  it('lets a lead or an ADMIN change every field, and nobody else any', () => {
    const lead = subject('EDITOR', true);
    const row = { workstreamId: WS, ownerUserId: null };
    expect(refusedFields('RAID_ITEM', lead, row, ['title', 'ownerId'])).toEqual([]);
    expect(
      refusedFields('CHECKLIST_ITEM', subject('ADMIN', false), { workstreamId: null, ownerUserId: null }, [
        'dueDate',
      ]),
    ).toEqual([]);
    expect(refusedFields('CHECKLIST_ITEM', subject('EDITOR', false), row, ['status'])).toEqual(['status']);
    expect(
      editableFields('MILESTONE', subject('VIEWER', false), { workstreamId: WS, ownerUserId: ME }),
    ).toEqual([]);
  });

  it('gives an item of no workstream to its owner and ADMIN only', () => {
    const row = { workstreamId: null, ownerUserId: ME };
    expect(editRight(subject('EDITOR', true), row).right).toBe('OWNER');
    expect(editRight(subject('EDITOR', true), { ...row, ownerUserId: null }).right).toBe('NONE');
    expect(editRight(null, row).right).toBe('NONE');
  });

  it('never lets a VIEWER own work', () => {
    expect(mayOwnWork('VIEWER')).toBe(false);
    expect(mayOwnWork('PARTNER')).toBe(false);
    expect(['ADMIN', 'EDITOR', 'HR'].every((r) => mayOwnWork(r as UserRole))).toBe(true);
  });

  it('keeps the owner’s fields of a criterion to its judgement and evidence', () => {
    expect(OWNER_FIELDS.GATE_CRITERION).toEqual(['status', 'rationale', 'evidence']);
  });
});

describe('unowned open work', () => {
  it('is an open item with no owner', () => {
    expect(isUnownedOpen({ status: 'NOT_STARTED', ownerUserId: null })).toBe(true);
    expect(isUnownedOpen({ status: 'BLOCKED', ownerUserId: null })).toBe(true);
    expect(isUnownedOpen({ status: 'COMPLETE', ownerUserId: null })).toBe(false);
    expect(isUnownedOpen({ status: 'NOT_STARTED', ownerUserId: 'u' })).toBe(false);
  });
});
