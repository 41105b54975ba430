import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createLinearEmulator, type LinearEmulator } from './linear/emulator.js';
import { createGitHubEmulator, type GitHubEmulator } from './github/emulator.js';
import { createPylonEmulator, type PylonEmulator } from './pylon/emulator.js';
import { DEMO_PYLON_WEB_URL, demoGitHubState, demoLinearState, demoPylonState } from './seed/demo-workspace.js';
import { createPagerDutyEmulator, type PagerDutyEmulator, type PagerDutyState } from './pagerduty/emulator.js';
import { createSlackEmulator, type SlackEmulator, type SlackState } from './slack/emulator.js';
import { demoPagerDutyState, demoSlackState, demoWebhookPath } from './seed/demo-paging.js';
import type { LinearState } from './linear/state.js';
import type { GitHubState } from './github/state.js';
import type { PylonState } from './pylon/state.js';

/** Not secrets: fixed, documented values so `--sandbox` needs nothing exported. */
export const SANDBOX_TOKENS = {
  linear: 'sandbox-linear-key',
  github: 'sandbox-github-token',
  pylon: 'sandbox-pylon-token',
  /** PagerDuty integration keys are 32 letters and digits: this one says what it is. */
  pagerduty: 'sandboxPagerDutyRoutingKey000000',
  slackBot: 'sandbox-slack-bot-token',
  slackWebhookSecret: 'sandbox-webhook',
} as const;

/** Links in the sandbox point at reserved `.invalid` hosts: nobody mistakes them for real tickets. */
export const SANDBOX_WEB = {
  linear: 'https://linear.sandbox.invalid',
  github: 'https://github.sandbox.invalid',
  pylon: DEMO_PYLON_WEB_URL,
} as const;

/** Bumped when the demo workspace gains something commands rely on; older saved states are reseeded. */
const STATE_VERSION = 3;

interface SavedState {
  version: typeof STATE_VERSION;
  linear: LinearState;
  github: GitHubState;
  pylon: PylonState;
  pagerduty: PagerDutyState;
  slack: SlackState;
}

export interface SandboxUrls {
  linear: string;
  github: string;
  pylon: string;
  pagerduty: string;
  slack: string;
}

export interface Sandbox {
  urls: SandboxUrls;
  /** What a triage process needs to talk to it. */
  env: Record<string, string>;
  dir: string;
  save(): Promise<void>;
  /** Whether any emulator was sent a request: a run that sent none changed nothing worth saving. */
  touched(): boolean;
  stop(): Promise<void>;
}

export function sandboxDir(stateDir: string): string {
  return join(stateDir, 'sandbox');
}

export function sandboxEnv(urls: SandboxUrls): Record<string, string> {
  return {
    LINEAR_API_KEY: SANDBOX_TOKENS.linear,
    LINEAR_API_URL: `${urls.linear}/graphql`,
    GITHUB_TOKEN: SANDBOX_TOKENS.github,
    GITHUB_API_URL: urls.github,
    PYLON_API_TOKEN: SANDBOX_TOKENS.pylon,
    PYLON_API_URL: urls.pylon,
    PAGERDUTY_ROUTING_KEY: SANDBOX_TOKENS.pagerduty,
    PAGERDUTY_EVENTS_URL: urls.pagerduty,
    SLACK_BOT_TOKEN: SANDBOX_TOKENS.slackBot,
    SLACK_API_URL: `${urls.slack}/api`,
    SLACK_WEBHOOK_URL: `${urls.slack}${demoWebhookPath(SANDBOX_TOKENS.slackWebhookSecret)}`,
  };
}

async function loadState(dir: string, reset: boolean): Promise<SavedState> {
  const file = join(dir, 'state.json');
  if (reset) await rm(file, { force: true });
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as SavedState;
    if (saved.version === STATE_VERSION && saved.linear && saved.github && saved.pylon && saved.pagerduty && saved.slack) return saved;
  } catch {
    // No saved state yet (or unreadable): start from the demo workspace.
  }
  return { version: STATE_VERSION, linear: demoLinearState(SANDBOX_TOKENS, { githubWebUrl: SANDBOX_WEB.github }), github: demoGitHubState(SANDBOX_TOKENS), pylon: demoPylonState(SANDBOX_TOKENS), pagerduty: demoPagerDutyState(SANDBOX_TOKENS), slack: demoSlackState(SANDBOX_TOKENS) };
}

async function saveState(dir: string, state: SavedState): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'state.json');
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(state), { mode: 0o600 });
  await rename(temp, file);
}

/**
 * Starts the emulators of Linear, GitHub, Pylon, PagerDuty and Slack on 127.0.0.1 with the demo workspace, or with the state a
 * previous run left in `<state dir>/sandbox/state.json`.
 */
export async function startSandbox(options: { stateDir: string; reset?: boolean; ports?: Partial<Record<keyof SandboxUrls, number>> }): Promise<Sandbox> {
  const dir = sandboxDir(options.stateDir);
  const state = await loadState(dir, options.reset ?? false);
  const linear: LinearEmulator = createLinearEmulator({ state: state.linear, webUrl: SANDBOX_WEB.linear });
  const github: GitHubEmulator = createGitHubEmulator({ state: state.github, webUrl: SANDBOX_WEB.github });
  // Pylon's real per-minute limits stay on: the sandbox shows how triage paces itself under them.
  const pylon: PylonEmulator = createPylonEmulator({ state: state.pylon, webUrl: SANDBOX_WEB.pylon });
  const pagerduty: PagerDutyEmulator = createPagerDutyEmulator({ state: state.pagerduty });
  const slack: SlackEmulator = createSlackEmulator({ state: state.slack });
  const [linearUrl, githubUrl, pylonUrl, pagerdutyUrl, slackUrl] = await Promise.all([
    linear.start(options.ports?.linear),
    github.start(options.ports?.github),
    pylon.start(options.ports?.pylon),
    pagerduty.start(options.ports?.pagerduty),
    slack.start(options.ports?.slack),
  ]);
  const urls = { linear: linearUrl, github: githubUrl, pylon: pylonUrl, pagerduty: pagerdutyUrl, slack: slackUrl };
  const save = () => saveState(dir, { version: STATE_VERSION, linear: linear.state, github: github.state, pylon: pylon.state, pagerduty: pagerduty.state, slack: slack.state });
  if (options.reset) await save();
  return {
    urls,
    env: sandboxEnv(urls),
    dir,
    save,
    touched: () => [linear, github, pylon, pagerduty, slack].some((emulator) => emulator.server.requests.length > 0),
    async stop() {
      await Promise.all([linear.stop(), github.stop(), pylon.stop(), pagerduty.stop(), slack.stop()]);
    },
  };
}

/** Where a running `triage sandbox` says it can be reached. */
export interface ServerInfo {
  pid: number;
  urls: SandboxUrls;
  startedAt: string;
}

export async function writeServerInfo(dir: string, info: ServerInfo): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'server.json'), JSON.stringify(info), { mode: 0o600 });
}

export async function removeServerInfo(dir: string): Promise<void> {
  await rm(join(dir, 'server.json'), { force: true });
}

/** A running sandbox server, if one answers at the address it wrote down. */
export async function findRunningSandbox(stateDir: string, fetchFn: typeof fetch): Promise<ServerInfo | undefined> {
  let info: ServerInfo;
  try {
    info = JSON.parse(await readFile(join(sandboxDir(stateDir), 'server.json'), 'utf8')) as ServerInfo;
  } catch {
    return undefined;
  }
  try {
    const response = await fetchFn(`${info.urls.github}/user`, {
      headers: { authorization: `token ${SANDBOX_TOKENS.github}` },
      signal: AbortSignal.timeout(500),
    });
    return response.ok ? info : undefined;
  } catch {
    return undefined;
  }
}
