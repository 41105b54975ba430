/**
 * Pylon's per-endpoint limits ("**Rate limit:** N requests per minute" in each operation's description),
 * enforced per token per route over a sliding one-minute window.
 */

/** Requests per minute by emulator operation name, from Pylon's OpenAPI descriptions. */
export const PYLON_RATE_LIMITS: Readonly<Record<string, number>> = {
  'pylon.me.get': 60,
  'pylon.issues.list': 10,
  'pylon.issues.search': 20,
  'pylon.issues.get': 60,
  'pylon.issues.update': 20,
  'pylon.issues.linkExternal': 20,
  'pylon.issues.messages': 20,
  'pylon.issues.reply': 10,
  'pylon.issues.note': 10,
  'pylon.customFields.list': 60,
  'pylon.customFields.get': 60,
  'pylon.accounts.list': 60,
  'pylon.accounts.get': 60,
  'pylon.contacts.get': 60,
  'pylon.users.list': 60,
  'pylon.users.get': 60,
};

const WINDOW_MS = 60_000;

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * `overrides` maps operation names to requests/minute; the key `'*'` applies to every route not named.
 * A limit of 0 (or any non-positive / non-finite number) means unlimited. Unnamed routes keep Pylon's limits.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly overrides: Partial<Record<string, number>>,
    private readonly now: () => Date,
  ) {}

  limitFor(operation: string): number | undefined {
    const own = this.overrides[operation];
    const wildcard = this.overrides['*'];
    const limit = own ?? wildcard ?? PYLON_RATE_LIMITS[operation];
    return limit !== undefined && Number.isFinite(limit) && limit > 0 ? limit : undefined;
  }

  /** Records the request when it is allowed; a refused request does not count against the window. */
  check(token: string, operation: string): RateLimitDecision {
    const limit = this.limitFor(operation);
    if (limit === undefined) return { allowed: true };
    const now = this.now().getTime();
    const key = `${token}\u0000${operation}`;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      const oldest = recent[0]!;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true };
  }
}
