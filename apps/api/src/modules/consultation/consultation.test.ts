import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const MEETING = 'id heldOn unions otherUnion attendees issuesRaised minutesUrl version';
const MEASURE = 'id description envisagedBy groupsAffected consultationRequired notifiedOn version';
const ERR =
  '... on Error { message } ... on ValidationError { field } ... on ConflictError { currentVersion }';

interface Answer {
  __typename: string;
  id?: string;
  version?: number;
  message?: string;
  field?: string;
  currentVersion?: number;
  [key: string]: unknown;
}

async function run(
  api: TestApi,
  name: string,
  inputType: string,
  selection: string,
  input: object,
  token: string,
  errors = ERR,
) {
  const res = await api.gql<Record<string, Answer>>(
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename ${selection} ${errors} } }`,
    { input },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data![name]!;
}

describe('measures and consultation', () => {
  let api: TestApi;
  let hr: string;
  let programmeId: string;

  beforeAll(async () => {
    api = await startTestApi();
    hr = await api.login('HR');
    programmeId = await api.programmeId();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const meeting = (input: object) =>
    run(
      api,
      'createConsultationMeeting',
      'CreateConsultationMeetingInput',
      `... on ConsultationMeeting { ${MEETING} }`,
      { programmeId, ...input },
      hr,
    );

  it('records a meeting with the unions, its attendees, issues and a minutes link', async () => {
    const m = await meeting({
      heldOn: '2023-02-14',
      unions: ['UNITE', 'UNISON', 'UNISON'],
      attendees: ['UNISON branch secretary', ' ', 'Unite convenor'],
      issuesRaised: ['Car allowance', 'Car allowance', 'Flexi balances'],
      minutesUrl: 'https://intranet.example/minutes/2023-02-14',
    });
    expect(m).toMatchObject({
      __typename: 'ConsultationMeeting',
      unions: ['UNISON', 'UNITE'],
      attendees: ['UNISON branch secretary', 'Unite convenor'],
      issuesRaised: ['Car allowance', 'Flexi balances'],
      version: 1,
    });
    const res = await api.gql<{ programme: { consultationMeetings: { heldOn: string }[] } }>(
      'query ($id: ID!) { programme(id: $id) { consultationMeetings { heldOn } } }',
      { id: programmeId },
      await api.login('VIEWER'),
    );
    expect(res.data!.programme.consultationMeetings.map((x) => x.heldOn)).toEqual([
      '2023-01-30',
      '2023-02-13',
      '2023-02-14',
    ]);
  });

  it('refuses a bad minutes link, a future date, no union, and OTHER without its name, saving nothing', async () => {
    const before = (await api.handle.db.selectFrom('consultation_meeting').select('id').execute()).length;
    expect(
      await meeting({ heldOn: '2023-02-14', unions: ['GMB'], minutesUrl: 'javascript:alert(1)' }),
    ).toMatchObject({
      __typename: 'ValidationError',
      field: 'minutesUrl',
    });
    expect(
      await meeting({ heldOn: '2023-02-14', unions: ['GMB'], minutesUrl: 'https://not a link' }),
    ).toMatchObject({
      field: 'minutesUrl',
    });
    expect(await meeting({ heldOn: '2023-02-16', unions: ['GMB'] })).toMatchObject({ field: 'heldOn' });
    expect(await meeting({ heldOn: '2023-02-14', unions: [] })).toMatchObject({ field: 'unions' });
    const other = await meeting({ heldOn: '2023-02-14', unions: ['OTHER'] });
    expect(other).toMatchObject({ field: 'otherUnion', message: 'otherUnion: name the other union' });
    expect((await api.handle.db.selectFrom('consultation_meeting').select('id').execute()).length).toBe(
      before,
    );
  });

  it('updates a meeting at the version read, and answers a stale version with a conflict', async () => {
    const m = await meeting({ heldOn: '2023-02-10', unions: ['OTHER'], otherUnion: 'NASUWT' });
    const update = (expectedVersion: number, input: object) =>
      run(
        api,
        'updateConsultationMeeting',
        'UpdateConsultationMeetingInput',
        `... on ConsultationMeeting { ${MEETING} }`,
        { id: m.id, expectedVersion, ...input },
        hr,
      );
    expect(await update(1, { issuesRaised: ['Job evaluation'] })).toMatchObject({
      version: 2,
      otherUnion: 'NASUWT',
    });
    expect(await update(1, { issuesRaised: [] })).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: 2,
    });
  });

  it('records measures each side envisages; staff read them; only HR writes', async () => {
    const created = await run(
      api,
      'createTupeMeasure',
      'CreateTupeMeasureInput',
      `... on TupeMeasure { ${MEASURE} }`,
      {
        programmeId,
        description: 'Mileage paid through trust expenses system',
        envisagedBy: 'TRANSFEREE',
        groupsAffected: ['Field social workers'],
        consultationRequired: true,
        notifiedOn: '2023-02-14',
      },
      hr,
    );
    expect(created).toMatchObject({ __typename: 'TupeMeasure', envisagedBy: 'TRANSFEREE', version: 1 });
    const stale = await run(
      api,
      'updateTupeMeasure',
      'UpdateTupeMeasureInput',
      `... on TupeMeasure { ${MEASURE} }`,
      { id: created.id, expectedVersion: 2, consultationRequired: false },
      hr,
    );
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 1 });
    const editor = await api.login('EDITOR');
    const res = await api.gql<{ programme: { measures: { description: string }[] } }>(
      'query ($id: ID!) { programme(id: $id) { measures { description envisagedBy } } }',
      { id: programmeId },
      editor,
    );
    expect(res.data!.programme.measures.map((m) => m.description)).toContain(
      'Mileage paid through trust expenses system',
    );
    const refused = await api.gql(
      'mutation ($input: CreateTupeMeasureInput!) { createTupeMeasure(input: $input) { __typename } }',
      { input: { programmeId, description: 'x', envisagedBy: 'TRANSFEROR', consultationRequired: false } },
      editor,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('measures letters', () => {
  let api: TestApi;
  let hr: string;
  let programmeId: string;
  const RECORD = `... on MeasuresLettersRecorded { recorded skipped sentOn summary { transferringCount sentCount notSentCount lastSentOn } }`;

  beforeAll(async () => {
    api = await startTestApi();
    hr = await api.login('HR');
    programmeId = await api.programmeId();
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });

  const record = (input: object) =>
    run(
      api,
      'recordMeasuresLetters',
      'RecordMeasuresLettersInput',
      RECORD,
      { programmeId, ...input },
      hr,
      '... on Error { message } ... on ValidationError { field }',
    );

  it('records letters for a team, then for everyone else, skipping those already sent', async () => {
    const team = await api.handle.db
      .selectFrom('employee as e')
      .innerJoin('post as p', 'p.id', 'e.post_id')
      .select((eb) => ['p.team_id', eb.fn.countAll<number>().as('n')])
      .where('e.tupe_status', '=', 'IN_SCOPE_ASSIGNED')
      .groupBy('p.team_id')
      .orderBy('p.team_id')
      .executeTakeFirstOrThrow();
    const teamId = Buffer.from(`Team:${team.team_id}`).toString('base64');
    const first = await record({ sentOn: '2023-02-10', teamId });
    expect(first).toMatchObject({ recorded: Number(team.n), skipped: 0 });
    const transferring = (first.summary as { transferringCount: number }).transferringCount;

    const all = await record({ sentOn: '2023-02-14' });
    expect(all).toMatchObject({ recorded: transferring - Number(team.n), skipped: Number(team.n) });
    expect(all.summary).toMatchObject({ sentCount: transferring, notSentCount: 0, lastSentOn: '2023-02-14' });
    // The team's letters keep the date they were sent.
    const dates = await api.handle.db
      .selectFrom('measures_letter')
      .select('sent_on')
      .distinct()
      .orderBy('sent_on')
      .execute();
    expect(dates.map((d) => d.sent_on)).toEqual(['2023-02-10', '2023-02-14']);

    const again = await record({ sentOn: '2023-02-15' });
    expect(again).toMatchObject({ recorded: 0, skipped: transferring });
  });

  it('refuses a future date and a team of no programme', async () => {
    expect(await record({ sentOn: '2023-02-16' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'sentOn',
    });
    const unknown = Buffer.from('Team:00000000-0000-4000-8000-000000000000').toString('base64');
    expect(await record({ sentOn: '2023-02-15', teamId: unknown })).toMatchObject({ field: 'teamId' });
  });

  it("keeps each person's letter HR only; others see counts", async () => {
    const viewer = await api.login('VIEWER');
    const counts = await api.gql<{
      programme: { measuresLetters: { sentCount: number; byTeam: { sent: number }[] } };
    }>(
      'query ($id: ID!) { programme(id: $id) { measuresLetters { sentCount byTeam { team { name } transferring sent } } } }',
      { id: programmeId },
      viewer,
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.programme.measuresLetters.sentCount).toBeGreaterThan(900);
    const q =
      'query ($id: ID!) { programme(id: $id) { measuresLetterRecipients(first: 5) { totalCount edges { node { sentOn employee { payrollNumber } } } } } }';
    const refused = await api.gql(q, { id: programmeId }, viewer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await api.gql<{
      programme: { measuresLetterRecipients: { totalCount: number; edges: { node: { sentOn: string } }[] } };
    }>(q, { id: programmeId }, hr);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.programme.measuresLetterRecipients.totalCount).toBe(
      counts.data!.programme.measuresLetters.sentCount,
    );
    expect(allowed.data!.programme.measuresLetterRecipients.edges[0]!.node.sentOn).toMatch(/^2023-02-1[04]$/);
    const trail = await api.handle.db
      .selectFrom('audit_event')
      .select(['fields', 'reason', 'entity_id'])
      .where('operation', '=', 'recordMeasuresLetters')
      .where('kind', '=', 'WRITE')
      .execute();
    expect(trail.map((t) => t.reason)).toEqual([
      expect.stringMatching(/^recorded \d+, skipped 0, one team$/),
      expect.stringMatching(/^recorded \d+, skipped \d+$/),
      expect.stringMatching(/^recorded 0, skipped \d+$/),
    ]);
    expect(trail.every((t) => t.fields.join() === 'employee_id,sent_on')).toBe(true);
  });
});
