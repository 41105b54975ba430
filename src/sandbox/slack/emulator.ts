/**
 * A local Slack for the two ways triage posts: incoming webhooks (`POST /services/T…/B…/secret`, answered in
 * plain text: `ok`, `invalid_payload`, `no_text`, `invalid_token`, `no_service`, `channel_is_archived`) and the
 * Web API under `/api` (`chat.postMessage`, `conversations.history`, `auth.test`), answered as Slack does: HTTP
 * 200 with `{ ok: true, ... }` or `{ ok: false, error: "channel_not_found" | "not_authed" | "invalid_auth" | ... }`,
 * and 429 `{ ok: false, error: "ratelimited" }` with Retry-After beyond about one message per second a channel.
 */
import { EmulatorServer, type EmulatorResponse, type RecordedRequest } from '../http/emulator-server.js';
import { SlidingWindowLimiter } from '../pylon/rate-limits.js';

export interface SlackChannel {
  id: string;
  name: string;
  archived?: boolean;
}

export interface SlackStoredMessage {
  channel: string;
  ts: string;
  text: string;
  /** Who posted: a bot token's bot id, or the webhook's. */
  botId: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface SlackState {
  team: { id: string; name: string; domain: string };
  /** Bot tokens, each with the channels its bot is a member of. */
  tokens: Array<{ token: string; botId: string; user: string; channels: string[] }>;
  webhooks: Array<{ path: string; channel: string; botId: string; removed?: boolean }>;
  channels: SlackChannel[];
  messages: SlackStoredMessage[];
}

export function createSlackState(partial: Partial<SlackState> = {}): SlackState {
  return {
    team: partial.team ?? { id: 'T0SANDBOX', name: 'Acme', domain: 'acme' },
    tokens: partial.tokens ?? [],
    webhooks: partial.webhooks ?? [],
    channels: partial.channels ?? [],
    messages: partial.messages ?? [],
  };
}

export interface SlackEmulatorOptions {
  state?: SlackState;
  /** Posts per minute per channel (Slack: about one a second, bursts allowed). 0 turns limiting off. */
  postsPerMinute?: number;
  now?: () => Date;
}

export interface SlackEmulator {
  readonly server: EmulatorServer;
  readonly state: SlackState;
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Web API takes JSON, form-encoded bodies and query strings alike. */
function argsOf(req: RecordedRequest): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(req.query.entries());
  const type = req.headers['content-type'] ?? '';
  if (type.includes('json') && isRecord(req.body)) Object.assign(args, req.body);
  else if (type.includes('x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(req.rawBody)) args[k] = v;
  }
  return args;
}

export function createSlackEmulator(options: SlackEmulatorOptions = {}): SlackEmulator {
  const state = options.state ?? createSlackState();
  const clock = options.now ?? (() => new Date());
  const limiter = new SlidingWindowLimiter({ 'slack.post': options.postsPerMinute ?? 60 }, clock);
  let lastTs = 0;

  const nextTs = (): string => {
    // Slack's ts is "seconds.micro", unique in a channel and increasing.
    const now = clock().getTime() * 1000;
    lastTs = Math.max(lastTs + 1, now);
    return `${Math.floor(lastTs / 1e6)}.${String(lastTs % 1e6).padStart(6, '0')}`;
  };
  const ok = (data: Record<string, unknown> = {}): EmulatorResponse => ({ status: 200, body: { ok: true, ...data } });
  const fail = (error: string, status = 200, headers?: Record<string, string>): EmulatorResponse => ({ status, ...(headers ? { headers } : {}), body: { ok: false, error } });

  function rateLimited(channel: string): EmulatorResponse | undefined {
    const decision = limiter.check(channel, 'slack.post');
    return decision.allowed ? undefined : fail('ratelimited', 429, { 'retry-after': String(decision.retryAfterSeconds) });
  }

  function webhook(req: RecordedRequest): EmulatorResponse {
    const text = (status: number, body: string, headers?: Record<string, string>): EmulatorResponse => ({ status, body, headers: { 'content-type': 'text/html', ...headers } });
    const hook = state.webhooks.find((w) => w.path === req.path);
    if (!hook) return text(404, 'no_service');
    if (hook.removed) return text(403, 'invalid_token');
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody);
    } catch {
      return text(400, 'invalid_payload');
    }
    if (!isRecord(body)) return text(400, 'invalid_payload');
    if (typeof body.text !== 'string' || body.text.trim() === '') return text(400, 'no_text');
    const channel = state.channels.find((c) => c.id === hook.channel);
    if (!channel) return text(404, 'channel_not_found');
    if (channel.archived) return text(410, 'channel_is_archived');
    const limited = rateLimited(channel.id);
    if (limited) return text(429, 'rate_limited', { 'retry-after': limited.headers!['retry-after']! });
    state.messages.push({ channel: channel.id, ts: nextTs(), text: body.text, botId: hook.botId });
    return text(200, 'ok');
  }

  function api(req: RecordedRequest, method: string): EmulatorResponse {
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const args = argsOf(req);
    const tokenValue = auth ?? (typeof args.token === 'string' ? args.token : undefined);
    if (!tokenValue) return fail('not_authed');
    const token = state.tokens.find((t) => t.token === tokenValue);
    if (!token) return fail('invalid_auth');

    switch (method) {
      case 'auth.test':
        return ok({ url: `https://${state.team.domain}.slack.com/`, team: state.team.name, user: token.user, team_id: state.team.id, user_id: `U${token.botId.slice(1)}`, bot_id: token.botId });
      case 'chat.postMessage': {
        const target = typeof args.channel === 'string' ? args.channel.replace(/^#/, '') : '';
        if (!target) return fail('channel_not_found');
        const channel = state.channels.find((c) => c.id === target || c.name === target);
        if (!channel) return fail('channel_not_found');
        if (channel.archived) return fail('is_archived');
        if (!token.channels.includes(channel.id)) return fail('not_in_channel');
        const text = typeof args.text === 'string' ? args.text : '';
        if (!text.trim() && !args.blocks) return fail('no_text');
        const limited = rateLimited(channel.id);
        if (limited) return limited;
        let metadata: unknown = args.metadata;
        if (typeof metadata === 'string') {
          try {
            metadata = JSON.parse(metadata);
          } catch {
            return fail('invalid_metadata_format');
          }
        }
        if (metadata !== undefined && (!isRecord(metadata) || typeof metadata.event_type !== 'string' || !isRecord(metadata.event_payload))) return fail('invalid_metadata_schema');
        const message: SlackStoredMessage = { channel: channel.id, ts: nextTs(), text, botId: token.botId, ...(metadata ? { metadata: metadata as SlackStoredMessage['metadata'] & object } : {}) };
        state.messages.push(message);
        return ok({ channel: channel.id, ts: message.ts, message: { type: 'message', text, bot_id: token.botId, ts: message.ts } });
      }
      case 'conversations.history': {
        const id = typeof args.channel === 'string' ? args.channel : '';
        const channel = state.channels.find((c) => c.id === id);
        if (!channel) return fail('channel_not_found');
        if (!token.channels.includes(channel.id)) return fail('not_in_channel');
        const oldest = Number(args.oldest ?? 0);
        const latest = args.latest !== undefined ? Number(args.latest) : Infinity;
        const limit = Math.min(999, Math.max(1, Number(args.limit ?? 100) || 100));
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true' || args.include_all_metadata === '1';
        const all = state.messages.filter((m) => m.channel === channel.id && Number(m.ts) > oldest && Number(m.ts) < latest).sort((a, b) => Number(b.ts) - Number(a.ts));
        const start = typeof args.cursor === 'string' && args.cursor ? Number(Buffer.from(args.cursor, 'base64').toString('utf8').replace(/^next:/, '')) || 0 : 0;
        const page = all.slice(start, start + limit);
        const more = start + limit < all.length;
        return ok({
          messages: page.map((m) => ({ type: 'message', ts: m.ts, text: m.text, bot_id: m.botId, ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) })),
          has_more: more,
          response_metadata: { next_cursor: more ? Buffer.from(`next:${start + limit}`).toString('base64') : '' },
        });
      }
      default:
        return fail('unknown_method', 404);
    }
  }

  const operation = (req: RecordedRequest): string | undefined => {
    if (req.path.startsWith('/services/')) return 'slack.webhook';
    const method = /^\/api\/([\w.]+)$/.exec(req.path)?.[1];
    return method ? `slack.${method}` : undefined;
  };
  const server = new EmulatorServer(
    'slack',
    (req) => {
      req.operation = operation(req);
      if (req.path.startsWith('/services/')) return req.method === 'POST' ? webhook(req) : { status: 405, body: 'invalid_method' };
      const method = /^\/api\/([\w.]+)$/.exec(req.path)?.[1];
      if (!method) return { status: 404, body: 'not found' };
      return api(req, method);
    },
    operation,
  );
  return { server, state, start: (port) => server.start(port), stop: () => server.stop() };
}
