import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { HandoverDb } from '../create-db.ts';
import { migrateToLatest } from '../migrator.ts';
import { openTestDatabase } from '../testing.ts';
import { serviceStatusContradiction } from '@handover/domain';
import { DEMO_USERS, isEmpty, seedDemo } from './index.ts';
import { REGISTERED_SOCIAL_WORK_TITLES } from './workforce.ts';

describe('demo seed', () => {
  let handle: HandoverDb;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle?.close());

  const count = async (
    table:
      | 'service'
      | 'employee'
      | 'post'
      | 'checklist_item'
      | 'milestone'
      | 'raid_item'
      | 'workstream'
      | 'checklist_dependency',
  ) =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('holds the Bradford programme at the size the issue asks for', async () => {
    const programme = await handle.db.selectFrom('programme').selectAll().executeTakeFirstOrThrow();
    expect(programme.name).toMatch(/Bradford/);
    expect(programme.transfer_at.toISOString()).toBe('2023-03-31T23:00:00.000Z');
    expect(await count('service')).toBeGreaterThanOrEqual(20);
    expect(await count('workstream')).toBe(17);
    expect(await count('checklist_item')).toBeGreaterThanOrEqual(300);
    expect(await count('checklist_dependency')).toBeGreaterThan(100);
    expect(await count('milestone')).toBeGreaterThanOrEqual(25);
    expect(await count('raid_item')).toBeGreaterThanOrEqual(40);
    // Everyone in a post (the council's employees, agency workers, secondees in), and the empty posts.
    const people = await count('employee');
    const posts = await count('post');
    expect(posts).toBeGreaterThan(1900);
    expect(posts).toBeLessThan(2100);
    const vacant = await handle.db.selectFrom('post').select('id').where('vacant', '=', true).execute();
    expect(vacant.length).toBe(posts - people);
  });

  describe('agrees with the published figures and with itself (DOMAIN.md 4.3, 8)', () => {
    const NOT_EMPLOYEES = ['AGENCY_WORKER', 'SECONDEE_IN'] as const;

    it('transfers about 1,500 of the council’s employees (within 5%), and no agency worker or secondee', async () => {
      const rows = await handle.db
        .selectFrom('employee')
        .select(['contract_type', 'tupe_status'])
        .where('tupe_status', '=', 'IN_SCOPE_ASSIGNED')
        .execute();
      expect(rows.filter((r) => (NOT_EMPLOYEES as readonly string[]).includes(r.contract_type))).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(1425);
      expect(rows.length).toBeLessThanOrEqual(1575);
      const notEmployees = await handle.db
        .selectFrom('employee')
        .select(['assignment_decision', 'assignment_rationale'])
        .where('contract_type', 'in', NOT_EMPLOYEES)
        .execute();
      expect(notEmployees.length).toBeGreaterThan(150);
      for (const e of notEmployees) {
        expect(e.assignment_decision).toBe('NOT_ASSIGNED');
        expect(e.assignment_rationale).toMatch(/not the council|home organisation/);
      }
    });

    it('has agency workers in 40-46% of registered social-work posts, each covering a post no council employee holds', async () => {
      const registered = await handle.db
        .selectFrom('post')
        .leftJoin('employee', 'employee.post_id', 'post.id')
        .select(['post.id', 'post.vacant', 'employee.contract_type', 'employee.id as employee_id'])
        .where('post.title', 'in', REGISTERED_SOCIAL_WORK_TITLES)
        .execute();
      const postIds = new Set(registered.map((r) => r.id));
      // One person per post at most: an agency worker covers a post that no council employee holds.
      expect(registered.length).toBe(postIds.size);
      expect(postIds.size).toBeGreaterThan(400);
      expect(postIds.size).toBeLessThan(500);
      const agency = registered.filter((r) => r.contract_type === 'AGENCY_WORKER').length;
      const withoutCouncilEmployee = registered.filter(
        (r) =>
          r.employee_id === null || (NOT_EMPLOYEES as readonly (string | null)[]).includes(r.contract_type),
      ).length;
      expect(agency).toBeLessThanOrEqual(withoutCouncilEmployee);
      expect(agency / postIds.size).toBeGreaterThanOrEqual(0.4);
      expect(agency / postIds.size).toBeLessThanOrEqual(0.46);
      // Empty registered posts stay few: most of the gap is covered by agency workers.
      const empty = registered.filter((r) => r.employee_id === null).length;
      expect(empty).toBe(registered.filter((r) => r.vacant).length);
      expect(empty / postIds.size).toBeLessThan(0.15);

      // The demo's own text quotes these same figures.
      const share = `${Math.round((agency / postIds.size) * 100)}%`;
      const risk = await handle.db
        .selectFrom('raid_item')
        .select('statement')
        .where('title', '=', 'Dependence on agency social workers')
        .executeTakeFirstOrThrow();
      expect(risk.statement).toContain(
        `${share} of registered social work posts (${agency} of ${postIds.size})`,
      );
      const item = await handle.db
        .selectFrom('checklist_item')
        .select('description')
        .where('title', '=', 'Re-let agency worker arrangements to the trust')
        .executeTakeFirstOrThrow();
      expect(item.description).toContain(`About ${share} of registered social work posts`);
      const texts = await sql<{ n: number }>`select
        (select count(*) from raid_item where statement like '%{%') + (select count(*) from checklist_item where description like '%{%') as n`.execute(
        handle.db,
      );
      expect(Number(texts.rows[0]!.n)).toBe(0);
    });
  });

  it('gives each role one demo sign-in', async () => {
    const users = await handle.db.selectFrom('app_user').select(['email', 'role']).orderBy('email').execute();
    expect(users).toEqual(
      DEMO_USERS.map(({ email, role }) => ({ email, role })).sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it('keeps the real dispositions: children’s social care transfers, education and SEND stay', async () => {
    const services = await handle.db.selectFrom('service').select(['key', 'disposition']).execute();
    const byKey = Object.fromEntries(services.map((s) => [s.key, s.disposition]));
    expect(byKey['front-door']).toBe('TRANSFERS');
    expect(byKey['fostering']).toBe('TRANSFERS');
    expect(byKey['send']).toBe('RETAINED_BY_COUNCIL');
    expect(byKey['school-improvement']).toBe('RETAINED_BY_COUNCIL');
    expect(byKey['adoption']).toBe('REGIONAL');
  });

  it('claims no transfer status its readiness contradicts (no service READY with a day-one critical item open)', async () => {
    const services = await handle.db.selectFrom('service').select(['id', 'key', 'disposition', 'transfer_status']).execute();
    const open = await handle.db
      .selectFrom('checklist_item')
      .select(['service_id', 'ref', 'title'])
      .where('day_one_critical', '=', true)
      .where('status', 'not in', ['COMPLETE', 'NOT_APPLICABLE'])
      .execute();
    const contradictions = services.flatMap((s) => {
      const text = serviceStatusContradiction(s.transfer_status, {
        disposition: s.disposition,
        openDayOneCritical: open.filter((i) => i.service_id === s.id),
      });
      return text ? [`${s.key}: ${text}`] : [];
    });
    expect(contradictions).toEqual([]);
    // Two services have every day-one critical item closed and are ready; the front door (MASH) is not.
    expect(services.filter((s) => s.transfer_status === 'READY').map((s) => s.key).sort()).toEqual([
      'child-in-need',
      'edge-of-care',
    ]);
  });

  it('has no dependency cycle and no item due before what it depends on', async () => {
    const late = await handle.db
      .selectFrom('checklist_dependency as d')
      .innerJoin('checklist_item as item', 'item.id', 'd.item_id')
      .innerJoin('checklist_item as dep', 'dep.id', 'd.depends_on_id')
      .select(['item.ref', 'dep.ref as dep_ref'])
      .whereRef('dep.due_date', '>', 'item.due_date')
      .execute();
    expect(late).toEqual([]);
    const cycles = await sql<{ ref: string }>`
      with recursive reach(start_id, item_id) as (
        select item_id, depends_on_id from checklist_dependency
        union
        select r.start_id, d.depends_on_id from reach r join checklist_dependency d on d.item_id = r.item_id
      )
      select i.ref from reach r join checklist_item i on i.id = r.start_id where r.start_id = r.item_id`.execute(
      handle.db,
    );
    expect(cycles.rows).toEqual([]);
  });

  it('does nothing when a programme exists', async () => {
    const before = await count('employee');
    const result = await seedDemo(handle.db);
    expect(result.seeded).toBe(false);
    expect(await count('employee')).toBe(before);
  });

  it('is deterministic: a second database gets the same people with the same ids', async () => {
    const fresh = await openTestDatabase({ seeded: false });
    try {
      await migrateToLatest(fresh.db);
      expect(await isEmpty(fresh.db)).toBe(true);
      await seedDemo(fresh.db);
      const pick = (db: HandoverDb) =>
        db.db
          .selectFrom('employee')
          .select(['id', 'payroll_number', 'first_name', 'last_name', 'ni_number', 'salary'])
          .orderBy('payroll_number')
          .limit(25)
          .execute();
      expect(await pick(fresh)).toEqual(await pick(handle));
    } finally {
      await fresh.close();
    }
  });
});

describe('demo partner data', () => {
  it('holds data sharing agreements, each with parties, and contact routes that hand over at go-live', async () => {
    const handle = await openTestDatabase();
    try {
      const agreements = await handle.db.selectFrom('data_sharing_agreement').select(['id', 'ref']).execute();
      expect(agreements.length).toBeGreaterThanOrEqual(5);
      const parties = await handle.db
        .selectFrom('data_sharing_agreement_party')
        .select('agreement_id')
        .execute();
      for (const a of agreements) expect(parties.some((p) => p.agreement_id === a.id)).toBe(true);
      const frontDoor = await handle.db
        .selectFrom('contact_route')
        .innerJoin('service', 'service.id', 'contact_route.service_id')
        .innerJoin('organisation', 'organisation.id', 'contact_route.organisation_id')
        .select(['organisation.key', 'contact_route.from_date', 'contact_route.to_date'])
        .where('service.key', '=', 'front-door')
        .execute();
      expect(frontDoor.some((r) => r.key === 'bradford-council' && r.to_date === '2023-03-31')).toBe(true);
      expect(frontDoor.some((r) => r.key === 'bcft' && r.from_date === '2023-04-01')).toBe(true);
      expect(await handle.db.selectFrom('api_token').select('id').execute()).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
