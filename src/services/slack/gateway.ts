import { AuthError, ServiceError } from '../../errors.js';
import { backoffMs, retryDelayMs } from '../http/retry-after.js';
import { describeNetworkError, RequestTimeoutError, withTimeout } from '../http/timeout-fetch.js';
import { DEFAULT_TIMEOUT_MS, realSleep, type DebugLog, type FetchFn } from '../http/types.js';

/** Slack's answers that mean the token or webhook itself is wrong (never worth retrying). */
const AUTH_ERRORS = new Set(['not_authed', 'invalid_auth', 'token_revoked', 'token_expired', 'account_inactive', 'invalid_token', 'no_service', 'no_team', 'team_disabled', 'missing_scope', 'not_allowed_token_type']);
const CHANNEL_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'action_prohibited', 'posting_to_general_channel_denied', 'restricted_action']);

const MAX_RATE_LIMIT_WAIT_MS = 60_000;
const MAX_RATE_LIMIT_RETRIES = 4;

export interface SlackMessage {
  ts: string;
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** What triage posts: plain text (Slack mrkdwn), and metadata that lets a resumed run find its own message. */
export interface SlackPost {
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

interface SlackOptions {
  fetch: FetchFn;
  timeoutMs?: number;
  debug?: DebugLog;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Posting is not idempotent in Slack: nothing here is retried after a fault that may have posted (a timeout, a
 * dropped connection, a 5xx). Only a 429 (Slack did not run it) is waited out and retried.
 */
async function send(fetchFn: FetchFn, sleep: (ms: number) => Promise<void>, debug: DebugLog | undefined, what: string, url: string, init: RequestInit, retryOnFault: boolean): Promise<Response> {
  let refusals = 0;
  let faults = 0;
  for (;;) {
    let response: Response;
    try {
      response = await fetchFn(url, init);
    } catch (error) {
      if (retryOnFault && faults < 2) {
        await sleep(backoffMs(faults++));
        continue;
      }
      const timedOut = error instanceof RequestTimeoutError;
      throw new ServiceError('slack', `Slack ${what} ${timedOut ? 'timed out' : `failed (${describeNetworkError(error)})`}`, { cause: error, transient: true });
    }
    if (response.status === 429) {
      const wait = retryDelayMs(response.headers, Date.now()) ?? backoffMs(refusals + 1);
      await response.text().catch(() => '');
      if (refusals++ < MAX_RATE_LIMIT_RETRIES && wait <= MAX_RATE_LIMIT_WAIT_MS) {
        debug?.(`Slack ${what}: rate limited, waiting ${Math.ceil(wait / 1000)}s`);
        await sleep(wait);
        continue;
      }
      throw new ServiceError('slack', `Slack ${what} failed: rate limited`, { status: 429, transient: true, hint: 'Slack limits posts per channel; wait a minute and resume.' });
    }
    if (response.status >= 500 && retryOnFault && faults < 2) {
      await response.text().catch(() => '');
      await sleep(backoffMs(faults++));
      continue;
    }
    return response;
  }
}

function slackError(code: string, what: string, variable: string, status?: number): Error {
  const safe = /^[a-z_]{1,60}$/.test(code) ? code : 'unexpected answer';
  if (AUTH_ERRORS.has(safe)) {
    return new AuthError('slack', `Slack refused ${variable} (${safe})`, {
      hint: variable === 'SLACK_WEBHOOK_URL' ? 'The webhook was removed or its URL is wrong: create an incoming webhook for the channel and export SLACK_WEBHOOK_URL.' : 'Check SLACK_BOT_TOKEN (a bot token with chat:write and channels:history); `triage doctor` checks it.',
    });
  }
  const hint = CHANNEL_ERRORS.has(safe) ? 'Check oncall.page\'s Slack channel id, and that the bot is a member of the channel (/invite @your-app).' : undefined;
  return new ServiceError('slack', `Slack ${what} failed: ${safe}`, { ...(status !== undefined ? { status } : {}), transient: status !== undefined && status >= 500, ...(hint ? { hint } : {}) });
}

/**
 * An incoming webhook (`SLACK_WEBHOOK_URL`). Slack answers in plain text: `ok`, or an error code such as
 * `invalid_token`, `no_service`, `channel_is_archived`, `invalid_payload`, `no_text`. A webhook cannot read the
 * channel back, so a post whose outcome is unknown cannot be checked: the caller decides (at most once).
 */
export class SlackWebhook {
  private readonly fetchFn: FetchFn;
  private readonly sleep: (ms: number) => Promise<void>;

  private constructor(
    private readonly url: string,
    private readonly options: SlackOptions,
  ) {
    this.fetchFn = withTimeout(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.debug ? (m) => options.debug!(m.replace(/\/services\/\S+/, '/services/[webhook]')) : undefined);
    this.sleep = options.sleep ?? realSleep;
  }

  static create(options: SlackOptions & { url: string }): SlackWebhook {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new AuthError('slack', 'SLACK_WEBHOOK_URL is not a URL', { hint: 'Copy the incoming webhook URL from the Slack app settings (https://hooks.slack.com/services/...).' });
    }
    const local = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
    if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:')) {
      throw new AuthError('slack', 'SLACK_WEBHOOK_URL must be an https URL', { hint: 'Copy the incoming webhook URL from the Slack app settings (https://hooks.slack.com/services/...).' });
    }
    return new SlackWebhook(options.url, options);
  }

  async post(message: SlackPost): Promise<void> {
    const response = await send(this.fetchFn, this.sleep, this.options.debug, 'webhook post', this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: message.text }) }, false);
    const text = (await response.text().catch(() => '')).trim();
    if (response.ok && text === 'ok') return;
    if (response.status >= 500) throw new ServiceError('slack', `Slack webhook post failed: HTTP ${response.status}`, { status: response.status, transient: true });
    throw slackError(text.split(/\s/)[0] ?? '', 'webhook post', 'SLACK_WEBHOOK_URL', response.status);
  }

  /**
   * Whether the webhook exists, without posting: a message with no text is refused by a live webhook with
   * `no_text` / `invalid_payload` (400), by a removed one with `no_service` / `invalid_token`.
   */
  async check(): Promise<void> {
    const response = await send(this.fetchFn, this.sleep, this.options.debug, 'webhook check', this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, true);
    const text = (await response.text().catch(() => '')).trim();
    if (response.status === 400 && /^(no_text|invalid_payload|missing_text_or_fallback_or_attachments)\b/.test(text)) return;
    if (response.ok) return;
    throw slackError(text.split(/\s/)[0] ?? '', 'webhook check', 'SLACK_WEBHOOK_URL', response.status);
  }
}

/** Slack's Web API with a bot token: chat.postMessage, conversations.history (to find our own post), auth.test. */
export class SlackApi {
  private readonly fetchFn: FetchFn;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly baseUrl: string;

  private constructor(private readonly options: SlackOptions & { token: string; baseUrl: string }) {
    this.fetchFn = withTimeout(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.debug);
    this.sleep = options.sleep ?? realSleep;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  static create(options: SlackOptions & { token: string; baseUrl: string }): SlackApi {
    return new SlackApi(options);
  }

  async authTest(): Promise<{ team: string; user: string }> {
    const data = await this.call('auth.test', {}, true);
    return { team: String(data.team ?? ''), user: String(data.user ?? '') };
  }

  /** Not retried after a fault that may have posted: the caller looks in the channel first. */
  async postMessage(channel: string, message: SlackPost): Promise<{ channel: string; ts: string }> {
    const body: Record<string, unknown> = { channel, text: message.text, unfurl_links: false, unfurl_media: false };
    if (message.metadata) body.metadata = message.metadata;
    const data = await this.call('chat.postMessage', body, false);
    return { channel: String(data.channel ?? channel), ts: String(data.ts ?? '') };
  }

  /** Messages of a channel since `oldest` (epoch seconds), newest first, with their metadata, every page. */
  async history(channel: string, oldest: number): Promise<SlackMessage[]> {
    const messages: SlackMessage[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const data = await this.call('conversations.history', { channel, oldest: oldest.toFixed(6), limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) }, true);
      for (const m of Array.isArray(data.messages) ? (data.messages as Array<Record<string, unknown>>) : []) {
        const message: SlackMessage = { ts: String(m.ts ?? ''), text: String(m.text ?? '') };
        if (m.metadata && typeof m.metadata === 'object') message.metadata = m.metadata as SlackMessage['metadata'] & object;
        messages.push(message);
      }
      cursor = (data.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
      if (!data.has_more || !cursor) break;
    }
    return messages;
  }

  private async call(method: string, body: Record<string, unknown>, safe: boolean): Promise<Record<string, unknown>> {
    const init = { method: 'POST', headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json; charset=utf-8', 'user-agent': 'triage-cli' }, body: JSON.stringify(body) };
    const response = await send(this.fetchFn, this.sleep, this.options.debug, method, `${this.baseUrl}/${method}`, init, safe);
    const text = await response.text().catch(() => '');
    let data: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
    } catch {
      // not JSON: handled below
    }
    if (response.status >= 500) throw new ServiceError('slack', `Slack ${method} failed: HTTP ${response.status}`, { status: response.status, transient: true });
    if (data.ok === true) return data;
    throw slackError(typeof data.error === 'string' ? data.error : 'unexpected_answer', method, 'SLACK_BOT_TOKEN', response.status);
  }
}
