import type { RateLimitSnapshot } from './rate-limit.js';
import type { LinearState, LinearUser } from './state.js';

/** What every resolver sees for one request. */
export interface LinearRequestContext {
  readonly state: LinearState;
  /** The user the API key or OAuth token belongs to. */
  readonly viewer: LinearUser;
  /** `oauth` for `Authorization: Bearer <token>`, `apiKey` for a raw personal API key. */
  readonly auth: 'apiKey' | 'oauth';
  /** Base of the links Linear returns, e.g. `https://linear.app`. */
  readonly webUrl: string;
  /** ISO timestamp, strictly increasing across calls so every mutation moves `updatedAt`. */
  readonly now: () => string;
  readonly rateLimit: () => RateLimitSnapshot;
}
