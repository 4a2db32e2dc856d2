/**
 * The schema builder and its plugins; defines no types of its own beyond
 * scalars and the shared error interface. Plugin order matters: scope-auth
 * first so that authorization wraps every other plugin's resolvers.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SubGraphPlugin from '@pothos/plugin-sub-graph';
import { isIsoDate, type Role } from '@handover/domain';
import { GraphQLError, Kind, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { MATRIX_ROWS } from '../access/matrix.ts';
import type { Context } from '../context.ts';
import { auditRefusedField } from '../modules/audit/audit.service.ts';

/**
 * Sub-graphs: the full schema holds every type; `partner` is what partner
 * agencies' API tokens are served. A type is in the partner schema only
 * when it says `subGraphs: PARTNER`; its fields follow it, except those
 * whose type is not in the partner schema, which are left out.
 */
export type SubGraph = 'partner';
export const PARTNER: SubGraph[] = ['partner'];

/** Whether a node's type exists in the schema the request runs against (an Employee does not for partners). */
const inThisSchema = (info: GraphQLResolveInfo, id: { typename: string } | null | undefined) =>
  id != null && isObjectType(info.schema.getType(id.typename));

/**
 * node(id:) and nodes(ids:) refuse a type whose id the caller may not read (an Employee for anyone but HR),
 * before anything is loaded: by the matrix row of `Type.id`. The refusal names the type, never the id.
 */
function refuseUnreadableNodes(ctx: Context, info: GraphQLResolveInfo, typenames: readonly string[]): void {
  const subject = ctx.viewer?.role ?? 'ANONYMOUS';
  const refused = typenames.find((t) => {
    const rule = MATRIX_ROWS[`${t}.id`];
    return rule !== undefined && rule.cells[subject] !== 'allow';
  });
  if (refused === undefined) return;
  auditRefusedField(ctx, info);
  throw new GraphQLError(`Not authorised: your role (${subject}) may not read ${refused}`, {
    extensions: { code: ctx.viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED' },
  });
}

export interface AuthScopes {
  /** Any signed-in user. */
  authenticated: boolean;
  /** One of the given roles. */
  role: Role[];
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  SubGraphs: SubGraph;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, ErrorsPlugin, SubGraphPlugin],
  subGraphs: { defaultForTypes: [], fieldsInheritFromTypes: true },
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.viewer !== null,
      role: (roles) => ctx.viewer !== null && roles.includes(ctx.viewer.role),
    }),
    unauthorizedError: (_parent, ctx, info) => {
      auditRefusedField(ctx, info);
      return new GraphQLError(
        ctx.viewer
          ? `Not authorised: your role (${ctx.viewer.role}) may not read ${info.parentType.name}.${info.fieldName}`
          : 'Not signed in: sign in with the login mutation and send the token as Authorization: Bearer <token>',
        { extensions: { code: ctx.viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED' } },
      );
    },
  },
  relay: {
    // An ID that decodes to nothing names no node: node(id:) answers null (a page's 404), as for an
    // unknown row, not an error without a code (a page's 500). The empty type name is in no schema.
    decodeGlobalID: (globalID) => {
      try {
        return decodeGlobalID(globalID);
      } catch {
        return { typename: '', id: '' };
      }
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { subGraphs: PARTNER },
    pageInfoTypeOptions: { subGraphs: PARTNER },
    // node(id) and nodes(ids) answer null for an ID whose type the schema being run lacks, without loading it.
    nodeQueryOptions: {
      resolve: (_root, args, ctx, info, resolveNode) => {
        if (!inThisSchema(info, args.id)) return null;
        refuseUnreadableNodes(ctx, info, [args.id.typename]);
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      resolve: (_root, args, ctx, info, resolveNodes) => {
        const masked = args.ids.map((id) => (inThisSchema(info, id) ? id : null)) as typeof args.ids;
        refuseUnreadableNodes(
          ctx,
          info,
          masked.flatMap((id) => (id ? [id.typename] : [])),
        );
        // Pothos' callback reads args.ids (and may one day read its argument): give it the masked list both ways.
        args.ids = masked;
        return resolveNodes(masked);
      },
    },
  },
  errors: {
    defaultTypes: [],
  },
});

builder.scalarType('Date', {
  subGraphs: PARTNER,
  description: 'A calendar date, written YYYY-MM-DD (UK calendar).',
  serialize: (value) => value,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value)) {
      throw new TypeError(
        `a Date is written YYYY-MM-DD, e.g. 2023-03-04; got ${ast.kind === Kind.STRING ? JSON.stringify(ast.value) : 'a non-string'}`,
      );
    }
    return ast.value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string' || !isIsoDate(value)) {
      // A TypeError, not a GraphQLError: graphql-js then adds where the value was (variable path or literal location).
      throw new TypeError(`a Date is written YYYY-MM-DD, e.g. 2023-03-04; got ${JSON.stringify(value)}`);
    }
    return value;
  },
});

builder.scalarType('DateTime', {
  subGraphs: PARTNER,
  description: 'An instant, in ISO 8601 with a UTC offset.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const d = typeof value === 'string' ? new Date(value) : null;
    if (!d || Number.isNaN(d.getTime())) {
      throw new TypeError(`a DateTime is an ISO 8601 instant; got ${JSON.stringify(value)}`);
    }
    return d;
  },
});

builder.queryType({
  subGraphs: PARTNER,
  description: 'Everything but `viewer` needs a signed-in user.',
  authScopes: { authenticated: true },
});
builder.mutationType({
  description:
    'Everything but `login` and `logout` needs a signed-in user; who may make each write is in docs/access-matrix.md.',
  authScopes: { authenticated: true },
});

/** The builder's type parameters, for helpers that take field builders. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
