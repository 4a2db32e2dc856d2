/**
 * A rate limit per caller: a token bucket per key, refilled continuously at
 * `perMinute` tokens a minute and holding at most a minute's worth. The key is
 * the SHA-256 of the bearer token (a session or a partner API token), or the
 * client address for requests without one.
 *
 * The buckets live in this process's memory: the limit holds per API
 * instance, so N instances behind a load balancer allow up to N times the
 * rate. That is enough to stop one runaway client; a shared store (or the
 * proxy) is the place for an exact global limit.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Clock } from '../clock.ts';

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one more request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  private readonly clock: Clock;
  /** Buckets are forgotten once full again; past this many, every request sweeps. */
  private readonly maxKeys: number;

  constructor(clock: Clock, maxKeys = 100_000) {
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  take(key: string, perMinute: number): RateDecision {
    const now = this.clock.now().getTime();
    const capacity = perMinute;
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      this.sweep(now, perMs, capacity);
      return { allowed: true, retryAfterSeconds: 0 };
    }
    this.buckets.set(key, { tokens, at: now });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Drops buckets that have refilled (they hold nothing a new bucket would not). */
  private sweep(now: number, perMs: number, capacity: number): void {
    if (this.buckets.size < this.maxKeys && now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= capacity) this.buckets.delete(key);
    }
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * What a request is counted against: its bearer token's hash, else its client address. A token
 * that authenticates nobody counts as no token: otherwise a new made-up token with every request
 * would get a fresh bucket each time, and the limit would hold nothing back.
 */
export function rateLimitKey(
  authorization: string | null,
  clientAddress: string,
  authenticated = true,
): string {
  const token = authorization?.match(BEARER)?.[1];
  if (token && authenticated) return `token:${createHash('sha256').update(token).digest('hex')}`;
  return `address:${clientAddress}`;
}

export interface RateLimitOptions {
  /** Requests a minute for each staff session token, and for each address without a token. */
  perMinute: number;
  /** Requests a minute for each partner token. */
  partnerPerMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 600, partnerPerMinute: 120 };

/**
 * Counts each GraphQL request against its caller's bucket; over the limit it
 * answers 429 with Retry-After (seconds) and a GraphQL error naming the limit.
 */
export function useRateLimit(options: {
  limits: RateLimitOptions;
  clock: Clock;
  endpoint: string;
  isPartnerRequest: (request: Request) => boolean | Promise<boolean>;
  /** Whether the request's bearer token authenticates someone (default: trust it as a key). */
  isAuthenticated?: (request: Request) => boolean | Promise<boolean>;
  clientAddress: (request: Request, serverContext: unknown) => string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
}): Plugin<any> {
  const buckets = new TokenBuckets(options.clock);
  return {
    async onRequest(payload) {
      const { request, url, serverContext, fetchAPI } = payload;
      if (url.pathname !== options.endpoint || request.method === 'OPTIONS') return;
      const partner = await options.isPartnerRequest(request);
      const perMinute = partner ? options.limits.partnerPerMinute : options.limits.perMinute;
      const authorization = request.headers.get('authorization');
      const key = rateLimitKey(
        authorization,
        options.clientAddress(request, serverContext),
        !authorization || !options.isAuthenticated || (await options.isAuthenticated(request)),
      );
      const decision = buckets.take(`${partner ? 'partner' : 'staff'}:${key}`, perMinute);
      if (decision.allowed) return;
      const body = {
        errors: [
          {
            message: `Rate limit of ${perMinute} requests a minute exceeded: try again in ${decision.retryAfterSeconds} s`,
            extensions: {
              code: 'RATE_LIMITED',
              limit: perMinute,
              retryAfterSeconds: decision.retryAfterSeconds,
            },
          },
        ],
      };
      payload.endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 429,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'retry-after': String(decision.retryAfterSeconds),
          },
        }),
      );
    },
  };
}
