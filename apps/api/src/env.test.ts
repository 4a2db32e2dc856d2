import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';
import { DEFAULT_QUERY_LIMITS } from './security/limits.ts';

describe('configuration of the limits', () => {
  it('defaults to the documented limits, no CORS origin and the local proxy', () => {
    const env = loadEnv({});
    expect({
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
    }).toEqual(DEFAULT_QUERY_LIMITS);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(env.SIGNIN_MAX_FAILURES_PER_EMAIL).toBe(5);
    expect(env.CORS_ORIGINS).toEqual([]);
    expect(env.TRUSTED_PROXIES).toEqual(['127.0.0.1', '::1']);
  });

  it('reads comma lists and numbers, and names a bad value', () => {
    const env = loadEnv({
      CORS_ORIGINS: 'https://a.example, https://b.example,',
      RATE_LIMIT_PER_MINUTE: '30',
    });
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(30);
    expect(() => loadEnv({ GRAPHQL_MAX_DEPTH: 'deep' })).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(() => loadEnv({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});
