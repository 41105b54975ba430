/**
 * Pylon limits each endpoint to a few requests per minute per token ("**Rate limit:** N requests per minute"
 * in each operation of its OpenAPI description). A sync that paged and wrote as fast as it could would be
 * refused within seconds, so the gateway paces itself per route and only falls back on 429 + Retry-After when
 * something else (another runner with the same token) used the budget.
 */

export type PylonRoute =
  | 'pylon.me.get'
  | 'pylon.users.list'
  | 'pylon.accounts.list'
  | 'pylon.accounts.get'
  | 'pylon.contacts.get'
  | 'pylon.customFields.list'
  | 'pylon.issues.list'
  | 'pylon.issues.search'
  | 'pylon.issues.get'
  | 'pylon.issues.update'
  | 'pylon.issues.linkExternal'
  | 'pylon.issues.messages'
  | 'pylon.issues.reply'
  | 'pylon.issues.note';

/** Requests per minute per route, from Pylon's API reference. */
export const PYLON_ROUTE_LIMITS: Readonly<Record<PylonRoute, number>> = {
  'pylon.me.get': 60,
  'pylon.users.list': 60,
  'pylon.accounts.list': 60,
  'pylon.accounts.get': 60,
  'pylon.contacts.get': 60,
  'pylon.customFields.list': 60,
  'pylon.issues.list': 10,
  'pylon.issues.search': 20,
  'pylon.issues.get': 60,
  'pylon.issues.update': 20,
  'pylon.issues.linkExternal': 20,
  'pylon.issues.messages': 20,
  'pylon.issues.reply': 10,
  'pylon.issues.note': 10,
};

export const PACING_WINDOW_MS = 60_000;

export interface PacerOptions {
  /** Requests per window by route; a route missing or ≤ 0 is not paced. */
  limits: Readonly<Partial<Record<string, number>>>;
  /** Epoch milliseconds; injected so tests can run a minute of pacing in no time. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  windowMs?: number;
  /** Added to the window: requests arrive a little after they leave, and the server counts arrivals. */
  marginMs?: number;
  /** Called once per wait of a second or more (not once per waiting caller): what is waited for and how long. */
  onWait?: (route: string, ms: number) => void;
}

interface Slot {
  /** When the answer came (the server saw the request before that); undefined while in flight. */
  at: number | undefined;
  answered: Promise<void>;
}

/**
 * A sliding-window limiter per route. A request holds a slot from when it leaves until a window after its
 * answer came, so the server, which counts arrivals, never sees more than `limit` in any window, even with
 * several requests in flight and however long they take. Waiting callers re-check after each wait, so
 * concurrent callers share the budget and a pause after a 429 applies to all of them.
 */
export class RoutePacer {
  private readonly slots = new Map<string, Slot[]>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly windowMs: number;

  constructor(private readonly options: PacerOptions) {
    this.windowMs = (options.windowMs ?? PACING_WINDOW_MS) + (options.marginMs ?? 250);
  }

  private readonly announcedUntil = new Map<string, number>();

  private announce(route: string, now: number, until: number): void {
    if (!this.options.onWait || until - now < 1_000) return;
    // Concurrent callers wait for the same slot: say it once, and again only for a later one.
    if (until <= (this.announcedUntil.get(route) ?? 0) + 1_000) return;
    this.announcedUntil.set(route, until);
    this.options.onWait(route, until - now);
  }

  limitFor(route: string): number | undefined {
    const limit = this.options.limits[route];
    return limit !== undefined && Number.isFinite(limit) && limit > 0 ? limit : undefined;
  }

  /**
   * Waits for a slot on `route` and takes it; call the returned function when the answer arrives (or the
   * request failed). A sleep that lets no time pass (a test's no-op sleep) is taken at its word, not spun on.
   */
  async acquire(route: string): Promise<() => void> {
    for (;;) {
      const now = this.options.now();
      const wait = this.wait(route, now);
      if (wait === undefined) break;
      if (typeof wait !== 'number') {
        await wait;
        continue;
      }
      this.announce(route, now, wait);
      await this.options.sleep(wait - now);
      if (this.options.now() <= now) break;
    }
    if (this.limitFor(route) === undefined) return () => {};
    let settle = () => {};
    const slot: Slot = { at: undefined, answered: new Promise<void>((resolve) => (settle = resolve)) };
    this.slots.set(route, [...(this.slots.get(route) ?? []), slot]);
    return () => {
      slot.at ??= this.options.now();
      settle();
    };
  }

  /** After a 429: nobody calls `route` before `untilMs`. */
  pause(route: string, untilMs: number): void {
    this.pausedUntil.set(route, Math.max(this.pausedUntil.get(route) ?? 0, untilMs));
  }

  /** undefined: go now. A time: sleep until then. A promise: a request in flight holds the slot; wait for its answer. */
  private wait(route: string, now: number): number | Promise<void> | undefined {
    const paused = this.pausedUntil.get(route) ?? 0;
    if (paused > now) return paused;
    const limit = this.limitFor(route);
    if (limit === undefined) return undefined;
    // In flight last: their answers (and so their slots' times) come after every answered one.
    const live = (this.slots.get(route) ?? [])
      .filter((s) => s.at === undefined || s.at > now - this.windowMs)
      .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
    this.slots.set(route, live);
    if (live.length < limit) return undefined;
    const holder = live[live.length - limit]!;
    return holder.at === undefined ? holder.answered : holder.at + this.windowMs;
  }
}
