import { EmulatorServer } from '../http/emulator-server.js';
import { classifyLinearRequest, createLinearRequestHandler } from './request-handler.js';
import { RateLimiter } from './rate-limit.js';
import { createLinearState, type LinearState } from './state.js';

export { createLinearState, type LinearState, type LinearStateInput } from './state.js';
export { LINEAR_COMPLEXITY_LIMIT, LINEAR_MAX_QUERY_COMPLEXITY, LINEAR_REQUEST_LIMIT, linearRateLimitedBody, linearRateLimitedFault, linearRateLimitedHeaders, linearRateLimitHeaders, type LinearRateLimitedFaultOptions } from './rate-limit.js';
export { linearAuthenticationErrorBody } from './errors.js';
export { rootFieldsOf, type LinearRecordedRequest } from './request-handler.js';

export interface LinearEmulatorOptions {
  /** The workspace to serve, used live: mutations change this object. Default: `createLinearState()`. */
  state?: LinearState;
  /** Base of the links issues and users carry. Default `https://linear.app`. */
  webUrl?: string;
  /**
   * Hourly budgets per API key: Linear's published ones by default (LINEAR_REQUEST_LIMIT requests,
   * LINEAR_COMPLEXITY_LIMIT complexity points). Tests lower them to see a run meet the limit.
   */
  rateLimit?: { requestsPerHour?: number; complexityPerHour?: number };
}

export interface LinearEmulator {
  /** `.requests` (with `operation` = first GraphQL root field), `.injectFault`, `.latencyMs`. */
  readonly server: EmulatorServer;
  /** Live and plain JSON: JSON.stringify round-trips it. */
  readonly state: LinearState;
  /** Listens on 127.0.0.1 and returns the base URL; the GraphQL endpoint is `${base}/graphql`. */
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
}

/** A clock whose readings strictly increase, so a mutation always moves `updatedAt` past the previous one. */
function monotonicClock(): () => string {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last).toISOString();
  };
}

/** An emulator of Linear's GraphQL API that the real @linear/sdk can talk to. */
export function createLinearEmulator(options: LinearEmulatorOptions = {}): LinearEmulator {
  const state = options.state ?? createLinearState();
  const handler = createLinearRequestHandler({
    state,
    webUrl: (options.webUrl ?? 'https://linear.app').replace(/\/+$/, ''),
    now: monotonicClock(),
    limiter: new RateLimiter(options.rateLimit?.requestsPerHour, options.rateLimit?.complexityPerHour),
  });
  const server = new EmulatorServer('linear', handler, classifyLinearRequest);
  return {
    server,
    state,
    start: (port) => server.start(port),
    stop: () => server.stop(),
  };
}
