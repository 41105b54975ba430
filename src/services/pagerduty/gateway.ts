import { AuthError, ServiceError } from '../../errors.js';
import { backoffMs, retryDelayMs } from '../http/retry-after.js';
import { describeNetworkError, RequestTimeoutError, withTimeout } from '../http/timeout-fetch.js';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS, realSleep, type FetchFn, type GatewayOptions } from '../http/types.js';

/**
 * PagerDuty's Events API v2 integration keys are 32 characters, letters and digits. Checked before any request
 * (and by `triage doctor`), so a pasted URL or a REST API token is named for what it is.
 */
export const ROUTING_KEY_PATTERN = /^[A-Za-z0-9]{32}$/;

export function routingKeyProblem(key: string): string | undefined {
  if (ROUTING_KEY_PATTERN.test(key)) return undefined;
  if (/^https?:/i.test(key)) return 'is a URL, not an integration key';
  return `is ${key.length} characters long; an Events API v2 integration key is 32 letters and digits`;
}

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

export interface PagerDutyTrigger {
  dedupKey: string;
  summary: string;
  source: string;
  severity: PagerDutySeverity;
  links?: Array<{ href: string; text: string }>;
  customDetails?: Record<string, unknown>;
  clientUrl?: string;
}

export interface PagerDutyAnswer {
  status: string;
  message: string;
  dedupKey: string;
}

/** A Retry-After longer than this stops the command (the filing is resumable) rather than hold the terminal. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
const MAX_RATE_LIMIT_RETRIES = 4;

/**
 * PagerDuty's Events API v2 (`POST /v2/enqueue`), built from `{ token (the routing key), baseUrl, fetch }`.
 * Every event carries a dedup key, so PagerDuty folds repeats into the incident that key opened: a trigger (or
 * a resolve) is safe to retry after a 5xx, a timeout, a dropped connection or a 429.
 */
export class PagerDutyGateway {
  private readonly fetchFn: FetchFn;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retries: number;
  private readonly baseUrl: string;

  private constructor(private readonly options: GatewayOptions) {
    this.fetchFn = withTimeout(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.debug);
    this.sleep = options.sleep ?? realSleep;
    this.retries = options.retries ?? DEFAULT_RETRIES;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  static create(options: GatewayOptions): PagerDutyGateway {
    const problem = routingKeyProblem(options.token);
    if (problem) {
      throw new AuthError('pagerduty', `PAGERDUTY_ROUTING_KEY ${problem}`, {
        hint: 'Use the "Integration Key" of the service\'s Events API v2 integration (PagerDuty → Service → Integrations).',
      });
    }
    return new PagerDutyGateway(options);
  }

  trigger(event: PagerDutyTrigger): Promise<PagerDutyAnswer> {
    const payload: Record<string, unknown> = { summary: event.summary.slice(0, 1024), source: event.source, severity: event.severity };
    if (event.customDetails) payload.custom_details = event.customDetails;
    const body: Record<string, unknown> = { routing_key: this.options.token, event_action: 'trigger', dedup_key: event.dedupKey, payload, client: 'triage' };
    if (event.clientUrl) body.client_url = event.clientUrl;
    if (event.links?.length) body.links = event.links;
    return this.enqueue(body, 'trigger');
  }

  /** Resolves the incident the key opened; resolving one already resolved changes nothing. */
  resolve(dedupKey: string): Promise<PagerDutyAnswer> {
    return this.enqueue({ routing_key: this.options.token, event_action: 'resolve', dedup_key: dedupKey }, 'resolve');
  }

  private async enqueue(body: Record<string, unknown>, what: string): Promise<PagerDutyAnswer> {
    const url = `${this.baseUrl}/v2/enqueue`;
    const init = { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'triage-cli' }, body: JSON.stringify(body) };
    let faults = 0;
    let refusals = 0;
    for (;;) {
      let response: Response;
      try {
        response = await this.fetchFn(url, init);
      } catch (error) {
        if (faults < this.retries) {
          const wait = backoffMs(faults++);
          this.options.debug?.(`PagerDuty ${what}: ${describeNetworkError(error)}, retrying in ${wait} ms`);
          await this.sleep(wait);
          continue;
        }
        const timedOut = error instanceof RequestTimeoutError;
        throw new ServiceError('pagerduty', `PagerDuty ${what} ${timedOut ? 'timed out' : `failed (${describeNetworkError(error)})`}`, { cause: error, transient: true });
      }
      const answer = await readJson(response);
      if (response.status === 202 || response.ok) {
        return { status: str(answer.status) ?? 'success', message: str(answer.message) ?? '', dedupKey: str(answer.dedup_key) ?? String(body.dedup_key) };
      }
      if (response.status === 429) {
        const wait = retryDelayMs(response.headers, Date.now()) ?? backoffMs(refusals + 1);
        if (refusals++ < MAX_RATE_LIMIT_RETRIES && wait <= MAX_RATE_LIMIT_WAIT_MS) {
          this.options.debug?.(`PagerDuty ${what}: rate limited, waiting ${Math.ceil(wait / 1000)}s`);
          await this.sleep(wait);
          continue;
        }
        throw new ServiceError('pagerduty', `PagerDuty ${what} failed: 429 rate limited`, { status: 429, transient: true, hint: 'PagerDuty limits events per integration key; wait a minute and resume.' });
      }
      if (response.status >= 500 && faults < this.retries) {
        const wait = backoffMs(faults++);
        this.options.debug?.(`PagerDuty ${what}: HTTP ${response.status}, retrying in ${wait} ms`);
        await this.sleep(wait);
        continue;
      }
      throw toPagerDutyError(response.status, answer, what, this.options.token);
    }
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** PagerDuty's 400 names what is wrong with the event in `errors`; a bad routing key is an authentication problem. */
export function toPagerDutyError(status: number, answer: Record<string, unknown>, what: string, routingKey: string): Error {
  const errors = (Array.isArray(answer.errors) ? answer.errors : []).filter((e): e is string => typeof e === 'string').map((e) => e.split(routingKey).join('[routing key]').slice(0, 200));
  const message = (str(answer.message) ?? '').split(routingKey).join('[routing key]').slice(0, 200);
  const detail = [message, ...errors].filter(Boolean).join('; ') || `HTTP ${status}`;
  if (status === 401 || status === 403 || (status === 400 && errors.some((e) => /routing.?key|integration key/i.test(e)))) {
    return new AuthError('pagerduty', `PagerDuty refused the routing key in PAGERDUTY_ROUTING_KEY (${status} ${detail})`, {
      hint: 'Check PAGERDUTY_ROUTING_KEY is the Events API v2 integration key of the on-call service (`triage doctor`).',
    });
  }
  return new ServiceError('pagerduty', `PagerDuty ${what} failed: ${status} ${detail}`, { status, transient: status >= 500 });
}
