/**
 * Partner agencies: the API tokens an ADMIN makes for them (the token is
 * answered once, at creation), and the organisational answers partners
 * ask for that other modules do not give (who delivers a service on a day).
 */
import type { ApiToken, Service } from '@handover/db';
import { API_TOKEN_STATUSES } from '@handover/domain';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { scopesFor, typeScopesFor } from '../../access/scopes.ts';
import { PARTNER, builder } from '../../schema/builder.ts';
import { NotFoundError, ValidationError } from '../../schema/errors.ts';
import { UserRef } from '../auth/auth.schema.ts';
import { IDEMPOTENCY_KEY_ARG, MAX_PAGE_SIZE, decodeId, withTotalCount } from '../common/common.schema.ts';
import { keyedCreate } from '../audit/audit.service.ts';
import { OrganisationRef, ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef } from '../service/service.schema.ts';
import { apiTokensByIds, countApiTokens, listApiTokens } from './partner.repository.ts';
import {
  MAX_TOKEN_DAYS,
  apiTokenStatus,
  createApiToken,
  deliveredBy,
  expiresOn,
  revokeApiToken,
} from './partner.service.ts';

export const ApiTokenStatusEnum = builder.enumType('ApiTokenStatus', {
  values: API_TOKEN_STATUSES,
});

export const ApiTokenRef = builder.loadableNode('ApiToken', {
  description:
    'A partner agency’s API token (ADMIN only). The token itself is shown once, when made; Handover keeps its ' +
    'SHA-256 and `prefix`, its first characters, to recognise it by.',
  authScopes: typeScopesFor('ApiToken'),
  id: { resolve: (t: ApiToken) => t.id },
  load: (ids: string[], ctx) => apiTokensByIds(ctx.db, ids),
  sort: (t) => t.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    organisation: t.field({ type: OrganisationRef, resolve: (k) => k.organisation_id }),
    prefix: t.exposeString('token_prefix', {
      description: 'The first characters of the token: not a secret.',
    }),
    status: t.field({
      type: ApiTokenStatusEnum,
      resolve: (k, _args, ctx) => apiTokenStatus(k, ctx.clock.now()),
    }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    createdBy: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null when made with `pnpm db partner-token`.',
      resolve: (k) => k.created_by,
    }),
    expiresAt: t.expose('expires_at', { type: 'DateTime' }),
    expiresOn: t.field({
      type: 'Date',
      description: 'The last day (UK) the token works.',
      resolve: (k) => expiresOn(k),
    }),
    lastUsedAt: t.expose('last_used_at', {
      type: 'DateTime',
      nullable: true,
      description: 'When it last authenticated a request (recorded at most once a minute).',
    }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
    revokedBy: t.field({ type: UserRef, nullable: true, resolve: (k) => k.revoked_by }),
  }),
});

builder.queryField('apiTokens', (t) =>
  t.connection(
    {
      type: ApiTokenRef,
      description: 'Partner API tokens, newest first (ADMIN only).',
      authScopes: scopesFor('Query.apiTokens'),
      resolve: async (_root, args, ctx) => ({
        ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: MAX_PAGE_SIZE }, (page) =>
          listApiTokens(ctx.db, page),
        )),
        totalCount: () => countApiTokens(ctx.db),
      }),
    },
    withTotalCount,
  ),
);

const ApiTokenCreatedRef = builder
  .objectRef<{ token: string | null; apiToken: ApiToken }>('ApiTokenCreated')
  .implement({
    description:
      'The new token. `token` is shown this once: Handover cannot show it again. A create retried with its ' +
      'idempotency key answers the token it made, with `alreadyCreated` and no `token`.',
    fields: (t) => ({
      token: t.string({
        nullable: true,
        description:
          'Send as `Authorization: Bearer <token>`. Null when `alreadyCreated`: it was answered once, to the first ' +
          'create (revoke the token and make another if it was lost).',
        resolve: (c) => c.token,
      }),
      apiToken: t.field({ type: ApiTokenRef, resolve: (c) => c.apiToken }),
      alreadyCreated: t.boolean({
        description:
          'True when this create was a retry with the key of one already made: nothing new was made.',
        resolve: (c) => c.token === null,
      }),
    }),
  });

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({
      description: 'What the token is for, e.g. "WYP safeguarding hub"; at most 100 characters.',
    }),
    organisationId: t.id({ description: 'The partner organisation the token speaks for.' }),
    expiresOn: t.field({
      type: 'Date',
      description: `The last day the token works: after today and at most ${MAX_TOKEN_DAYS} days ahead.`,
    }),
  }),
});

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: ApiTokenCreatedRef,
    description: 'Makes an API token for a partner organisation (ADMIN only).',
    authScopes: scopesFor('Mutation.createApiToken'),
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateApiTokenResult' } },
    args: { input: t.arg({ type: CreateApiTokenInput }), idempotencyKey: t.arg.string(IDEMPOTENCY_KEY_ARG) },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      ctx.db.transaction().execute(async (trx) => {
        const made = await keyedCreate<{ token: string | null; apiToken: ApiToken }>(
          trx,
          ctx,
          { operation: 'createApiToken', table: 'api_token', idempotencyKey },
          // A retry answers the token made, never its secret again.
          async (id) => {
            const [apiToken] = await apiTokensByIds(trx, [id]);
            return apiToken ? { token: null, apiToken } : undefined;
          },
          () =>
            createApiToken(
              trx,
              {
                name: input.name,
                organisationId: decodeId(input.organisationId, 'Organisation', 'organisationId'),
                expiresOn: input.expiresOn,
              },
              ctx.viewer?.userId ?? null,
              ctx.clock.now(),
            ),
          (c) => c.apiToken.id,
        );
        return made.row;
      }),
  }),
  revokeApiToken: t.field({
    type: ApiTokenRef,
    description: 'Revokes a token at once (ADMIN only); revoking it again changes nothing.',
    authScopes: scopesFor('Mutation.revokeApiToken'),
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'RevokeApiTokenResult' },
    },
    args: { id: t.arg.id() },
    resolve: (_root, args, ctx) =>
      revokeApiToken(
        ctx.db,
        decodeId(args.id, 'ApiToken', 'id'),
        ctx.viewer?.userId ?? null,
        ctx.clock.now(),
      ),
  }),
}));

builder.objectField(ServiceRef, 'deliveredBy', (t) =>
  t.field({
    type: OrganisationRef,
    nullable: true,
    subGraphs: PARTNER,
    description:
      'Who delivers the service on `on` (default today): the transferor until the go-live date of a service that ' +
      'transfers, the transferee from it; the transferor for a retained one. Null for a regional service or one ' +
      'that varies: ask the programme.',
    args: { on: t.arg({ type: 'Date', required: false }) },
    resolve: async (s: Service, args, ctx) => {
      const programme = await ProgrammeRef.getDataloader(ctx).load(s.programme_id);
      return deliveredBy(s, programme, args.on ?? ctx.today);
    },
  }),
);
