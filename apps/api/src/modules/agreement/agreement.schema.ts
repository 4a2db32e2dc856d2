/**
 * Data sharing agreements (which are in force, between whom, for what) and
 * front-door contact routes: both in the partner schema. Staff see every
 * agreement; a partner sees those its organisation is party to.
 */
import type { ContactRoute, DataSharingAgreement } from '@handover/db';
import {
  AGREEMENT_STATUSES,
  CONTACT_AUDIENCES,
  CONTACT_CHANNELS,
  LAWFUL_BASES,
  SPECIAL_CATEGORY_CONDITIONS,
} from '@handover/domain';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Context } from '../../context.ts';
import { PARTNER, builder } from '../../schema/builder.ts';
import { groupLoader } from '../common/common.schema.ts';
import { OrganisationRef, ProgrammeRef } from '../programme/programme.schema.ts';
import { ServiceRef } from '../service/service.schema.ts';
import {
  agreementsByIds,
  agreementsByProgrammeIds,
  contactRoutesBy,
  contactRoutesByIds,
  partiesByAgreementIds,
} from './agreement.repository.ts';
import { agreementScope, agreementStatus } from './agreement.service.ts';

export const LawfulBasisEnum = builder.enumType('LawfulBasis', {
  values: LAWFUL_BASES,
  subGraphs: PARTNER,
  description: 'UK GDPR Article 6(1) lawful basis.',
});
export const SpecialCategoryConditionEnum = builder.enumType('SpecialCategoryCondition', {
  values: SPECIAL_CATEGORY_CONDITIONS,
  subGraphs: PARTNER,
  description: 'UK GDPR Article 9(2) condition, (a) to (j) in order, for special category data.',
});
export const AgreementStatusEnum = builder.enumType('AgreementStatus', {
  values: AGREEMENT_STATUSES,
  subGraphs: PARTNER,
  description:
    'From the dates, today (UK): NOT_YET_IN_FORCE before the start, ENDED after the end, REVIEW_DUE in force but ' +
    'past its review date, otherwise IN_FORCE.',
});
export const ContactChannelEnum = builder.enumType('ContactChannel', {
  values: CONTACT_CHANNELS,
  subGraphs: PARTNER,
});
export const ContactAudienceEnum = builder.enumType('ContactAudience', {
  values: CONTACT_AUDIENCES,
  subGraphs: PARTNER,
});

const parties = groupLoader(
  (ctx, ids) => partiesByAgreementIds(ctx.db, ids),
  (row) => row.agreement_id,
);

export const DataSharingAgreementRef = builder.loadableNode('DataSharingAgreement', {
  subGraphs: PARTNER,
  description: 'A data sharing agreement between organisations. Partners see those they are party to.',
  id: { resolve: (a: DataSharingAgreement) => a.id },
  // The visibility rule sits in the load, so node(id) and nodes(ids) keep it too.
  load: (ids: string[], ctx) => agreementsByIds(ctx.db, ids, agreementScope(ctx.viewer)),
  sort: (a) => a.id,
  fields: (t) => ({
    ref: t.exposeString('ref', { description: 'The programme’s reference, e.g. DSA-001.' }),
    title: t.exposeString('title'),
    purpose: t.exposeString('purpose'),
    lawfulBasis: t.field({ type: LawfulBasisEnum, resolve: (a) => a.lawful_basis }),
    specialCategoryCondition: t.field({
      type: SpecialCategoryConditionEnum,
      nullable: true,
      description: 'Null when the agreement shares no special category data.',
      resolve: (a) => a.special_category_condition,
    }),
    legalGateway: t.exposeString('legal_gateway', { description: 'The statutes that allow the sharing.' }),
    datasets: t.exposeStringList('datasets'),
    startDate: t.expose('start_date', { type: 'Date' }),
    reviewDate: t.expose('review_date', { type: 'Date' }),
    endDate: t.expose('end_date', { type: 'Date', nullable: true }),
    status: t.field({ type: AgreementStatusEnum, resolve: (a, _args, ctx) => agreementStatus(a, ctx.today) }),
    parties: t.field({
      type: [OrganisationRef],
      description: 'The organisations party to it, by name.',
      resolve: async (a, _args, ctx) => (await parties(ctx).load(a.id)).map((p) => p.organisation_id),
    }),
    programme: t.field({ type: ProgrammeRef, resolve: (a) => a.programme_id }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
  }),
});

/** A request-scoped DataLoader per argument value, grouping rows by parent id: one query per level. */
function groupLoaderByArg<Row>(
  load: (ctx: Context, keys: readonly string[], arg: string | null) => Promise<Row[]>,
  groupOf: (row: Row) => string,
): (ctx: Context, arg: string | null | undefined) => DataLoader<string, Row[]> {
  const cache = createContextCache(() => new Map<string, DataLoader<string, Row[]>>());
  return (ctx, arg) => {
    const loaders = cache(ctx);
    const key = arg ?? '';
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, Row[]>(async (keys) => {
        const groups = new Map<string, Row[]>(keys.map((k) => [k, []]));
        for (const row of await load(ctx, keys, arg ?? null)) groups.get(groupOf(row))?.push(row);
        return keys.map((k) => groups.get(k)!);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}

const programmeAgreements = groupLoaderByArg(
  (ctx, ids, inForceOn) => agreementsByProgrammeIds(ctx.db, ids, agreementScope(ctx.viewer), inForceOn),
  (a) => a.programme_id,
);

builder.objectField(ProgrammeRef, 'dataSharingAgreements', (t) =>
  t.field({
    type: [DataSharingAgreementRef],
    subGraphs: PARTNER,
    description:
      'Data sharing agreements by reference: all of them for staff, those its organisation is party to for a ' +
      'partner. With `inForceOn`, only those in force that day (started, not ended).',
    args: { inForceOn: t.arg({ type: 'Date', required: false }) },
    resolve: (p, args, ctx) => programmeAgreements(ctx, args.inForceOn).load(p.id),
  }),
);

export const ContactRouteRef = builder.loadableNode('ContactRoute', {
  subGraphs: PARTNER,
  description:
    'How to reach a service: a phone number, mailbox, web page or portal, who answers it, and when it is in force ' +
    '(from and to dates inclusive; null is open-ended).',
  id: { resolve: (r: ContactRoute) => r.id },
  load: (ids: string[], ctx) => contactRoutesByIds(ctx.db, ids),
  sort: (r) => r.id,
  fields: (t) => ({
    service: t.field({ type: ServiceRef, nullable: true, resolve: (r) => r.service_id }),
    organisation: t.field({
      type: OrganisationRef,
      description: 'Who answers it.',
      resolve: (r) => r.organisation_id,
    }),
    audience: t.field({ type: ContactAudienceEnum, resolve: (r) => r.audience }),
    channel: t.field({ type: ContactChannelEnum, resolve: (r) => r.channel }),
    label: t.exposeString('label'),
    value: t.exposeString('value', { description: 'The number, address or link.' }),
    hours: t.exposeString('hours'),
    fromDate: t.expose('from_date', { type: 'Date', nullable: true }),
    toDate: t.expose('to_date', { type: 'Date', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

const serviceRoutes = groupLoaderByArg(
  (ctx, ids, on) => contactRoutesBy(ctx.db, 'service_id', ids, on),
  (r) => r.service_id!,
);
const programmeRoutes = groupLoaderByArg(
  (ctx, ids, on) => contactRoutesBy(ctx.db, 'programme_id', ids, on),
  (r) => r.programme_id,
);

const ON_DESCRIPTION = 'With `on`, only the routes in force that day; without, every route, past and future.';

builder.objectField(ServiceRef, 'contactRoutes', (t) =>
  t.field({
    type: [ContactRouteRef],
    subGraphs: PARTNER,
    description: `How to reach the service. ${ON_DESCRIPTION}`,
    args: { on: t.arg({ type: 'Date', required: false }) },
    resolve: (s, args, ctx) => serviceRoutes(ctx, args.on).load(s.id),
  }),
);

builder.objectField(ProgrammeRef, 'contactRoutes', (t) =>
  t.field({
    type: [ContactRouteRef],
    subGraphs: PARTNER,
    description: `Every service's contact routes, by service. ${ON_DESCRIPTION}`,
    args: { on: t.arg({ type: 'Date', required: false }) },
    resolve: (p, args, ctx) => programmeRoutes(ctx, args.on).load(p.id),
  }),
);
