import { AuthError, ServiceError } from '../../errors.js';
import { describeNetworkError, withTimeout } from '../http/timeout-fetch.js';
import { shownUrl, summariseErrorBody, unreachableError } from '../http/explain.js';
import { backoffMs, retryDelayMs } from '../http/retry-after.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, realSleep, type GatewayOptions } from '../http/types.js';

type Sdk = typeof import('@linear/sdk');

/** The longest a Retry-After may make us wait before we give up and let the engineer resume later. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** Linear's budgets as its last answer stated them (X-RateLimit-* and X-Complexity headers). */
export interface LinearBudget {
  requestsLimit: number | undefined;
  requestsRemaining: number;
  complexityLimit: number | undefined;
  complexityRemaining: number | undefined;
  /** Epoch ms at which the request budget refills (Linear sends epoch ms; seconds are accepted too). */
  resetAt: number | undefined;
  /** The complexity Linear charged for that request. */
  lastComplexity: number | undefined;
}

/** One GraphQL error of a partly successful request: `path[0]` is the alias of the root field that failed. */
export interface LinearFieldError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; type?: string };
}

export type LinearRequest = ((document: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>) & {
  /**
   * For batched mutations: a 200 answer with some fields in error is returned as data plus errors (each error's
   * path names the alias that failed) rather than thrown. Everything else behaves as the plain call.
   */
  partial(document: string, variables?: Record<string, unknown>): Promise<{ data: Record<string, unknown>; errors: LinearFieldError[] }>;
  /** What Linear said about the budget on its latest answer; undefined before the first. */
  budget(): LinearBudget | undefined;
};

/** Linear refused the request for the rate limit and asked for a wait too long to sit through. */
export class LinearRateLimitError extends ServiceError {
  constructor(
    message: string,
    readonly resetAt: number | undefined,
    options: { hint?: string; cause?: unknown; status?: number },
  ) {
    super('linear', message, { ...options, transient: true });
  }
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** undefined when the answer carried no rate-limit headers (a proxy, an old emulator). */
export function readBudget(headers: Headers): LinearBudget | undefined {
  const requestsRemaining = headerNumber(headers, 'x-ratelimit-requests-remaining');
  if (requestsRemaining === undefined) return undefined;
  const reset = headerNumber(headers, 'x-ratelimit-requests-reset');
  return {
    requestsLimit: headerNumber(headers, 'x-ratelimit-requests-limit'),
    requestsRemaining,
    complexityLimit: headerNumber(headers, 'x-ratelimit-complexity-limit'),
    complexityRemaining: headerNumber(headers, 'x-ratelimit-complexity-remaining'),
    resetAt: reset === undefined ? undefined : reset > 1e12 ? reset : reset * 1000,
    lastComplexity: headerNumber(headers, 'x-complexity'),
  };
}

interface Attempt {
  kind: 'ok' | 'auth' | 'rate-limited' | 'transient' | 'fatal';
  data?: Record<string, unknown>;
  errors?: LinearFieldError[];
  error?: unknown;
  waitMs?: number;
  message?: string;
  status?: number;
  /** No HTTP answer at all (refused, reset, timed out). */
  network?: boolean;
}

/**
 * The request function handed to the SDK's `LinearSdk`, so every SDK call and every hand-written query
 * goes through one place with our fetch, deadline, retries and error mapping. Errors are built with the
 * SDK's own `parseLinearError`, so they are the SDK's typed errors before we translate them.
 *
 * Retries: queries are idempotent and retried on 5xx, dropped connections and timeouts. A mutation is
 * retried only when Linear said it was rate limited (it did not run); after a 5xx or a timeout it may have
 * run, so the filing step decides (it looks the result up first).
 */
export function createLinearRequest(sdk: Sdk, options: GatewayOptions): LinearRequest {
  const fetchFn = withTimeout(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.debug);
  const sleep = options.sleep ?? realSleep;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const authorization = options.token.startsWith('lin_oauth_') ? `Bearer ${options.token}` : options.token;

  let budget: LinearBudget | undefined;

  async function attempt(query: string, variables: Record<string, unknown> | undefined, partial: boolean): Promise<Attempt> {
    let response: Response;
    try {
      response = await fetchFn(options.baseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'user-agent': 'triage-cli' },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      return { kind: 'transient', error, message: describeNetworkError(error), network: true };
    }
    budget = readBudget(response.headers) ?? budget;
    const contentType = response.headers.get('content-type') ?? '';
    const result: unknown = contentType.startsWith('application/json') ? await response.json().catch(() => '') : await response.text();
    const body = typeof result === 'object' && result !== null ? (result as { data?: Record<string, unknown>; errors?: unknown[] }) : undefined;
    if (body && response.ok && !body.errors && body.data) return { kind: 'ok', data: body.data };
    if (partial && body && response.ok && body.data && typeof body.data === 'object' && Array.isArray(body.errors)) {
      return { kind: 'ok', data: body.data, errors: body.errors as LinearFieldError[] };
    }

    const sdkError = sdk.parseLinearError(
      new sdk.GraphQLClientError(
        { ...(body ?? { error: typeof result === 'string' ? result.slice(0, 200) : '' }), status: response.status, headers: response.headers } as never,
        { query, variables } as never,
      ),
    );
    const code = firstErrorCode(body?.errors);
    if (sdkError instanceof sdk.RatelimitedLinearError || code === 'RATELIMITED' || response.status === 429) {
      return { kind: 'rate-limited', error: sdkError, waitMs: retryDelayMs(response.headers, Date.now()), status: response.status };
    }
    if (sdkError instanceof sdk.AuthenticationLinearError || response.status === 401) {
      return { kind: 'auth', error: sdkError, status: response.status };
    }
    // Not Linear's JSON (a proxy's or load balancer's page): its status and title, never the page.
    const foreign = !body ? summariseErrorBody(response.status, result, response.statusText) : undefined;
    if (response.status >= 500 || sdkError instanceof sdk.NetworkLinearError || sdkError instanceof sdk.InternalLinearError) {
      return { kind: 'transient', error: sdkError, status: response.status, message: foreign ?? `HTTP ${response.status}` };
    }
    return { kind: 'fatal', error: sdkError, status: response.status, message: foreign ?? safeMessage(sdkError) };
  }

  async function run(document: string, variables: Record<string, unknown> | undefined, partial: boolean): Promise<{ data: Record<string, unknown>; errors: LinearFieldError[] }> {
    const isMutation = /^\s*mutation\b/.test(document);
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? 'request';
    for (let tries = 0; ; tries++) {
      const result = await attempt(document, variables, partial);
      if (result.kind === 'ok') return { data: result.data!, errors: result.errors ?? [] };
      if (result.kind === 'auth') {
        throw new AuthError('linear', 'Linear rejected the API key in LINEAR_API_KEY', {
          hint: 'Create a personal API key in Linear (Settings → Security & access) and export LINEAR_API_KEY; `triage doctor` checks it.',
          cause: result.error,
        });
      }
      const canRetry = tries < retries && (result.kind === 'rate-limited' || (result.kind === 'transient' && !isMutation));
      if (result.kind === 'rate-limited') {
        const wait = result.waitMs ?? backoffMs(tries);
        if (canRetry && wait <= MAX_RATE_LIMIT_WAIT_MS) {
          options.debug?.(`Linear ${operation}: rate limited, waiting ${Math.ceil(wait / 1000)}s`);
          await sleep(wait);
          continue;
        }
        throw new LinearRateLimitError('Linear rate limit reached', budget?.resetAt, {
          hint: 'Wait a minute and run the command again (or `triage resume`).',
          cause: result.error,
          status: result.status,
        });
      }
      if (result.kind === 'transient') {
        if (canRetry) {
          const wait = backoffMs(tries);
          options.debug?.(`Linear ${operation}: ${result.message}, retrying in ${wait} ms`);
          await sleep(wait);
          continue;
        }
        options.debug?.(`Linear ${operation}: ${result.message}, giving up`);
        if (result.network) throw unreachableError('linear', options.baseUrl, result.error);
        throw new ServiceError('linear', `Linear at ${shownUrl(options.baseUrl)} failed: ${result.message}`, {
          cause: result.error,
          status: result.status,
          transient: true,
          hint: 'Linear may be having trouble (status.linear.app); try again in a minute. LINEAR_API_URL sets the endpoint.',
        });
      }
      options.debug?.(`Linear ${operation}: ${result.message}`);
      throw new ServiceError('linear', `Linear refused the request: ${result.message}`, {
        cause: result.error,
        status: result.status,
        ...(result.status === 404 || result.status === 405 ? { hint: `${shownUrl(options.baseUrl)} does not look like Linear's GraphQL endpoint: check LINEAR_API_URL.` } : {}),
      });
    }
  }

  const request = async (document: string, variables?: Record<string, unknown>) => (await run(document, variables, false)).data;
  return Object.assign(request, {
    partial: (document: string, variables?: Record<string, unknown>) => run(document, variables, true),
    budget: () => budget,
  });
}

function firstErrorCode(errors: unknown[] | undefined): string | undefined {
  const first = errors?.[0] as { extensions?: { code?: string } } | undefined;
  return first?.extensions?.code;
}

/** The SDK's message minus anything after the first line: never the query's variables. */
function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).slice(0, 300);
}
