import { createPagerDutyState, type PagerDutyState } from '../pagerduty/emulator.js';
import { sandboxWebhookPath } from '../endpoints.js';
import { createSlackState, type SlackState } from '../slack/emulator.js';

/** The on-call channel of the demo workspace (`oncall.page` in .triagerc.example.json names it by id). */
export const DEMO_SLACK_CHANNEL = { id: 'C0ONCALL01', name: 'oncall' } as const;

/** Where the demo workspace's incoming webhook lives on the Slack emulator. */
export const demoWebhookPath = sandboxWebhookPath;

export interface PagingTokens {
  pagerduty: string;
  slackBot: string;
  slackWebhookSecret: string;
}

/** One PagerDuty service whose Events API v2 integration key is the sandbox's. No incidents yet. */
export function demoPagerDutyState(tokens: PagingTokens): PagerDutyState {
  return createPagerDutyState([tokens.pagerduty]);
}

/** A team with #oncall (the bot is a member) and #general, and a webhook posting to #oncall. */
export function demoSlackState(tokens: PagingTokens): SlackState {
  return createSlackState({
    tokens: [{ token: tokens.slackBot, botId: 'B0TRIAGE01', user: 'triage', channels: [DEMO_SLACK_CHANNEL.id] }],
    webhooks: [{ path: demoWebhookPath(tokens.slackWebhookSecret), channel: DEMO_SLACK_CHANNEL.id, botId: 'B0WEBHOOK1' }],
    channels: [{ ...DEMO_SLACK_CHANNEL }, { id: 'C0GENERAL1', name: 'general' }],
  });
}
