import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a triage process needs to reach the sandbox: its fixed tokens, where a running `triage sandbox`
 * listens, the environment that points the gateways at it. Kept apart from the emulators, so a command that
 * never talks to a service (a dry run, `rubric`) loads none of them.
 */

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

export interface SandboxUrls {
  linear: string;
  github: string;
  pylon: string;
  pagerduty: string;
  slack: string;
}

export function sandboxDir(stateDir: string): string {
  return join(stateDir, 'sandbox');
}

/** Where the demo workspace's incoming webhook lives on the Slack emulator. */
export function sandboxWebhookPath(secret: string): string {
  return `/services/T0SANDBOX/B0WEBHOOK1/${secret}`;
}

/** The tokens alone: known before any emulator runs, so checks for a token pass at once. */
export function sandboxTokenEnv(): Record<string, string> {
  return {
    LINEAR_API_KEY: SANDBOX_TOKENS.linear,
    GITHUB_TOKEN: SANDBOX_TOKENS.github,
    PYLON_API_TOKEN: SANDBOX_TOKENS.pylon,
    PAGERDUTY_ROUTING_KEY: SANDBOX_TOKENS.pagerduty,
    SLACK_BOT_TOKEN: SANDBOX_TOKENS.slackBot,
  };
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
    SLACK_WEBHOOK_URL: `${urls.slack}${sandboxWebhookPath(SANDBOX_TOKENS.slackWebhookSecret)}`,
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
