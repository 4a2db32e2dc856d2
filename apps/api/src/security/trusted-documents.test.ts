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
  // A fake partner predicate: until partner tokens exist, a header marks the partner.
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
