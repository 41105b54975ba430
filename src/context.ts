import { IO, pipedColumns, type Streams } from './cli/io.js';
import { interruptible, NO_INTERRUPTS, type Interrupts } from './cli/interrupts.js';
import { createInquirerPrompter, type Prompter } from './cli/prompter.js';
import type { Paths } from './cli/paths.js';
import type { TriageConfig } from './config/config.js';
import { mayHaveConfig, noConfigFound } from './config/search-places.js';
import { credentialsFor, type Env } from './services/credentials.js';
import type { FetchFn } from './services/http/types.js';
import { timeoutFromEnv } from './services/http/timeout-setting.js';
import type { LinearGateway } from './services/linear/gateway.js';
import type { GitHubGateway } from './services/github/gateway.js';
import type { PylonGateway } from './services/pylon/gateway.js';
import type { PagerDutyGateway } from './services/pagerduty/gateway.js';
import type { SlackApi, SlackWebhook } from './services/slack/gateway.js';
import { AuthError } from './errors.js';

export interface ContextInit {
  streams: Streams;
  env: Env;
  cwd: string;
  paths: Paths;
  colorLevel: 0 | 1 | 2 | 3;
  debug?: boolean;
  now?: () => Date;
  fetch?: FetchFn;
  prompter?: Prompter;
  /** A config already in hand (tests, the sandbox); otherwise it is searched for on first use. */
  config?: TriageConfig;
  /**
   * Endpoints known only once services run (the sandbox's emulators, started on first use): merged over `env`
   * before the first gateway is made.
   */
  services?: () => Promise<Record<string, string>>;
  /** Per-request timeout for every service. */
  timeoutMs?: number;
  /** Tests shrink retry waits; production leaves it unset. */
  retryBaseMs?: number;
  /** Tests shrink GitHub's recommended spacing between writes; production leaves it unset. */
  githubWriteSpacingMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Resolves on Ctrl-C / SIGTERM, for commands that run until stopped. */
  waitForInterrupt?: () => Promise<void>;
  /** The entry point's stop channel (SIGINT, SIGTERM); filings stop between steps and report. */
  interrupts?: Interrupts;
  /** This process's id and a liveness check for others (journal locks left by killed processes). */
  processInfo?: { pid: number; isAlive(pid: number): boolean };
}

/**
 * Everything a command may touch: io, env, cwd, clock, prompter, config and gateways. Gateways and the
 * prompt library are created on first use, so `triage --help` loads none of the SDKs.
 */
export class Context {
  readonly io: IO;
  readonly env: Env;
  readonly cwd: string;
  readonly paths: Paths;
  readonly fetch: FetchFn;
  private readonly clock: () => Date;
  private prompterInstance: Prompter | undefined;
  private configPromise: Promise<TriageConfig> | undefined;
  private serviceEnvPromise: Promise<Env> | undefined;
  private configPath: string | undefined;
  private linearGateway: Promise<LinearGateway> | undefined;
  private githubGateway: Promise<GitHubGateway> | undefined;
  private pylonGateway: Promise<PylonGateway> | undefined;
  private pagerdutyGateway: Promise<PagerDutyGateway> | undefined;
  private slackGateway: Promise<SlackApi> | undefined;
  private slackHook: Promise<SlackWebhook> | undefined;

  constructor(private readonly init: ContextInit) {
    this.io = new IO(init.streams, { colorLevel: init.colorLevel, debug: init.debug ?? false, pipedColumns: pipedColumns(init.env) });
    this.env = init.env;
    this.cwd = init.cwd;
    this.paths = init.paths;
    this.fetch = init.fetch ?? globalThis.fetch;
    this.clock = init.now ?? (() => new Date());
    this.prompterInstance = init.prompter;
    if (init.config) this.configPromise = Promise.resolve(init.config);
  }

  now(): Date {
    return this.clock();
  }

  /** Without the entry point's answer, assume other processes are alive: locks then expire by age only. */
  get processInfo(): { pid: number; isAlive(pid: number): boolean } {
    return this.init.processInfo ?? { pid: 0, isAlive: () => true };
  }

  /** Resolves when the engineer stops a long-running command. */
  waitForInterrupt(): Promise<void> {
    if (this.init.waitForInterrupt) return this.init.waitForInterrupt();
    const { signal } = this.interrupts;
    return new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  }

  /** Aborts on the first SIGINT or SIGTERM. */
  get interrupts(): Interrupts {
    return this.init.interrupts ?? NO_INTERRUPTS;
  }

  get prompter(): Prompter {
    this.prompterInstance ??= createInquirerPrompter(this.init.streams, this.env, { signal: this.interrupts.signal, colour: this.init.colorLevel > 0 });
    return this.prompterInstance;
  }

  /** `--config <path>` from the command line; must be set before the first `config()` call. */
  useConfigPath(path: string | undefined): void {
    if (path && !this.init.config) {
      this.configPath = path;
      this.configPromise = undefined;
    }
  }

  /** `env` with the endpoints of services that start on demand (the sandbox); `env` itself otherwise. */
  serviceEnv(): Promise<Env> {
    const services = this.init.services;
    this.serviceEnvPromise ??= services ? services().then((extra) => ({ ...this.env, ...extra })) : Promise.resolve(this.env);
    return this.serviceEnvPromise;
  }

  config(): Promise<TriageConfig> {
    this.configPromise ??= (async () => {
      const search = { cwd: this.cwd, home: this.paths.home, userConfigDir: this.paths.configDir };
      // Without a config anywhere, say so before loading cosmiconfig and the schema (zod): `redact` runs without one.
      if (!this.configPath && !mayHaveConfig(search)) throw noConfigFound();
      const { loadConfig } = await import('./config/load.js');
      const options: Parameters<typeof loadConfig>[0] = search;
      if (this.configPath) options.explicitPath = this.configPath;
      return loadConfig(options);
    })();
    return this.configPromise;
  }

  linear(): Promise<LinearGateway> {
    this.linearGateway ??= (async () => {
      const env = await this.serviceEnv();
      const credentials = credentialsFor(env, 'linear');
      const { LinearGateway } = await import('./services/linear/gateway.js');
      return LinearGateway.create({ ...credentials, ...this.gatewayOptions('linear') });
    })().then((gateway) => interruptible(gateway, this.interrupts.signal));
    return this.linearGateway;
  }

  github(): Promise<GitHubGateway> {
    this.githubGateway ??= (async () => {
      const env = await this.serviceEnv();
      const credentials = credentialsFor(env, 'github');
      const { GitHubGateway } = await import('./services/github/gateway.js');
      return GitHubGateway.create({
        ...credentials,
        ...this.gatewayOptions('github'),
        ...(this.init.retryBaseMs !== undefined ? { retryBaseMs: this.init.retryBaseMs } : {}),
        ...(this.init.githubWriteSpacingMs !== undefined ? { writeSpacingMs: this.init.githubWriteSpacingMs } : {}),
      });
    })().then((gateway) => interruptible(gateway, this.interrupts.signal));
    return this.githubGateway;
  }

  /** The region comes from PYLON_API_URL, the token's prefix, or the config, in that order (see services/pylon/region.ts). */
  pylon(): Promise<PylonGateway> {
    this.pylonGateway ??= (async () => {
      const env = await this.serviceEnv();
      const credentials = credentialsFor(env, 'pylon');
      const [{ PylonGateway }, { pylonEndpoint, regionOfToken }] = await Promise.all([import('./services/pylon/gateway.js'), import('./services/pylon/region.js')]);
      const needsConfig = !env.PYLON_API_URL?.trim() && !regionOfToken(credentials.token);
      const region = needsConfig ? (await this.config()).pylon.region : undefined;
      const endpoint = pylonEndpoint({ override: env.PYLON_API_URL, token: credentials.token, region });
      this.io.debug(`pylon: ${endpoint.baseUrl} (from ${endpoint.source})`);
      // Progress is for a person at a terminal; a cron log gets nothing (the --debug log has the details).
      const onWait = (route: string, ms: number) =>
        this.io.streams.stderr.isTTY &&
        this.io.info(this.io.color.dim(`… waiting ${Math.ceil(ms / 1000)}s for Pylon's rate limit (${route.replace(/^pylon\./, '').replace(/\./g, ' ')}, a few requests a minute)`));
      return PylonGateway.create({ ...credentials, baseUrl: endpoint.baseUrl, ...this.gatewayOptions('pylon'), now: () => this.now().getTime(), onWait });
    })().then((gateway) => interruptible(gateway, this.interrupts.signal));
    return this.pylonGateway;
  }

  /** PagerDuty's Events API v2 with the routing key in PAGERDUTY_ROUTING_KEY (PAGERDUTY_EVENTS_URL overrides the host). */
  pagerduty(): Promise<PagerDutyGateway> {
    this.pagerdutyGateway ??= (async () => {
      const env = await this.serviceEnv();
      const credentials = credentialsFor(env, 'pagerduty');
      const { PagerDutyGateway } = await import('./services/pagerduty/gateway.js');
      return PagerDutyGateway.create({ ...credentials, ...this.gatewayOptions('pagerduty') });
    })().then((gateway) => interruptible(gateway, this.interrupts.signal));
    return this.pagerdutyGateway;
  }

  /** Slack's Web API with SLACK_BOT_TOKEN (SLACK_API_URL overrides https://slack.com/api). */
  slack(): Promise<SlackApi> {
    this.slackGateway ??= (async () => {
      const env = await this.serviceEnv();
      const credentials = credentialsFor(env, 'slack');
      const { SlackApi } = await import('./services/slack/gateway.js');
      return SlackApi.create({ token: credentials.token, baseUrl: credentials.baseUrl, ...this.gatewayOptions('slack') });
    })().then((gateway) => interruptible(gateway, this.interrupts.signal));
    return this.slackGateway;
  }

  /** The incoming webhook in SLACK_WEBHOOK_URL: the URL is the secret, so it is never printed, not even by --debug. */
  slackWebhook(): Promise<SlackWebhook> {
    this.slackHook ??= (async () => {
      const url = (await this.serviceEnv()).SLACK_WEBHOOK_URL?.trim();
      if (!url) throw new AuthError('slack', 'SLACK_WEBHOOK_URL is not set', { hint: 'Create an incoming webhook for the on-call channel (Slack app → Incoming Webhooks) and export SLACK_WEBHOOK_URL, or give oncall.page\'s Slack target a channel and SLACK_BOT_TOKEN.' });
      const { SlackWebhook } = await import('./services/slack/gateway.js');
      return SlackWebhook.create({ url, ...this.gatewayOptions('slack') });
    })().then((gateway) => interruptible(gateway, this.interrupts.signal));
    return this.slackHook;
  }

  private gatewayOptions(service: string) {
    const options: { fetch: FetchFn; debug: (m: string) => void; timeoutMs?: number; sleep?: (ms: number) => Promise<void> } = {
      fetch: this.fetch,
      debug: (message: string) => this.io.debug(`${service}: ${message}`),
    };
    const timeoutMs = this.init.timeoutMs ?? timeoutFromEnv(this.env.TRIAGE_HTTP_TIMEOUT);
    if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
    if (this.init.sleep) options.sleep = this.init.sleep;
    return options;
  }
}
