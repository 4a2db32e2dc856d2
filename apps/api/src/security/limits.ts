/**
 * Limits on what one GraphQL request may ask for (OWASP GraphQL cheat sheet,
 * ASVS 4.3.1): depth, aliases, tokens and cost, by GraphQL Armor's plugins.
 * Where introspection is off (production) it is removed for everyone and the
 * "Did you mean ...?" suggestions are hidden, so the schema cannot be guessed
 * field by field. Each refusal names the limit and the value found.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';

export interface QueryLimits {
  /** Deepest selection, counting each field (a Relay list costs three levels: list, edges, node). */
  maxDepth: number;
  /** Aliased fields in one document (`__typename` does not count). */
  maxAliases: number;
  /** Lexical tokens in one document. */
  maxTokens: number;
  /** GraphQL Armor's cost: 2 an object, 1 a scalar, times 1.5 per level of depth. */
  maxCost: number;
}

/**
 * Defaults sized on the largest queries we send or publish, with room to spare: the admin app's
 * dashboard (depth 8, 264 tokens, cost 38,040) and the published partner queries (the largest,
 * ServicesDeliveredBy, costs 174,211: cost grows by half with every level). Each published partner
 * query runs through these limits in partner.test.ts.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 1000,
  maxCost: 300_000,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPlugin = Plugin<any>;

export function queryLimitPlugins(limits: QueryLimits, options: { introspection: boolean }): AnyPlugin[] {
  const plugins: AnyPlugin[] = [
    // GraphiQL's introspection query is exempt from depth and cost (Armor's ignoreIntrospection), not from tokens.
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: limits.maxAliases }),
    maxTokensPlugin({ n: limits.maxTokens }),
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true }),
  ];
  if (!options.introspection) {
    plugins.push(useDisableIntrospection(), blockFieldSuggestionsPlugin());
  }
  return plugins;
}
