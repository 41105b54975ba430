import type { DebugLog, FetchFn } from './types.js';

/** Raised when no answer came in time; the request may or may not have been processed. */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${Math.round(timeoutMs / 1000)}s`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * Every request gets a deadline, and `--debug` sees its method, path, status and duration (never headers,
 * which carry the token, nor bodies, which carry customer text).
 */
export function withTimeout(fetchFn: FetchFn, timeoutMs: number, debug?: DebugLog): FetchFn {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
    const outer = init?.signal;
    const onAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    const started = Date.now();
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = new URL(input instanceof Request ? input.url : String(input));
    try {
      const response = await fetchFn(input, { ...init, signal: controller.signal });
      debug?.(`${method} ${url.origin}${url.pathname} → ${response.status} in ${Date.now() - started} ms`);
      return response;
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      debug?.(`${method} ${url.origin}${url.pathname} failed after ${Date.now() - started} ms: ${describeNetworkError(reason)}`);
      throw reason instanceof RequestTimeoutError ? reason : error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  };
}

/** A short, token-free description of a network failure ("connection reset", "ECONNREFUSED"). */
export function describeNetworkError(error: unknown): string {
  if (error instanceof RequestTimeoutError) return error.message;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code === 'UND_ERR_SOCKET' ? 'connection dropped' : cause.code;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return 'network error';
}
