/**
 * Reads how long a server asked us to wait: `Retry-After` (seconds or an HTTP date), or a reset timestamp
 * header (GitHub's `x-ratelimit-reset` in epoch seconds, Linear's `x-ratelimit-requests-reset` in epoch ms).
 */
export function retryDelayMs(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  for (const name of ['x-ratelimit-requests-reset', 'x-ratelimit-reset']) {
    const value = Number(headers.get(name));
    if (!value) continue;
    const epochMs = value > 1e12 ? value : value * 1000;
    return Math.max(0, epochMs - nowMs);
  }
  return undefined;
}

/** Exponential backoff with jitter for faults that gave no hint: 0.5s, 1s, 2s ... capped. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(8_000, 500 * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}
