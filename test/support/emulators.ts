import { afterAll, beforeAll } from 'vitest';
import { createLinearEmulator, type LinearEmulator } from '../../src/sandbox/linear/emulator.js';
import { createGitHubEmulator, type GitHubEmulator } from '../../src/sandbox/github/emulator.js';
import { createPylonEmulator, type PylonEmulator, type PylonEmulatorOptions } from '../../src/sandbox/pylon/emulator.js';
import { DEMO_PYLON_WEB_URL, demoGitHubState, demoLinearState, demoPylonState } from '../../src/sandbox/seed/demo-workspace.js';
import { createPagerDutyEmulator, type PagerDutyEmulator } from '../../src/sandbox/pagerduty/emulator.js';
import { createSlackEmulator, type SlackEmulator } from '../../src/sandbox/slack/emulator.js';
import { demoPagerDutyState, demoSlackState, demoWebhookPath } from '../../src/sandbox/seed/demo-paging.js';
import { testTokens } from './tokens.js';

export interface Emulators {
  linear: LinearEmulator;
  github: GitHubEmulator;
  /** Only when `startEmulators({ pylon: ... })` asked for it. */
  pylon?: PylonEmulator;
  /** The paging targets of the demo config: always started (an Urgent filing pages). */
  pagerduty: PagerDutyEmulator;
  slack: SlackEmulator;
  tokens: ReturnType<typeof testTokens>;
  /** The environment a triage process needs to talk to these emulators. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface EmulatorsOptions {
  /** Also start Pylon, seeded with the demo tickets unless `state` is given. `true` keeps Pylon's rate limits on. */
  pylon?: boolean | Omit<PylonEmulatorOptions, 'state'> & { state?: PylonEmulatorOptions['state'] };
}

/** Starts Linear and GitHub (and, when asked, Pylon) emulators on 127.0.0.1 with the demo workspace and fresh tokens. */
export async function startEmulators(options: EmulatorsOptions = {}): Promise<Emulators> {
  const tokens = testTokens();
  const linear = createLinearEmulator({ state: demoLinearState(tokens) });
  const github = createGitHubEmulator({ state: demoGitHubState(tokens) });
  const pylonOptions = options.pylon === true ? {} : options.pylon || undefined;
  const pylon = pylonOptions ? createPylonEmulator({ webUrl: DEMO_PYLON_WEB_URL, ...pylonOptions, state: pylonOptions.state ?? demoPylonState(tokens) }) : undefined;
  const pagerduty = createPagerDutyEmulator({ state: demoPagerDutyState(tokens) });
  const slack = createSlackEmulator({ state: demoSlackState(tokens) });
  const [linearUrl, githubUrl, pylonUrl, pagerdutyUrl, slackUrl] = await Promise.all([linear.start(), github.start(), pylon?.start(), pagerduty.start(), slack.start()]);
  return {
    linear,
    github,
    ...(pylon ? { pylon } : {}),
    pagerduty,
    slack,
    tokens,
    env: {
      LINEAR_API_KEY: tokens.linear,
      LINEAR_API_URL: `${linearUrl}/graphql`,
      GITHUB_TOKEN: tokens.github,
      GITHUB_API_URL: githubUrl,
      ...(pylonUrl ? { PYLON_API_TOKEN: tokens.pylon, PYLON_API_URL: pylonUrl } : {}),
      PAGERDUTY_ROUTING_KEY: tokens.pagerduty,
      PAGERDUTY_EVENTS_URL: pagerdutyUrl,
      SLACK_BOT_TOKEN: tokens.slackBot,
      SLACK_API_URL: `${slackUrl}/api`,
      SLACK_WEBHOOK_URL: `${slackUrl}${demoWebhookPath(tokens.slackWebhookSecret)}`,
    },
    async stop() {
      await Promise.all([linear.stop(), github.stop(), pylon?.stop(), pagerduty.stop(), slack.stop()]);
    },
  };
}

/**
 * Starts the emulators once for a test file and stops them after it. Returns a stand-in that forwards to the
 * running set, so tests read `emu.linear.state` as if they held it themselves.
 */
export function useEmulators(options: EmulatorsOptions = {}): Emulators {
  let current: Emulators | undefined;
  beforeAll(async () => {
    current = await startEmulators(options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  return new Proxy({} as Emulators, {
    get(_target, property) {
      if (!current) throw new Error('the emulators are started in beforeAll: use them inside a test or hook');
      return Reflect.get(current, property);
    },
  });
}
