import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/harness.ts';

const AGREEMENT = 'id fundName admission guarantor employerRatePercent passThrough bondNote signedOn version';
const SAVE = `mutation ($input: SavePensionAdmissionAgreementInput!) {
  savePensionAdmissionAgreement(input: $input) {
    __typename ... on PensionAdmissionAgreement { ${AGREEMENT} }
    ... on Error { message } ... on ValidationError { field }
    ... on ConflictError { currentVersion current { ... on PensionAdmissionAgreement { fundName version } } }
  }
}`;
const SUMMARY = `query ($id: ID!) { programme(id: $id) { pensions {
  lgpsMembers warning schemeCounts { scheme employees } admissionAgreement { ${AGREEMENT} }
} } }`;

interface Summary {
  lgpsMembers: number;
  warning: string | null;
  schemeCounts: { scheme: string; employees: number }[];
  admissionAgreement: { version: number; signedOn: string | null; employerRatePercent: number | null } | null;
}

describe('pensions', () => {
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

  const summary = async (token = hr) =>
    (await api.gql<{ programme: { pensions: Summary } }>(SUMMARY, { id: programmeId }, token)).data!.programme
      .pensions;
  const save = async (input: object) =>
    (
      await api.gql<{ savePensionAdmissionAgreement: Record<string, unknown> }>(
        SAVE,
        {
          input: {
            programmeId,
            fundName: 'West Yorkshire Pension Fund',
            admission: 'CLOSED',
            passThrough: true,
            ...input,
          },
        },
        hr,
      )
    ).data!.savePensionAdmissionAgreement;

  it('counts the transferring list by scheme, and warns while LGPS members transfer with no signed agreement', async () => {
    const s = await summary(await api.login('VIEWER'));
    const rows = await api.handle.db
      .selectFrom('employee')
      .select('pension_scheme')
      .where('tupe_status', '=', 'IN_SCOPE_ASSIGNED')
      .execute();
    const lgps = rows.filter((r) => r.pension_scheme === 'LGPS').length;
    expect(lgps).toBeGreaterThan(0);
    expect(s.schemeCounts.map((c) => c.scheme)).toEqual(['LGPS', 'TPS', 'NHS_PS', 'NONE', 'OPTED_OUT']);
    expect(s.schemeCounts.reduce((n, c) => n + c.employees, 0)).toBe(rows.length);
    expect(s.lgpsMembers).toBe(lgps);
    expect(s.warning).toBe(`${lgps} LGPS members transfer and no admission agreement is signed`);
    expect(s.admissionAgreement).toMatchObject({ version: 1, signedOn: null, employerRatePercent: 17.5 });
  });

  it('saves the agreement at the version read; a stale version is a conflict and saves nothing', async () => {
    const signed = await save({ expectedVersion: 1, employerRatePercent: 18.25, signedOn: '2023-02-14' });
    expect(signed).toMatchObject({
      __typename: 'PensionAdmissionAgreement',
      version: 2,
      employerRatePercent: 18.25,
    });
    expect((await summary()).warning).toBeNull();

    const stale = await save({ expectedVersion: 1, fundName: 'Another fund' });
    expect(stale).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: 2,
      current: { fundName: 'West Yorkshire Pension Fund', version: 2 },
    });
    // Saving as if there were none yet does not overwrite the one there is.
    expect(await save({ fundName: 'Another fund' })).toMatchObject({ __typename: 'ConflictError' });
    expect((await summary()).admissionAgreement).toMatchObject({ version: 2, signedOn: '2023-02-14' });
  });

  it('refuses a bad rate, a future signing date and no fund name, naming the field', async () => {
    expect(await save({ expectedVersion: 2, employerRatePercent: 120 })).toMatchObject({
      field: 'employerRatePercent',
    });
    expect(await save({ expectedVersion: 2, employerRatePercent: 17.333 })).toMatchObject({
      field: 'employerRatePercent',
    });
    expect(await save({ expectedVersion: 2, signedOn: '2023-03-01' })).toMatchObject({ field: 'signedOn' });
    expect(await save({ expectedVersion: 2, fundName: '  ' })).toMatchObject({ field: 'fundName' });
  });

  it('lets only HR change it', async () => {
    const res = await api.gql(
      SAVE,
      { input: { programmeId, fundName: 'x', admission: 'OPEN', passThrough: false, expectedVersion: 2 } },
      await api.login('ADMIN'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
