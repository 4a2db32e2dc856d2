import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema/index.ts';
import { loadTrustedDocuments, printManifest, sha256 } from './trusted-documents.ts';
import { startSecurityApp, type SecurityTestApp } from './testing.ts';

interface Body {
  data?: { programmes?: { edges: { node: { services: { edges: unknown[] } } }[] } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const documents = loadTrustedDocuments(schema);
const services = documents.find((d) => d.operationName === 'ServicesDeliveredBy')!;
const AD_HOC =
  '{ programmes(first: 1) { edges { node { id services(first: 1) { edges { node { id } } } } } } }';

describe('the published trusted documents', () => {
  it('are each one named operation, valid against the schema, addressed by the hash of their text', () => {
    expect(documents.map((d) => d.operationName)).toContain('ServicesDeliveredBy');
    for (const d of documents) expect(d.sha256).toBe(sha256(d.text));
  });

  it('are listed in the committed manifest (run `pnpm generate` when this fails)', () => {
    const committed = readFileSync(new URL('../../partner-queries/manifest.json', import.meta.url), 'utf8');
    expect(committed).toBe(printManifest(documents));
  });
});

describe('trusted documents for partners', () => {
  let production: SecurityTestApp;
  let development: SecurityTestApp;
  let token: string;
  let devToken: string;
  // A stand-in partner predicate (createApp accepts one): a header marks the partner, whatever its token.
  const isPartnerRequest = (request: Request) => request.headers.get('x-test-partner') === 'yes';
  beforeAll(async () => {
    production = await startSecurityApp({ production: true, isPartnerRequest });
    development = await startSecurityApp({ production: false, isPartnerRequest });
    token = await production.signIn('VIEWER');
    devToken = await development.signIn('VIEWER');
  });
  afterAll(async () => {
    expect([...production.unexpected, ...development.unexpected]).toEqual([]);
    await production.close();
    await development.close();
  });
  const asPartner = (api: SecurityTestApp, t: string, body: unknown) =>
    api.post(body, { authorization: `Bearer ${t}`, 'x-test-partner': 'yes' });

  it("in production, refuse a partner's ad-hoc query, naming the rule", async () => {
    const res = await asPartner(production, token, { query: AD_HOC });
    expect(res.status).toBe(403);
    const body = (await res.json()) as Body;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Partners may run only the published trusted documents/) as string,
      extensions: { code: 'TRUSTED_DOCUMENTS_ONLY' },
    });
  });

  it("in production, run a partner's trusted document by hash, by documentId and by name", async () => {
    for (const body of [
      { extensions: { persistedQuery: { version: 1, sha256Hash: services.sha256 } } },
      { documentId: `sha256:${services.sha256}` },
      { documentId: services.sha256 },
      { operationName: 'ServicesDeliveredBy' },
    ]) {
      const res = (await (await asPartner(production, token, body)).json()) as Body;
      expect(res.errors).toBeUndefined();
      expect(res.data?.programmes?.edges[0]?.node.services.edges.length).toBeGreaterThan(0);
    }
  });

  it('answers an unknown document id as not found', async () => {
    const res = await asPartner(production, token, { documentId: 'f'.repeat(64) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Body).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('leave staff free to send queries in production, and everyone in development', async () => {
    const staff = (await (
      await production.post({ query: AD_HOC }, { authorization: `Bearer ${token}` })
    ).json()) as Body;
    expect(staff.errors).toBeUndefined();
    const dev = (await (await asPartner(development, devToken, { query: AD_HOC })).json()) as Body;
    expect(dev.errors).toBeUndefined();
    // Staff may use the trusted documents too.
    const byName = (await (
      await production.post({ operationName: 'ServicesDeliveredBy' }, { authorization: `Bearer ${token}` })
    ).json()) as Body;
    expect(byName.errors).toBeUndefined();
  });
});

describe('the partner predicate', () => {
  it('is asked once per request, though the rate limit and the trusted documents both need it', async () => {
    let calls = 0;
    const api = await startSecurityApp({
      production: true,
      rateLimit: { perMinute: 100, partnerPerMinute: 100 },
      isPartnerRequest: () => {
        calls++;
        return false;
      },
    });
    try {
      const res = await api.post({ query: '{ today }' });
      expect(res.status).toBe(200);
      expect(calls).toBe(1);
    } finally {
      await api.close();
    }
  });
});

describe('a real partner token in production', () => {
  let api: SecurityTestApp;
  let partner: string;
  let tokenId: string;
  beforeAll(async () => {
    api = await startSecurityApp({ production: true });
    const admin = await api.signIn('ADMIN');
    const org = await api.handle.db
      .selectFrom('organisation')
      .select('id')
      .where('key', '=', 'wy-police')
      .executeTakeFirstOrThrow();
    const res = await api.post(
      {
        query: `mutation ($input: CreateApiTokenInput!) {
          createApiToken(input: $input) { ... on ApiTokenCreated { token } } }`,
        variables: {
          input: {
            name: 'WYP',
            organisationId: Buffer.from(`Organisation:${org.id}`).toString('base64'),
            expiresOn: '2023-06-01',
          },
        },
      },
      { authorization: `Bearer ${admin}` },
    );
    partner = ((await res.json()) as { data: { createApiToken: { token: string } } }).data.createApiToken
      .token;
    tokenId = (await api.handle.db.selectFrom('api_token').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    expect(api.unexpected).toEqual([]);
    await api.close();
  });
  const partnerEvents = () =>
    api.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('kind', '=', 'PARTNER_QUERY')
      .where('api_token_id', '=', tokenId)
      .orderBy('id')
      .execute();

  it('is held to the trusted documents, and each attempt is on the record', async () => {
    const refused = await api.post({ query: AD_HOC }, { authorization: `Bearer ${partner}` });
    expect(refused.status).toBe(403);
    const run = await api.post({ documentId: services.sha256 }, { authorization: `Bearer ${partner}` });
    expect(run.status).toBe(200);
    expect(((await run.json()) as Body).errors).toBeUndefined();
    await expect.poll(async () => (await partnerEvents()).length).toBe(2);
    const [first, second] = await partnerEvents();
    expect(first).toMatchObject({ actor_role: 'PARTNER', reason: 'REFUSED: HTTP 403' });
    expect(second).toMatchObject({
      actor_role: 'PARTNER',
      operation: 'ServicesDeliveredBy',
      document_id: services.sha256,
      reason: null,
    });
  });

  it('while staff in production still send their own queries', async () => {
    const viewer = await api.signIn('VIEWER');
    const res = await api.post({ query: AD_HOC }, { authorization: `Bearer ${viewer}` });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Body).errors).toBeUndefined();
  });
});
