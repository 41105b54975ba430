/**
 * GitHub's rate-limit headers and the exact responses GitHub sends when a limit is hit, as faults to inject.
 * @octokit/plugin-throttling tells them apart the way GitHub documents: a primary limit is a 403/429 with
 * `x-ratelimit-remaining: 0`; a secondary limit is a 403 whose message says "secondary rate limit", with `retry-after`.
 */
import { randomBytes } from 'node:crypto';
import type { Fault, FaultMatcher } from '../http/emulator-server.js';

export type RateLimitResource = 'core' | 'search';

const PRIMARY_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits';
const SECONDARY_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';

export function githubRequestId(): string {
  const hex = (n: number): string => randomBytes(n).toString('hex').toUpperCase();
  return `${hex(2)}:${hex(2)}:${hex(3)}:${hex(3)}:${hex(4)}`;
}

/** Limits GitHub applies (per user when authenticated, per client when anonymous). */
export function limitFor(resource: RateLimitResource, authenticated: boolean): { limit: number; windowMs: number } {
  if (resource === 'search') return { limit: authenticated ? 30 : 10, windowMs: 60_000 };
  return { limit: authenticated ? 5000 : 60, windowMs: 3_600_000 };
}

interface Bucket {
  used: number;
  resetAt: number;
}

/**
 * Counts requests so the headers tell the truth; it does not refuse requests on its own (tests of unrelated
 * behaviour should not trip over 30 searches a minute). Inject `primaryRateLimitFault` to exercise exhaustion.
 */
export class RateLimitLedger {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  record(who: string | undefined, resource: RateLimitResource): Record<string, string> {
    const { limit, windowMs } = limitFor(resource, who !== undefined);
    const key = `${who ?? 'anonymous'}\u0000${resource}`;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { used: 0, resetAt: now + windowMs };
      this.buckets.set(key, bucket);
    }
    bucket.used += 1;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - bucket.used)),
      'x-ratelimit-reset': String(Math.ceil(bucket.resetAt / 1000)),
      'x-ratelimit-used': String(bucket.used),
      'x-ratelimit-resource': resource,
    };
  }
}

export interface PrimaryRateLimitOptions {
  match: FaultMatcher;
  times?: number;
  /** GitHub sends 403 or 429 for primary limits. Default 403. */
  status?: 403 | 429;
  resource?: RateLimitResource;
  /** Seconds until `x-ratelimit-reset`. Default 60. */
  resetInSeconds?: number;
  /** Applied with the fault, for the reset header. Default `Date.now`. */
  now?: () => number;
  afterHandling?: boolean;
}

/** The response GitHub sends once a primary (hourly/minute quota) limit is exhausted. */
export function primaryRateLimitFault(options: PrimaryRateLimitOptions): Fault {
  const status = options.status ?? 403;
  const resource = options.resource ?? 'core';
  const { limit } = limitFor(resource, true);
  const reset = Math.ceil(((options.now ?? Date.now)() + (options.resetInSeconds ?? 60) * 1000) / 1000);
  return {
    match: options.match,
    times: options.times ?? 1,
    afterHandling: options.afterHandling ?? false,
    status,
    headers: {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(limit),
      'x-ratelimit-resource': resource,
      'x-github-request-id': githubRequestId(),
      'content-type': 'application/json; charset=utf-8',
    },
    body: {
      message: 'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.',
      documentation_url: PRIMARY_DOCS,
      status: String(status),
    },
  };
}

export interface SecondaryRateLimitOptions {
  match: FaultMatcher;
  times?: number;
  /** Seconds, sent as `retry-after`. Default 60. */
  retryAfter?: number;
  afterHandling?: boolean;
}

/** The response GitHub sends when content is created too fast (secondary limit). */
export function secondaryRateLimitFault(options: SecondaryRateLimitOptions): Fault {
  const requestId = githubRequestId();
  return {
    match: options.match,
    times: options.times ?? 1,
    afterHandling: options.afterHandling ?? false,
    status: 403,
    retryAfter: options.retryAfter ?? 60,
    headers: {
      // The primary quota is not exhausted, which is how clients tell the two apart.
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4990',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-used': '10',
      'x-ratelimit-resource': 'core',
      'x-github-request-id': requestId,
      'content-type': 'application/json; charset=utf-8',
    },
    body: {
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      documentation_url: SECONDARY_DOCS,
      status: '403',
    },
  };
}
