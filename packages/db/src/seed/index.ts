/**
 * The demo seed: the Bradford programme as it stood on 15 February 2023, six
 * weeks before go-live. Deterministic: the same rows, the same invented
 * people, every time. It loads only into a database with no programme.
 */
import {
  DEFAULT_RISK_BANDS,
  addCalendarDays,
  londonDate,
  transferInstant,
  type UserRole,
  type WorkstreamCode,
} from '@handover/domain';
import type { Insertable, Kysely } from 'kysely';
import { hashPassword } from '../passwords.ts';
import type { ChecklistItemTable, Database, RaidItemTable } from '../schema.ts';
import { agreements, contactRoutes } from './data/agreements.ts';
import { checklistItems } from './data/checklist.ts';
import { milestones } from './data/milestones.ts';
import { organisations } from './data/organisations.ts';
import { raidItems } from './data/raid.ts';
import { services } from './data/services.ts';
import { workstreams } from './data/workstreams.ts';
import { loadBuiltInTemplates } from '../builtin-templates.ts';
import { admissionAgreement, measures, meetings } from './data/tupe.ts';
import { SeededRandom } from './random.ts';
import { buildWorkforce, withWorkforceFigures, type WorkforceTeam } from './workforce.ts';

export { SNAPSHOT_DATE } from './workforce.ts';

export const DEMO_PASSWORD = 'handover-demo';
export const DEMO_TRANSFER_DATE = '2023-04-01';

export const DEMO_USERS: readonly { email: string; name: string; role: UserRole }[] = [
  { email: 'admin@handover.example', name: 'Programme Manager (demo)', role: 'ADMIN' },
  { email: 'editor@handover.example', name: 'Workstream Lead (demo)', role: 'EDITOR' },
  { email: 'hr@handover.example', name: 'HR Business Partner (demo)', role: 'HR' },
  { email: 'viewer@handover.example', name: 'Board Member (demo)', role: 'VIEWER' },
];

/** The demo go/no-go gate's criteria (DOMAIN.md 6.6): title and owner. */
export const GATE_CRITERIA: readonly (readonly [string, string])[] = [
  ['Service delivery contract signed', 'Legal and governance'],
  ['Pension admission agreement signed', 'Pensions'],
  ['ELI issued on time and consultation complete', 'HR / TUPE'],
  ['Payroll parallel run reconciled', 'Finance'],
  ['Foster-carer and placement payments tested', 'Finance'],
  ['Case management system access tested for all transferring users', 'ICT and data'],
  ['Front-door phone and email routes live', 'ICT and data'],
  ['Ofsted registrations granted or interim arrangements agreed', 'Ofsted registration'],
  ['Insurance in place', 'Insurance'],
  ['Bank accounts live', 'Finance'],
  ['Data sharing agreements signed', 'Information governance'],
  ['Business continuity and rollback plan approved', 'Programme governance'],
  ['Council and trust board approvals', 'Legal and governance'],
  ['DfE and Commissioner content', 'Programme governance'],
];

/**
 * Who owns each demo criterion: a workstream (its leads answer for it) or a demo user. HR's criteria are
 * HR's own (HR leads no workstream as an EDITOR does); the Commissioner's content is the programme manager's.
 */
export const GATE_CRITERION_OWNERS: Readonly<
  Record<string, { workstream: WorkstreamCode } | { user: string }>
> = {
  'Service delivery contract signed': { workstream: 'LEGAL_GOVERNANCE' },
  'Pension admission agreement signed': { user: 'hr@handover.example' },
  'ELI issued on time and consultation complete': { user: 'hr@handover.example' },
  'Payroll parallel run reconciled': { workstream: 'FINANCE' },
  'Foster-carer and placement payments tested': { workstream: 'FINANCE' },
  'Case management system access tested for all transferring users': { workstream: 'ICT_DATA' },
  'Front-door phone and email routes live': { workstream: 'ICT_DATA' },
  'Ofsted registrations granted or interim arrangements agreed': { workstream: 'OFSTED_REGULATION' },
  'Insurance in place': { workstream: 'INSURANCE' },
  'Bank accounts live': { workstream: 'FINANCE' },
  'Data sharing agreements signed': { workstream: 'INFORMATION_GOVERNANCE' },
  'Business continuity and rollback plan approved': { workstream: 'PROGRAMME_GOVERNANCE' },
  'Council and trust board approvals': { workstream: 'LEGAL_GOVERNANCE' },
  'DfE and Commissioner content': { user: 'admin@handover.example' },
};

/** The demo gate's required signatories: accountable role title and the demo user who signs as it. */
export const GATE_SIGNATORIES: readonly (readonly [string, string])[] = [
  ['Director of Children’s Services (DCS)', 'admin@handover.example'],
  ['s151 officer', 'viewer@handover.example'],
  ['Monitoring officer', 'editor@handover.example'],
  ['Trust chief executive', 'hr@handover.example'],
];

/** Workstreams each demo user leads (and so owns the items of). */
const LEADS: Partial<Record<WorkstreamCode, string>> = {
  PROGRAMME_GOVERNANCE: 'admin@handover.example',
  HR_TUPE: 'hr@handover.example',
  PENSIONS: 'hr@handover.example',
  ICT_DATA: 'editor@handover.example',
  OFSTED_REGULATION: 'editor@handover.example',
  PRACTICE_CONTINUITY: 'editor@handover.example',
};

const REF_PREFIX: Record<WorkstreamCode, string> = {
  PROGRAMME_GOVERNANCE: 'PG',
  HR_TUPE: 'HR',
  PENSIONS: 'PEN',
  FINANCE: 'FIN',
  LEGAL_GOVERNANCE: 'LEG',
  ICT_DATA: 'ICT',
  INFORMATION_GOVERNANCE: 'IG',
  OFSTED_REGULATION: 'OFS',
  PROPERTY_ASSETS: 'PROP',
  CONTRACTS_COMMISSIONING: 'CON',
  SUPPORT_SERVICES_SLA: 'SLA',
  COMMUNICATIONS_ENGAGEMENT: 'COM',
  INSURANCE: 'INS',
  HEALTH_SAFETY: 'HS',
  STATUTORY_ROLES: 'STAT',
  SAFEGUARDING_PARTNERSHIP: 'SAFE',
  PRACTICE_CONTINUITY: 'PRAC',
};

const RAID_PREFIX = {
  RISK: 'R',
  ISSUE: 'I',
  ASSUMPTION: 'A',
  DEPENDENCY: 'D',
  DECISION: 'DEC',
  ACTION: 'ACT',
} as const;

const SEED = 20230401;
const BATCH = 500;

export interface SeedResult {
  seeded: boolean;
  programmeId: string;
  counts: Record<string, number>;
}

async function insertInBatches<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** True when the database holds no programme yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('programme')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Loads the demo programme in one transaction; does nothing when a programme exists. */
export async function seedDemo(db: Kysely<Database>): Promise<SeedResult> {
  if (!(await isEmpty(db))) {
    const existing = await db
      .selectFrom('programme')
      .select('id')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    return { seeded: false, programmeId: existing.id, counts: {} };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute((trx) => loadDemo(trx, passwordHash));
}

async function loadDemo(db: Kysely<Database>, passwordHash: string): Promise<SeedResult> {
  const rng = new SeededRandom(SEED);
  const transferAt = transferInstant(DEMO_TRANSFER_DATE);
  const transferDay = londonDate(transferAt);
  const onDay = (offset: number | null) => (offset === null ? null : addCalendarDays(transferDay, offset));

  const orgIds = new Map(organisations.map((o) => [o.key, rng.uuid()]));
  const orgId = (key: string) => {
    const id = orgIds.get(key);
    if (!id) throw new Error(`demo data names an unknown organisation: ${key}`);
    return id;
  };
  await insertInBatches(
    db,
    'organisation',
    organisations.map((o) => ({
      id: orgId(o.key),
      key: o.key,
      name: o.name,
      type: o.type,
      la_code: o.laCode ?? null,
      ons_code: o.onsCode ?? null,
    })),
  );

  const programmeId = rng.uuid();
  await db
    .insertInto('programme')
    .values({
      id: programmeId,
      name: "Bradford children's services transfer",
      description:
        "Transfer of Bradford Council's children's social care, early help and youth justice services, and about " +
        '1,500 staff under TUPE, to the Bradford Children and Families Trust under the statutory direction of ' +
        '9 February 2022.',
      transferor_id: orgId('bradford-council'),
      transferee_id: orgId('bcft'),
      transfer_at: transferAt,
      status: 'SHADOW',
      risk_bands: JSON.stringify(DEFAULT_RISK_BANDS),
    })
    .execute();
  await insertInBatches(
    db,
    'programme_organisation',
    organisations.map((o) => ({ programme_id: programmeId, organisation_id: orgId(o.key) })),
  );

  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const id = rng.uuid();
    userIds.set(u.email, id);
    await db
      .insertInto('app_user')
      .values({ id, email: u.email, name: u.name, role: u.role, password_hash: passwordHash })
      .execute();
  }

  const serviceIds = new Map<string, string>();
  const teams: WorkforceTeam[] = [];
  services.forEach((s, serviceIndex) => {
    serviceIds.set(s.key, rng.uuid());
    for (const t of s.teams) {
      teams.push({
        id: rng.uuid(),
        serviceKey: s.key,
        serviceIndex,
        name: t.name,
        weight: t.weight,
        socialWork: t.socialWork,
      });
    }
  });
  const serviceId = (key: string | undefined) => {
    if (key === undefined) return null;
    const id = serviceIds.get(key);
    if (!id) throw new Error(`demo data names an unknown service: ${key}`);
    return id;
  };
  await insertInBatches(
    db,
    'service',
    services.map((s) => ({
      id: serviceId(s.key)!,
      programme_id: programmeId,
      key: s.key,
      name: s.name,
      description: s.description,
      disposition: s.disposition,
      transfer_status: s.transferStatus,
      shadow_date: onDay(s.shadowOffsetDays),
      go_live_date: onDay(s.goLiveOffsetDays),
    })),
  );
  await insertInBatches(
    db,
    'team',
    teams.map((t) => ({ id: t.id, service_id: serviceId(t.serviceKey)!, name: t.name })),
  );

  const workstreamIds = new Map<WorkstreamCode, string>();
  await insertInBatches(
    db,
    'workstream',
    workstreams.map((w) => {
      const id = rng.uuid();
      workstreamIds.set(w.code, id);
      const lead = LEADS[w.code];
      return {
        id,
        programme_id: programmeId,
        code: w.code,
        name: w.name,
        description: w.description,
        lead_organisation_id: orgId(w.leadOrganisationKey),
        lead_user_id: lead ? userIds.get(lead)! : null,
      };
    }),
  );
  const workstreamId = (code: WorkstreamCode | undefined) => (code ? workstreamIds.get(code)! : null);
  // Each demo EDITOR leads (and so may change the items of) the workstreams named as theirs.
  const editors = new Set(DEMO_USERS.filter((u) => u.role === 'EDITOR').map((u) => u.email));
  await insertInBatches(
    db,
    'user_workstream',
    workstreams.flatMap((w) => {
      const lead = LEADS[w.code];
      return lead && editors.has(lead)
        ? [{ user_id: userIds.get(lead)!, workstream_id: workstreamIds.get(w.code)! }]
        : [];
    }),
  );

  const itemIds = new Map<string, string>();
  // Durations (working days, for the critical path): most of the working days between the last due date of
  // what an item waits on and its own due date (half of them, 1 to 10); for an item that waits on nothing, 3 to 10 days
  // from a generator of its own, so that adding durations changed none of the other demo data.
  const durations = new SeededRandom(SEED + 1);
  const offsets = new Map(checklistItems.map((i) => [i.key, i.dueOffsetDays]));
  const durationOf = (item: (typeof checklistItems)[number]): number => {
    const before = item.dependsOn.map((d) => offsets.get(d)).filter((o): o is number => o !== undefined);
    if (before.length === 0) return durations.int(3, 10);
    const window = item.dueOffsetDays - Math.max(...before);
    return Math.min(10, Math.max(1, Math.round(((window * 5) / 7) * 0.5)));
  };
  const refCounters = new Map<WorkstreamCode, number>();
  const itemRows: Insertable<ChecklistItemTable>[] = checklistItems.map((item) => {
    const id = rng.uuid();
    if (itemIds.has(item.key)) throw new Error(`demo checklist key repeated: ${item.key}`);
    itemIds.set(item.key, id);
    const n = (refCounters.get(item.workstream) ?? 0) + 1;
    refCounters.set(item.workstream, n);
    const lead = LEADS[item.workstream];
    return {
      id,
      programme_id: programmeId,
      workstream_id: workstreamId(item.workstream)!,
      service_id: serviceId(item.serviceKey),
      ref: `${REF_PREFIX[item.workstream]}-${String(n).padStart(3, '0')}`,
      title: item.title,
      description: item.description,
      owner_org: item.ownerOrg,
      owner_user_id: lead ? userIds.get(lead)! : null,
      due_date: onDay(item.dueOffsetDays),
      // Dated from the transfer day, as a template's items are: a what-if re-dates it.
      due_offset_days: item.dueOffsetDays,
      day_one_critical: item.dayOneCritical,
      status: item.status,
      evidence: item.evidence ?? [],
      duration_days: durationOf(item),
    };
  });
  await insertInBatches(db, 'checklist_item', itemRows);
  const dependencies = checklistItems.flatMap((item) =>
    item.dependsOn.map((dep) => {
      const dependsOn = itemIds.get(dep);
      if (!dependsOn) throw new Error(`demo checklist item ${item.key} depends on unknown ${dep}`);
      return { item_id: itemIds.get(item.key)!, depends_on_id: dependsOn };
    }),
  );
  await insertInBatches(db, 'checklist_dependency', dependencies);

  await insertInBatches(
    db,
    'milestone',
    milestones.map((m) => ({
      id: rng.uuid(),
      programme_id: programmeId,
      workstream_id: workstreamId(m.workstream),
      service_id: serviceId(m.serviceKey),
      name: m.name,
      description: m.description,
      baseline_date: m.baselineDate,
      forecast_date: m.forecastDate,
      actual_date: m.actualDate,
      rag: m.rag,
      critical: m.critical,
      // Owned by the lead of its workstream, as its items are.
      owner_user_id: m.workstream && LEADS[m.workstream] ? userIds.get(LEADS[m.workstream]!)! : null,
    })),
  );

  const raidCounters = new Map<string, number>();
  const raidRows: Insertable<RaidItemTable>[] = raidItems.map((r) => {
    const n = (raidCounters.get(r.type) ?? 0) + 1;
    raidCounters.set(r.type, n);
    return {
      id: rng.uuid(),
      programme_id: programmeId,
      ref: `${RAID_PREFIX[r.type]}-${String(n).padStart(3, '0')}`,
      type: r.type,
      title: r.title,
      statement: r.statement,
      workstream_id: workstreamId(r.workstream),
      owner_organisation_id: orgId(r.ownerOrganisationKey),
      owner_user_id: r.workstream && LEADS[r.workstream] ? userIds.get(LEADS[r.workstream]!)! : null,
      status: r.status,
      response: r.response,
      response_plan: r.responsePlan,
      due_date: onDay(r.dueOffsetDays),
      inherent_likelihood: r.inherent?.likelihood ?? null,
      inherent_impact: r.inherent?.impact ?? null,
      residual_likelihood: r.residual?.likelihood ?? null,
      residual_impact: r.residual?.impact ?? null,
      target_likelihood: r.target?.likelihood ?? null,
      target_impact: r.target?.impact ?? null,
      closed_at: r.status === 'CLOSED' ? new Date('2023-02-01T12:00:00Z') : null,
    };
  });
  await insertInBatches(db, 'raid_item', raidRows);

  const { posts, employees, figures } = buildWorkforce(rng, programmeId, services, teams);
  await insertInBatches(db, 'post', posts);
  await insertInBatches(db, 'employee', employees);
  // The text that quotes the workforce (agency cover) says what the rows say: filled in from them.
  for (const row of itemRows.filter((r) => r.description?.includes('{'))) {
    await db
      .updateTable('checklist_item')
      .set({ description: withWorkforceFigures(row.description!, figures) })
      .where('id', '=', row.id!)
      .execute();
  }
  for (const row of raidRows.filter((r) => r.statement?.includes('{'))) {
    await db
      .updateTable('raid_item')
      .set({ statement: withWorkforceFigures(row.statement, figures) })
      .where('id', '=', row.id!)
      .execute();
  }

  // After the workforce, so that adding these left every earlier ID as it was.
  const agreementRows = agreements.map((a) => ({
    id: rng.uuid(),
    programme_id: programmeId,
    ref: a.ref,
    title: a.title,
    purpose: a.purpose,
    lawful_basis: a.lawfulBasis,
    special_category_condition: a.specialCategoryCondition,
    legal_gateway: a.legalGateway,
    datasets: a.datasets,
    start_date: a.startDate,
    review_date: a.reviewDate,
    end_date: a.endDate,
  }));
  await insertInBatches(db, 'data_sharing_agreement', agreementRows);
  await insertInBatches(
    db,
    'data_sharing_agreement_party',
    agreements.flatMap((a, i) =>
      a.partyKeys.map((key) => ({ agreement_id: agreementRows[i]!.id, organisation_id: orgId(key) })),
    ),
  );
  await insertInBatches(
    db,
    'contact_route',
    contactRoutes.map((r) => ({
      id: rng.uuid(),
      programme_id: programmeId,
      service_id: r.serviceKey === null ? null : serviceId(r.serviceKey),
      organisation_id: orgId(r.organisationKey),
      audience: r.audience,
      channel: r.channel,
      label: r.label,
      value: r.value,
      hours: r.hours,
      from_date: r.fromDate,
      to_date: r.toDate,
    })),
  );

  // Last, so that adding these left every earlier ID as it was. The decisions on the employee rows
  // begin their history (made by HR in January); half the disputed decisions are under appeal.
  const hrUser = userIds.get('hr@handover.example')!;
  const decided = employees.filter((e) => e.assignment_decision);
  const costCentreOfPost = new Map(posts.map((p) => [p.id!, p.cost_centre]));
  /** The share of time a seeded rationale names ("Works 85% of their time..."); none for the rest. */
  const shareIn = (rationale: string | null | undefined): number | null => {
    const m = /(\d+)%/.exec(rationale ?? '');
    return m ? Number(m[1]) : null;
  };
  await insertInBatches(
    db,
    'assignment_decision_record',
    decided.map((e) => ({
      id: rng.uuid(),
      employee_id: e.id!,
      decision: e.assignment_decision!,
      time_on_service_percent: shareIn(e.assignment_rationale),
      // Where the post is charged: its cost centre, as the decision form offers it.
      charged_to: costCentreOfPost.get(e.post_id!) ?? '',
      rationale: e.assignment_rationale ?? '',
      source: 'DECISION' as const,
      decided_by: hrUser,
      decided_at: new Date('2023-01-16T10:00:00Z'),
    })),
  );
  const disputed = employees.filter((e) => e.assignment_decision === 'DISPUTED');
  await insertInBatches(
    db,
    'assignment_appeal',
    disputed
      .filter((_e, i) => i % 2 === 0)
      .map((e) => ({
        id: rng.uuid(),
        employee_id: e.id!,
        lodged_on: '2023-02-01',
        sought_decision: 'NOT_ASSIGNED' as const,
        outcome: 'PENDING' as const,
        outcome_on: null,
        note: 'Appeal lodged: says most of their work is for the retained service.',
        recorded_by: hrUser,
      })),
  );
  // TUPE paperwork (measures, consultation meetings, the admission agreement): after all the above.
  await insertInBatches(
    db,
    'tupe_measure',
    measures.map((m) => ({
      id: rng.uuid(),
      programme_id: programmeId,
      description: m.description,
      envisaged_by: m.envisagedBy,
      groups_affected: m.groupsAffected,
      consultation_required: m.consultationRequired,
      notified_on: m.notifiedOn,
    })),
  );
  await insertInBatches(
    db,
    'consultation_meeting',
    meetings.map((m) => ({
      id: rng.uuid(),
      programme_id: programmeId,
      held_on: m.heldOn,
      unions: m.unions,
      other_union: m.otherUnion,
      attendees: m.attendees,
      issues_raised: m.issuesRaised,
      minutes_url: m.minutesUrl,
    })),
  );
  await db
    .insertInto('pension_admission_agreement')
    .values({
      id: rng.uuid(),
      programme_id: programmeId,
      fund_name: admissionAgreement.fundName,
      admission: admissionAgreement.admission,
      guarantor: admissionAgreement.guarantor,
      employer_rate: admissionAgreement.employerRate,
      pass_through: admissionAgreement.passThrough,
      bond_note: admissionAgreement.bondNote,
      signed_on: admissionAgreement.signedOn,
    })
    .execute();
  // The practical timeline steps HR had recorded as done by the snapshot day.
  await insertInBatches(db, 'tupe_step_record', [
    {
      id: rng.uuid(),
      programme_id: programmeId,
      step: 'ASSIGNMENT_COMPLETE',
      done_on: '2023-01-06',
      recorded_by: null,
    },
    {
      id: rng.uuid(),
      programme_id: programmeId,
      step: 'PROVISIONAL_LIST_TO_STAFF',
      done_on: '2023-01-20',
      recorded_by: null,
    },
  ]);

  // The go/no-go gate (DOMAIN.md 6.6): its criteria, all still to be judged, and the four accountable
  // signatories, each a demo user (sign-in role and accountable title are different things), nothing signed.
  const gateId = rng.uuid();
  await db
    .insertInto('gate')
    .values({
      id: gateId,
      programme_id: programmeId,
      name: 'Go/no-go: 1 April 2023',
      decision_due: '2023-03-24',
    })
    .execute();
  await insertInBatches(
    db,
    'gate_criterion',
    GATE_CRITERIA.map(([title, owner], position) => {
      const by = GATE_CRITERION_OWNERS[title];
      return {
        id: rng.uuid(),
        gate_id: gateId,
        position,
        title,
        owner,
        owner_user_id: by && 'user' in by ? userIds.get(by.user)! : null,
        owner_workstream_id: by && 'workstream' in by ? workstreamIds.get(by.workstream)! : null,
      };
    }),
  );
  await insertInBatches(
    db,
    'gate_signatory',
    GATE_SIGNATORIES.map(([roleTitle, email], position) => ({
      id: rng.uuid(),
      gate_id: gateId,
      position,
      role_title: roleTitle,
      user_id: userIds.get(email)!,
    })),
  );
  // The built-in checklist templates (the same rows at every start: see builtin-templates.ts).
  const checklistTemplates = await loadBuiltInTemplates(db);

  return {
    seeded: true,
    programmeId,
    counts: {
      checklistTemplates,
      organisations: organisations.length,
      services: services.length,
      teams: teams.length,
      workstreams: workstreams.length,
      checklistItems: itemRows.length,
      dependencies: dependencies.length,
      milestones: milestones.length,
      raidItems: raidRows.length,
      posts: posts.length,
      employees: employees.length,
      users: DEMO_USERS.length,
      dataSharingAgreements: agreementRows.length,
      contactRoutes: contactRoutes.length,
      measures: measures.length,
      consultationMeetings: meetings.length,
      gateCriteria: GATE_CRITERIA.length,
      gateSignatories: GATE_SIGNATORIES.length,
    },
  };
}
