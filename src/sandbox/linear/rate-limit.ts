import type { Fault, FaultMatcher } from '../http/emulator-server.js';
import type { LinearErrorBody } from './errors.js';

/** Linear's published budgets for a personal API key, per hour. */
export const LINEAR_REQUEST_LIMIT = 5_000;
export const LINEAR_COMPLEXITY_LIMIT = 3_000_000;
/** Linear rejects a single query above this complexity. */
export const LINEAR_MAX_QUERY_COMPLEXITY = 10_000;
const WINDOW_MS = 60 * 60 * 1000;

export interface RateLimitSnapshot {
  requestsLimit: number;
  requestsRemaining: number;
  complexityLimit: number;
  complexityRemaining: number;
  /** Epoch milliseconds at which the budgets refill. */
  resetAt: number;
}

/** The body Linear answers a rate-limited request with (HTTP 400, sometimes 429). */
export function linearRateLimitedBody(): LinearErrorBody {
  return {
    errors: [
      {
        message: 'Rate limit exceeded',
        extensions: {
          type: 'ratelimited',
          code: 'RATELIMITED',
          statusCode: 429,
          userError: true,
          userPresentableMessage: 'You have exceeded the rate limit for the API. Please wait before making more requests.',
        },
      },
    ],
  };
}

/** The `X-RateLimit-*` headers Linear sends on every response; the SDK's RatelimitedLinearError reads them. */
export function linearRateLimitHeaders(snapshot: RateLimitSnapshot, queryComplexity?: number): Record<string, string> {
  const reset = String(snapshot.resetAt);
  return {
    'X-RateLimit-Requests-Limit': String(snapshot.requestsLimit),
    'X-RateLimit-Requests-Remaining': String(snapshot.requestsRemaining),
    'X-RateLimit-Requests-Reset': reset,
    'X-RateLimit-Complexity-Limit': String(snapshot.complexityLimit),
    'X-RateLimit-Complexity-Remaining': String(snapshot.complexityRemaining),
    'X-RateLimit-Complexity-Reset': reset,
    ...(queryComplexity === undefined ? {} : { 'X-Complexity': String(queryComplexity) }),
  };
}

/** The headers of a rate-limited answer: budgets spent, refilling within the hour. */
export function linearRateLimitedHeaders(now: number = Date.now()): Record<string, string> {
  return linearRateLimitHeaders({
    requestsLimit: LINEAR_REQUEST_LIMIT,
    requestsRemaining: 0,
    complexityLimit: LINEAR_COMPLEXITY_LIMIT,
    complexityRemaining: 0,
    resetAt: now + WINDOW_MS,
  });
}

export interface LinearRateLimitedFaultOptions {
  match: FaultMatcher;
  times?: number;
  /** Linear answers 400 (the SDK reads the body's RATELIMITED), occasionally 429. */
  status?: 400 | 429;
  /** Seconds for a Retry-After header; Linear itself does not send one. */
  retryAfter?: number;
  afterHandling?: boolean;
}

/** A fault that answers matching requests exactly as a rate-limited Linear does, for `server.injectFault`. */
export function linearRateLimitedFault(options: LinearRateLimitedFaultOptions): Fault {
  return {
    match: options.match,
    times: options.times ?? 1,
    afterHandling: options.afterHandling ?? false,
    status: options.status ?? 400,
    headers: linearRateLimitedHeaders(),
    body: linearRateLimitedBody(),
    ...(options.retryAfter === undefined ? {} : { retryAfter: options.retryAfter }),
  };
}

interface Budget {
  windowStart: number;
  requests: number;
  complexity: number;
}

/** Per-key hourly request and complexity budgets (a fixed window; Linear's is a leaky bucket with the same totals). */
export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private readonly requestLimit = LINEAR_REQUEST_LIMIT,
    private readonly complexityLimit = LINEAR_COMPLEXITY_LIMIT,
  ) {}

  private budget(key: string, now: number): Budget {
    let budget = this.budgets.get(key);
    if (!budget || now - budget.windowStart >= WINDOW_MS) {
      budget = { windowStart: now, requests: 0, complexity: 0 };
      this.budgets.set(key, budget);
    }
    return budget;
  }

  /** Counts one request; false when the key's budget is spent. */
  take(key: string, now: number): boolean {
    const budget = this.budget(key, now);
    if (budget.requests >= this.requestLimit || budget.complexity >= this.complexityLimit) return false;
    budget.requests += 1;
    return true;
  }

  charge(key: string, complexity: number, now: number): void {
    this.budget(key, now).complexity += complexity;
  }

  snapshot(key: string, now: number): RateLimitSnapshot {
    const budget = this.budget(key, now);
    return {
      requestsLimit: this.requestLimit,
      requestsRemaining: Math.max(0, this.requestLimit - budget.requests),
      complexityLimit: this.complexityLimit,
      complexityRemaining: Math.max(0, this.complexityLimit - budget.complexity),
      resetAt: budget.windowStart + WINDOW_MS,
    };
  }
}
