import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const TIMELINE = `query ($id: ID!) { programme(id: $id) { tupeTimeline {
  step label daysBeforeTransfer basis source dueDate state doneOn late daysLate daysToDue recordable
} } }`;

interface Step {
  step: string;
  dueDate: string;
  state: string;
  doneOn: string | null;
  late: boolean;
  daysLate: number;
  recordable: boolean;
}

describe('the TUPE timeline', () => {
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

  const timeline = async (token = hr) => {
    const res = await api.gql<{ programme: { tupeTimeline: Step[] } }>(TIMELINE, { id: programmeId }, token);
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(res.data!.programme.tupeTimeline.map((s) => [s.step, s]));
  };

  it('reads each step’s state from the demo data, for every staff role', async () => {
    for (const role of ['VIEWER', 'EDITOR', 'ADMIN'] as const) await timeline(await api.login(role));
    const t = await timeline();
    expect(t.ASSIGNMENT_COMPLETE).toMatchObject({ state: 'DONE', doneOn: '2023-01-06', late: false });
    // The first meeting with the unions was two days after the practice date.
    expect(t.CONSULTATION_STARTS).toMatchObject({
      state: 'DONE',
      doneOn: '2023-01-30',
      late: true,
      daysLate: 2,
    });
    expect(t.TRANSFEREE_MEASURES_RECEIVED).toMatchObject({ state: 'DONE', doneOn: '2023-01-27' });
    expect(t.MEASURES_LETTERS_SENT).toMatchObject({ state: 'DUE_SOON', dueDate: '2023-02-18' });
    expect(t.ELI_SENT).toMatchObject({ state: 'UPCOMING', dueDate: '2023-03-04', recordable: false });
    expect(t.PENSION_ADMISSION_SIGNED).toMatchObject({ state: 'UPCOMING', doneOn: null });
    expect(t.TRANSFER_DAY).toMatchObject({ dueDate: '2023-04-01', state: 'UPCOMING' });
  });

  it('moves steps to DONE as the records are made: letters to everyone, ELI sent, agreement signed', async () => {
    const letters = await api.gql(
      'mutation ($input: RecordMeasuresLettersInput!) { recordMeasuresLetters(input: $input) { __typename } }',
      { input: { programmeId, sentOn: '2023-02-15' } },
      hr,
    );
    expect(letters.errors).toBeUndefined();
    const created = await api.gql<{ createEliPackage: { id: string } }>(
      'mutation ($input: CreateEliPackageInput!) { createEliPackage(input: $input) { ... on EliPackage { id } } }',
      { input: { programmeId, categories: ['IDENTITY_AND_AGE'] } },
      hr,
    );
    await api.gql(
      'mutation ($input: SendEliPackageInput!) { sendEliPackage(input: $input) { __typename } }',
      { input: { id: created.data!.createEliPackage.id, expectedVersion: 1, sentOn: '2023-02-15' } },
      hr,
    );
    const t = await timeline();
    expect(t.MEASURES_LETTERS_SENT).toMatchObject({ state: 'DONE', doneOn: '2023-02-15', late: false });
    expect(t.ELI_SENT).toMatchObject({ state: 'DONE', doneOn: '2023-02-15' });
  });

  it('records a practical step by hand (HR only), refuses a step the data shows, and clears a record', async () => {
    const RECORD = `mutation ($input: RecordTupeStepInput!) { recordTupeStep(input: $input) {
      __typename ... on TupeStepRecorded { cleared } ... on Error { message } ... on ValidationError { field } } }`;
    const record = (input: object, token = hr) =>
      api.gql<{ recordTupeStep: Record<string, unknown> }>(
        RECORD,
        { input: { programmeId, ...input } },
        token,
      );
    expect(
      (await record({ step: 'FINAL_LIST_AGREED', doneOn: '2023-02-16' })).data!.recordTupeStep,
    ).toMatchObject({
      field: 'doneOn',
    });
    expect((await record({ step: 'ELI_SENT', doneOn: '2023-02-14' })).errors?.[0]?.message).toMatch(
      /ELI_SENT/,
    );
    expect(
      (await record({ step: 'FINAL_LIST_AGREED', doneOn: '2023-02-14' }, await api.login('EDITOR')))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    expect(
      (await record({ step: 'PAYROLL_PARALLEL_RUN', doneOn: '2023-02-14' })).data!.recordTupeStep,
    ).toMatchObject({ cleared: false });
    expect((await timeline()).PAYROLL_PARALLEL_RUN).toMatchObject({
      state: 'DONE',
      doneOn: '2023-02-14',
      recordable: true,
    });
    expect((await record({ step: 'PAYROLL_PARALLEL_RUN', doneOn: null })).data!.recordTupeStep).toMatchObject(
      { cleared: true },
    );
    expect((await timeline()).PAYROLL_PARALLEL_RUN).toMatchObject({ state: 'UPCOMING', doneOn: null });
  });
});

describe('the TUPE timeline after the due dates', () => {
  it('shows open steps past their due date as OVERDUE and late', async () => {
    const api = await startTestApi({ today: '2023-03-20' });
    try {
      const res = await api.gql<{ programme: { tupeTimeline: Step[] } }>(
        TIMELINE,
        { id: await api.programmeId() },
        await api.login('VIEWER'),
      );
      const t = Object.fromEntries(res.data!.programme.tupeTimeline.map((s) => [s.step, s]));
      expect(t.ELI_SENT).toMatchObject({ state: 'OVERDUE', late: true, daysLate: 16 });
      expect(t.FINAL_LIST_AGREED).toMatchObject({ state: 'OVERDUE', daysLate: 2 });
      expect(t.TRANSFER_DAY).toMatchObject({ state: 'DUE_SOON', daysToDue: 12 });
    } finally {
      await api.close();
    }
  });
});
