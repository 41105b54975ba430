import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createLinearEmulator, type LinearEmulator } from './linear/emulator.js';
import { createGitHubEmulator, type GitHubEmulator } from './github/emulator.js';
import { createPylonEmulator, type PylonEmulator } from './pylon/emulator.js';
import { DEMO_PYLON_WEB_URL, demoGitHubState, demoLinearState, demoPylonState } from './seed/demo-workspace.js';
import { createPagerDutyEmulator, type PagerDutyEmulator, type PagerDutyState } from './pagerduty/emulator.js';
import { createSlackEmulator, type SlackEmulator, type SlackState } from './slack/emulator.js';
import { demoPagerDutyState, demoSlackState } from './seed/demo-paging.js';
import { SANDBOX_TOKENS, sandboxDir, sandboxEnv, type SandboxUrls } from './endpoints.js';

export { findRunningSandbox, removeServerInfo, SANDBOX_TOKENS, sandboxDir, sandboxEnv, writeServerInfo, type SandboxUrls, type ServerInfo } from './endpoints.js';
import type { LinearState } from './linear/state.js';
import type { GitHubState } from './github/state.js';
import type { PylonState } from './pylon/state.js';


/** Links in the sandbox point at reserved `.invalid` hosts: nobody mistakes them for real tickets. */
export const SANDBOX_WEB = {
  linear: 'https://linear.sandbox.invalid',
  github: 'https://github.sandbox.invalid',
  pylon: DEMO_PYLON_WEB_URL,
} as const;

/** Bumped when the demo workspace gains something commands rely on; older saved states are reseeded. */
const STATE_VERSION = 4;

interface SavedState {
  version: typeof STATE_VERSION;
  linear: LinearState;
  github: GitHubState;
  pylon: PylonState;
  pagerduty: PagerDutyState;
  slack: SlackState;
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




