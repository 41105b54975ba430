import { UsageError } from '../../errors.js';

/**
 * TRIAGE_HTTP_TIMEOUT: how long one request to any service may take before it counts as lost (default 30 s).
 * Seconds (`45`), or with a unit (`45s`, `1500ms`, `2m`). A write whose answer is lost this way is looked for
 * before it is sent again, so a short timeout costs a lookup, never a duplicate.
 */
export function timeoutFromEnv(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i.exec(text);
  const ms = m ? Number(m[1]) * ({ ms: 1, s: 1_000, m: 60_000 } as const)[(m[2]?.toLowerCase() ?? 's') as 'ms' | 's' | 'm'] : Number.NaN;
  if (!Number.isFinite(ms) || ms < 100 || ms > 600_000) {
    throw new UsageError(`TRIAGE_HTTP_TIMEOUT="${text.slice(0, 40)}" is not a request timeout between 100ms and 10m`, { hint: 'Give seconds (TRIAGE_HTTP_TIMEOUT=45) or a unit (45s, 1500ms, 2m), or unset it for the default 30s.' });
  }
  return Math.round(ms);
}
