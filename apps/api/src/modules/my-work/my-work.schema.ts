/**
 * "My work": what the signed-in user owns and has still to do in a programme, whatever their role: their
 * open checklist items, open RAID items and milestones not achieved, by due date, and the gate
 * sign-offs waiting for them (signatories they sign as with no sign-off standing).
 */
import type { ChecklistItem, GateSignatory, Milestone, RaidItem } from '@handover/db';
import { scopesFor } from '../../access/scopes.ts';
import { builder } from '../../schema/builder.ts';
import { ChecklistItemRef } from '../checklist/checklist.schema.ts';
import { GateSignatoryRef } from '../gate/gate.schema.ts';
import { MilestoneRef } from '../milestone/milestone.schema.ts';
import { ProgrammeRef } from '../programme/programme.schema.ts';
import { RaidItemRef } from '../raid/raid.schema.ts';
import {
  openItemsOwnedBy,
  openMilestonesOwnedBy,
  openRaidItemsOwnedBy,
  signOffsAwaitedFrom,
} from './my-work.repository.ts';

interface MyWork {
  programmeId: string;
  userId: string;
}

const MyWorkRef = builder.objectRef<MyWork>('MyWork').implement({
  description:
    'What you own and have still to do in the programme, and the gate sign-offs waiting for you. Lists are short ' +
    '(one person’s work), so they are not paged.',
  fields: (t) => ({
    checklistItems: t.field({
      type: [ChecklistItemRef],
      description: 'Your open checklist items, by due date (undated last).',
      resolve: (w, _a, ctx): Promise<ChecklistItem[]> => openItemsOwnedBy(ctx.db, w.programmeId, w.userId),
    }),
    raidItems: t.field({
      type: [RaidItemRef],
      description: 'Your open RAID items (open, monitoring or materialised; not mitigated or closed), by due date (undated last).',
      resolve: (w, _a, ctx): Promise<RaidItem[]> => openRaidItemsOwnedBy(ctx.db, w.programmeId, w.userId),
    }),
    milestones: t.field({
      type: [MilestoneRef],
      description: 'Your milestones not yet achieved, by forecast (else planned) date.',
      resolve: (w, _a, ctx): Promise<Milestone[]> => openMilestonesOwnedBy(ctx.db, w.programmeId, w.userId),
    }),
    gateSignOffs: t.field({
      type: [GateSignatoryRef],
      description: 'The go/no-go gate roles you sign as whose sign-off is not given (or was withdrawn).',
      resolve: (w, _a, ctx): Promise<GateSignatory[]> => signOffsAwaitedFrom(ctx.db, w.programmeId, w.userId),
    }),
  }),
});

builder.objectField(ProgrammeRef, 'myWork', (t) =>
  t.field({
    type: MyWorkRef,
    nullable: true,
    description: 'Your work in this programme (null for a partner: only a user owns work).',
    authScopes: scopesFor('Programme.myWork'),
    resolve: (p, _a, ctx) =>
      ctx.viewer?.kind === 'user' ? { programmeId: p.id, userId: ctx.viewer.userId } : null,
  }),
);
