import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthError, ServiceError } from '../../src/errors.js';
import { PagerDutyGateway } from '../../src/services/pagerduty/gateway.js';
import { SlackApi, SlackWebhook } from '../../src/services/slack/gateway.js';
import { DEMO_SLACK_CHANNEL } from '../../src/sandbox/seed/demo-paging.js';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { fakeToken } from '../support/tokens.js';

const emu = useEmulators();
const noSleep = async () => {};

function pagerduty(token = emu.tokens.pagerduty) {
  return PagerDutyGateway.create({ token, baseUrl: emu.env.PAGERDUTY_EVENTS_URL!, fetch, sleep: noSleep });
}
function slack(token = emu.tokens.slackBot) {
  return SlackApi.create({ token, baseUrl: emu.env.SLACK_API_URL!, fetch, sleep: noSleep });
}
const trigger = (dedupKey: string) => ({ dedupKey, summary: 'Checkout is down', source: 'triage', severity: 'critical' as const });

describe('PagerDuty Events API v2 (emulator + gateway)', () => {
  it('a trigger is 202 with its dedup key; a repeat folds into the same incident; resolve closes it', async () => {
    const gw = pagerduty();
    const key = `triage-${fakeToken('', 8)}`;
    expect(await gw.trigger(trigger(key))).toMatchObject({ status: 'success', dedupKey: key });
    await gw.trigger(trigger(key));
    const incidents = emu.pagerduty.state.incidents.filter((i) => i.dedupKey === key);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.events.map((e) => e.action)).toEqual(['trigger', 'trigger']);
    await gw.resolve(key);
    expect(incidents[0]!.status).toBe('resolved');
  });

  it('400 "invalid event" keeps PagerDuty\'s errors; an unknown routing key is an authentication error without the key', async () => {
    const unknown = fakeToken('', 16);
    const error = await pagerduty(unknown).trigger(trigger('k1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(String((error as Error).message)).not.toContain(unknown);
    const bad = await pagerduty().trigger({ ...trigger('k2'), summary: '' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ServiceError);
    expect((bad as Error).message).toContain("'payload.summary' is missing or blank");
  });

  it('a routing key of the wrong shape is refused before any request', () => {
    expect(() => pagerduty('https://events.pagerduty.com/x')).toThrow(/PAGERDUTY_ROUTING_KEY is a URL/);
    expect(() => pagerduty('short')).toThrow(/32 letters and digits/);
  });

  it('429 and 5xx are retried (a dedup key makes it safe): one incident', async () => {
    const key = `triage-${fakeToken('', 8)}`;
    emu.pagerduty.server.injectFault({ match: (r) => r.operation === 'pagerduty.enqueue', status: 429, retryAfter: 1 });
    emu.pagerduty.server.injectFault({ match: (r) => r.operation === 'pagerduty.enqueue', status: 502, afterHandling: true });
    await pagerduty().trigger(trigger(key));
    expect(emu.pagerduty.state.incidents.filter((i) => i.dedupKey === key)).toHaveLength(1);
  });
});

describe('Slack (emulator + gateways)', () => {
  it('chat.postMessage posts with metadata that conversations.history returns', async () => {
    const api = slack();
    const since = Date.now() / 1000 - 1;
    const posted = await api.postMessage(DEMO_SLACK_CHANNEL.id, { text: 'hello on-call', metadata: { event_type: 'triage_page', event_payload: { dedup_key: 'abc' } } });
    expect(posted.channel).toBe(DEMO_SLACK_CHANNEL.id);
    const history = await api.history(DEMO_SLACK_CHANNEL.id, since);
    expect(history.find((m) => m.ts === posted.ts)?.metadata?.event_payload).toEqual({ dedup_key: 'abc' });
  });

  it("Slack's ok:false errors: channel_not_found, not_in_channel, invalid_auth, not_authed", async () => {
    await expect(slack().postMessage('C0NOPE0000', { text: 'x' })).rejects.toThrow(/channel_not_found/);
    await expect(slack().postMessage('C0GENERAL1', { text: 'x' })).rejects.toThrow(/not_in_channel/);
    const wrong = fakeToken('', 10);
    const error = await slack(wrong).authTest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('invalid_auth');
    expect((error as Error).message).not.toContain(wrong);
    const raw = await fetch(`${emu.env.SLACK_API_URL}/auth.test`, { method: 'POST' });
    expect(await raw.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('429 ratelimited with Retry-After is waited out, and the message is posted once', async () => {
    const before = emu.slack.state.messages.length;
    emu.slack.server.injectFault({ match: (r) => r.operation === 'slack.chat.postMessage', status: 429, retryAfter: 1, body: { ok: false, error: 'ratelimited' } });
    await slack().postMessage(DEMO_SLACK_CHANNEL.id, { text: 'after the limit' });
    expect(emu.slack.state.messages.length).toBe(before + 1);
  });

  it('a 5xx after Slack posted is not retried (posting is not idempotent)', async () => {
    const before = emu.slack.state.messages.length;
    emu.slack.server.injectFault({ match: (r) => r.operation === 'slack.chat.postMessage', status: 500, afterHandling: true });
    await expect(slack().postMessage(DEMO_SLACK_CHANNEL.id, { text: 'maybe' })).rejects.toMatchObject({ transient: true });
    expect(emu.slack.state.messages.length).toBe(before + 1);
  });

  it('webhooks answer in text: ok, no_text (the check), no_service, invalid_token', async () => {
    const hook = SlackWebhook.create({ url: emu.env.SLACK_WEBHOOK_URL!, fetch, sleep: noSleep });
    await hook.post({ text: 'via webhook' });
    await hook.check();
    expect(emu.slack.state.messages.at(-1)?.text).toBe('via webhook');
    const gone = SlackWebhook.create({ url: emu.env.SLACK_WEBHOOK_URL!.replace(/[^/]+$/, 'nope'), fetch, sleep: noSleep });
    await expect(gone.check()).rejects.toThrow(/no_service/);
    emu.slack.state.webhooks[0]!.removed = true;
    try {
      await expect(hook.post({ text: 'x' })).rejects.toThrow(/invalid_token/);
    } finally {
      emu.slack.state.webhooks[0]!.removed = false;
    }
  });
});

describe('triage doctor checks the paging targets without paging', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the example config is edited freely per test
  async function configWith(edit: (config: Record<string, any>) => void) {
    const home = await tempHome();
    const config = JSON.parse(await readFile(new URL('../../.triagerc.example.json', import.meta.url), 'utf8'));
    edit(config);
    const file = join(home, '.triagerc.json');
    await writeFile(file, JSON.stringify(config));
    return { home, file };
  }

  it('routing key format, bot token and channel, webhook: all pass and nothing is sent', async () => {
    const { home, file } = await configWith((c) => (c.oncall.page = [c.oncall.page[0], { type: 'slack' }]));
    const events = emu.pagerduty.events().length;
    const messages = emu.slack.state.messages.length;
    const run = await runCli(['doctor', '--config', file], { env: emu.env, home });
    expect(run.stdout).toContain('✓ PagerDuty routing key');
    expect(run.stdout).toContain('✓ Slack webhook: SLACK_WEBHOOK_URL answers (nothing posted)');
    const bot = await runCli(['doctor', '--config', (await configWith(() => {})).file], { env: emu.env, home });
    expect(bot.stdout).toContain('✓ Slack bot token accepted');
    expect(bot.stdout).toContain(`✓ Slack channel ${DEMO_SLACK_CHANNEL.id}`);
    expect(emu.pagerduty.events().length).toBe(events);
    expect(emu.slack.state.messages.length).toBe(messages);
    for (const secret of [emu.tokens.pagerduty, emu.tokens.slackBot, emu.tokens.slackWebhookSecret]) expect(run.stdout + run.stderr + bot.stdout + bot.stderr).not.toContain(secret);
  });

  it('a malformed routing key and a removed webhook fail with their fixes', async () => {
    const { home, file } = await configWith((c) => (c.oncall.page = [{ type: 'pagerduty' }, { type: 'slack' }]));
    const run = await runCli(['doctor', '--config', file, '--debug'], { env: { ...emu.env, PAGERDUTY_ROUTING_KEY: 'abc', SLACK_WEBHOOK_URL: emu.env.SLACK_WEBHOOK_URL!.replace(/[^/]+$/, 'gone') }, home });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ PagerDuty routing key: PAGERDUTY_ROUTING_KEY is 3 characters long');
    expect(run.stdout).toMatch(/✗ Slack webhook: Slack refused SLACK_WEBHOOK_URL \(no_service\)/);
    expect(run.stderr).not.toContain('/gone');
  });
});
