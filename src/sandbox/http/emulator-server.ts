import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the emulator saw it, kept so tests can assert on what the SDKs really sent. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/repos/acme/app/issues`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names are lower-case. The authorization header is kept so auth tests can inspect it. */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** Parsed JSON body when the body is JSON, else undefined. */
  readonly body: unknown;
  /** Set by emulators that understand the request, e.g. the GraphQL root field (`issueCreate`) or a route name. */
  operation?: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string. */
  body?: unknown;
}

export type FaultMatcher = (req: RecordedRequest) => boolean;

/**
 * A fault to inject. The first `times` matching requests get the fault instead of (or, for `delayMs`, before)
 * normal handling. `afterHandling` applies the fault *after* the emulator processed the request, so the
 * state changes but the client sees a failure: the case that makes blind retries create duplicates.
 */
export interface Fault {
  match: FaultMatcher;
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Seconds, sent as a Retry-After header. */
  retryAfter?: number;
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Hang without answering (the client's timeout must fire). Released when the server stops. */
  hang?: boolean;
  afterHandling?: boolean;
  /** Called when a request takes this fault: a test learns that the step it waits for has begun. */
  onMatch?: (req: RecordedRequest) => void;
  /**
   * Hold the request until this settles, then go on (handle it, or with `afterHandling` send the answer already
   * made). With a test's signal in between, this is "the client died while the service was answering": before
   * handling, the write lands after the client is gone; after handling, it landed and the answer was lost.
   */
  until?: Promise<unknown>;
}

export type EmulatorHandler = (req: RecordedRequest) => Promise<EmulatorResponse> | EmulatorResponse;

interface ActiveFault extends Fault {
  remaining: number;
}

/**
 * The HTTP shell shared by the Linear, GitHub and Pylon emulators: listens on 127.0.0.1, records requests,
 * injects faults and latency. The service-specific behaviour lives in the handler.
 */
export class EmulatorServer {
  readonly requests: RecordedRequest[] = [];
  /** Added to every response; the sync benchmark uses it to model a real network. */
  latencyMs = 0;
  private readonly faults: ActiveFault[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();
  private baseUrl = '';

  constructor(
    readonly name: string,
    private readonly handler: EmulatorHandler,
    /**
     * Names the request's operation as soon as it is read. Without it `operation` is only set by the handler,
     * which runs after before-handling faults are matched, so `match: (r) => r.operation === ...` never fired.
     */
    private readonly classify?: (req: RecordedRequest) => string | undefined,
  ) {}

  get url(): string {
    if (!this.baseUrl) throw new Error(`${this.name} emulator is not started`);
    return this.baseUrl;
  }

  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => {
      // A client that aborts mid-body makes reading the request reject; don't let that become an unhandled rejection.
      this.handle(req, res).catch(() => res.destroy());
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port: actual } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${actual}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests recorded so far that match, e.g. `emu.count((r) => r.operation === 'issueCreate')`. */
  count(match: FaultMatcher): number {
    return this.requests.filter(match).length;
  }

  private takeFault(req: RecordedRequest, afterHandling: boolean): ActiveFault | undefined {
    const index = this.faults.findIndex((f) => f.remaining > 0 && Boolean(f.afterHandling) === afterHandling && f.match(req));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  /** Requests being handled right now (a held one included): a test waits for 0 before it reads the state. */
  inFlight = 0;

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight += 1;
    try {
      await this.handleCounted(req, res);
    } finally {
      this.inFlight -= 1;
    }
  }

  private async handleCounted(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await readRequest(req);
    if (this.classify) recorded.operation = this.classify(recorded);
    this.requests.push(recorded);
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    let response: EmulatorResponse;
    const before = this.takeFault(recorded, false);
    if (before && (await this.applyFault(before, recorded, res))) return;
    try {
      response = await this.handler(recorded);
    } catch (error) {
      response = { status: 500, body: { message: `emulator ${this.name} crashed: ${(error as Error).message}` } };
    }
    const after = this.takeFault(recorded, true);
    if (after && (await this.applyFault(after, recorded, res))) return;
    send(res, response);
  }

  /** Returns true when the fault answered (or dropped) the request. */
  private async applyFault(fault: Fault, req: RecordedRequest, res: ServerResponse): Promise<boolean> {
    fault.onMatch?.(req);
    if (fault.until) await fault.until.catch(() => {});
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      res.socket?.destroy();
      return true;
    }
    if (fault.hang) {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return true;
    }
    if (fault.status === undefined) return false;
    const headers: Record<string, string> = { ...fault.headers };
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    send(res, { status: fault.status, headers, body: fault.body ?? { message: `injected ${fault.status}` } });
    return true;
  }
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  let body: unknown;
  if (rawBody && (headers['content-type'] ?? '').includes('json')) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
  }
  return { method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, headers, rawBody, body };
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...response.headers };
  let payload = '';
  if (response.body !== undefined) {
    payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = typeof response.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    }
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
