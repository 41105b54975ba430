/**
 * A local PagerDuty Events API v2 (`POST /v2/enqueue`), as PagerDuty documents it: 202 `{ status: "success",
 * message, dedup_key }` for an accepted event; 400 `{ status: "invalid event", message, errors: [...] }` for a
 * malformed one or a routing key no service has; 429 when a key sends more than its per-minute budget. Events
 * with a dedup key fold into the open incident that key started, as PagerDuty's alert grouping does.
 */
import { randomUUID } from 'node:crypto';
import { EmulatorServer, type EmulatorResponse, type RecordedRequest } from '../http/emulator-server.js';
import { Router } from '../http/router.js';
import { SlidingWindowLimiter } from '../pylon/rate-limits.js';

export interface PagerDutyIncident {
  routingKey: string;
  dedupKey: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  summary: string;
  severity: string;
  source: string;
  links: Array<{ href: string; text?: string }>;
  customDetails?: unknown;
  createdAt: string;
  resolvedAt?: string;
  /** Every accepted event for this incident, in order. */
  events: Array<{ action: string; at: string }>;
}

export interface PagerDutyState {
  /** Integration keys of the services that exist. */
  routingKeys: string[];
  incidents: PagerDutyIncident[];
}

export function createPagerDutyState(routingKeys: string[] = []): PagerDutyState {
  return { routingKeys, incidents: [] };
}

export interface PagerDutyEmulatorOptions {
  state?: PagerDutyState;
  /** Events per minute per routing key (PagerDuty's documented default: 120). 0 turns limiting off. */
  eventsPerMinute?: number;
  now?: () => Date;
}

export interface PagerDutyEmulator {
  readonly server: EmulatorServer;
  readonly state: PagerDutyState;
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
  /** Accepted events, across incidents, with their action: what a test counts. */
  events(): Array<{ dedupKey: string; action: string }>;
}

const SEVERITIES = ['critical', 'error', 'warning', 'info'];
const ACTIONS = ['trigger', 'acknowledge', 'resolve'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createPagerDutyEmulator(options: PagerDutyEmulatorOptions = {}): PagerDutyEmulator {
  const state = options.state ?? createPagerDutyState();
  const clock = options.now ?? (() => new Date());
  const limiter = new SlidingWindowLimiter({ 'pagerduty.enqueue': options.eventsPerMinute ?? 120 }, clock);
  const router = new Router<(req: RecordedRequest) => EmulatorResponse>();

  const invalid = (...errors: string[]): EmulatorResponse => ({ status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } });

  router.add('POST', '/v2/enqueue', 'pagerduty.enqueue', (req) => {
    let body: unknown = req.body;
    if (body === undefined) {
      try {
        body = JSON.parse(req.rawBody);
      } catch {
        return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid JSON'] } };
      }
    }
    if (!isRecord(body)) return invalid('Event object must be a JSON object');
    const errors: string[] = [];
    const key = body.routing_key;
    if (typeof key !== 'string' || key === '') errors.push("'routing_key' is missing or blank");
    else if (key.length !== 32) errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
    const action = body.event_action;
    if (typeof action !== 'string' || !ACTIONS.includes(action)) errors.push("'event_action' is invalid (must be one of trigger, acknowledge, resolve)");
    const dedupKey = body.dedup_key;
    if (dedupKey !== undefined && (typeof dedupKey !== 'string' || dedupKey.length > 255)) errors.push("'dedup_key' must be a string of at most 255 characters");
    if (action !== 'trigger' && typeof dedupKey !== 'string') errors.push(`'dedup_key' is required for ${String(action)}`);
    const payload = isRecord(body.payload) ? body.payload : undefined;
    if (action === 'trigger') {
      if (!payload) errors.push("'payload' is missing");
      else {
        if (typeof payload.summary !== 'string' || payload.summary === '') errors.push("'payload.summary' is missing or blank");
        else if (payload.summary.length > 1024) errors.push("'payload.summary' is longer than 1024 characters");
        if (typeof payload.source !== 'string' || payload.source === '') errors.push("'payload.source' is missing or blank");
        if (typeof payload.severity !== 'string' || !SEVERITIES.includes(payload.severity)) errors.push("'payload.severity' must be one of critical, error, warning, info");
      }
    }
    if (body.links !== undefined && (!Array.isArray(body.links) || body.links.some((l) => !isRecord(l) || typeof l.href !== 'string'))) errors.push("'links' must be a list of { href, text }");
    if (errors.length) return invalid(...errors);
    if (!state.routingKeys.includes(key as string)) return invalid('Invalid routing key');

    const limit = limiter.check(key as string, 'pagerduty.enqueue');
    if (!limit.allowed) {
      return { status: 429, headers: { 'retry-after': String(limit.retryAfterSeconds) }, body: { status: 'throttle event', message: 'Requests for this service are arriving too quickly. Please retry later.' } };
    }

    const at = clock().toISOString();
    const dedup = typeof dedupKey === 'string' ? dedupKey : randomUUID().replace(/-/g, '');
    const open = state.incidents.find((i) => i.routingKey === key && i.dedupKey === dedup && i.status !== 'resolved');
    if (action === 'trigger') {
      if (open) open.events.push({ action, at });
      else {
        state.incidents.push({
          routingKey: key as string,
          dedupKey: dedup,
          status: 'triggered',
          summary: payload!.summary as string,
          severity: payload!.severity as string,
          source: payload!.source as string,
          links: Array.isArray(body.links) ? (body.links as PagerDutyIncident['links']) : [],
          ...(payload!.custom_details !== undefined ? { customDetails: payload!.custom_details } : {}),
          createdAt: at,
          events: [{ action, at }],
        });
      }
    } else if (open) {
      open.events.push({ action: action as string, at });
      if (action === 'resolve') {
        open.status = 'resolved';
        open.resolvedAt = at;
      } else open.status = 'acknowledged';
    }
    // PagerDuty accepts an acknowledge or resolve for a key with no open incident and drops it.
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedup } };
  });

  const server = new EmulatorServer(
    'pagerduty',
    (req) => {
      const found = router.lookup(req.method, req.path);
      if (found.kind === 'found') {
        req.operation = found.match.operation;
        return found.match.handler(req);
      }
      if (found.kind === 'method-not-allowed') return { status: 405, body: { status: 'invalid event', message: 'Method not allowed', errors: [] } };
      return { status: 404, body: { status: 'invalid event', message: 'Not found', errors: [] } };
    },
    (req) => router.operationOf(req.method, req.path),
  );

  return {
    server,
    state,
    start: (port) => server.start(port),
    stop: () => server.stop(),
    events: () => state.incidents.flatMap((i) => i.events.map((e) => ({ dedupKey: i.dedupKey, action: e.action }))),
  };
}
