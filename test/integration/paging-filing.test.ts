import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fault, RecordedRequest } from '../../src/sandbox/http/emulator-server.js';
import { DEMO_SLACK_CHANNEL } from '../../src/sandbox/seed/demo-paging.js';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { fakeToken } from '../support/tokens.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;
const emu = useEmulators();
const TIMEOUT_MS = 800;
const fast = { timeoutMs: TIMEOUT_MS, retryBaseMs: 1, githubWriteSpacingMs: 0, sleep: async () => {} };

/** A config like the example with other paging targets. */
async function configWith(page: unknown[]): Promise<string> {
  const config = JSON.parse(await readFile(CONFIG, 'utf8'));
  config.oncall.page = page;
  const file = join(await tempHome(), 'triagerc.json');
  await writeFile(file, JSON.stringify(config));
  return file;
}

async function fileUrgent(home: string, title: string, extra: string[] = [], env: Record<string, string> = {}, config = CONFIG) {
  return runCli(['new', '--config', config, '--title', title, '--body', 'Checkout is down for every customer', '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Globex Corporation', '--json', ...extra], { env: { ...emu.env, ...env }, home, overrides: fast });
}

async function resume(home: string, id: string, env: Record<string, string> = {}) {
  return runCli(['resume', id, '--json'], { env: { ...emu.env, ...env }, home, overrides: fast });
}

async function onlyRecord(home: string) {
  const dir = join(home, 'state', 'filings');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  expect(names).toHaveLength(1);
  return JSON.parse(await readFile(join(dir, names[0]!), 'utf8'));
}

function linearIssue(title: string) {
  const issues = emu.linear.state.issues.filter((i) => i.title === title);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

const incidentsOf = (dedupKey: string) => emu.pagerduty.state.incidents.filter((i) => i.dedupKey === dedupKey);
const slackPostsOf = (dedupKey: string) => emu.slack.state.messages.filter((m) => m.text.includes(dedupKey));

/** Exactly one incident (however many events folded into it) and one Slack message for the filing. */
function expectPagedOnce(dedupKey: string) {
  expect(incidentsOf(dedupKey), 'PagerDuty incidents').toHaveLength(1);
  expect(slackPostsOf(dedupKey), 'Slack messages').toHaveLength(1);
}

const enqueue = (r: RecordedRequest) => r.operation === 'pagerduty.enqueue';
const postMessage = (r: RecordedRequest) => r.operation === 'slack.chat.postMessage';

describe('an Urgent filing pages on-call', () => {
  it('after the Linear and GitHub issues exist, with both links, redacted, once', async () => {
    const home = await tempHome();
    const secret = fakeToken('ghp_', 18);
    const title = `Checkout down for globex.com, key ${secret}`;
    const run = await fileUrgent(home, title, ['--customer-domain', 'globex.com']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const dedupKey = `triage-${out.filingId}`;
    expect(out.page).toEqual([
      { target: 'pagerduty', status: 'sent', dedupKey, sentAt: expect.any(String) },
      { target: 'slack', channel: DEMO_SLACK_CHANNEL.id, status: 'sent', dedupKey, sentAt: expect.any(String), ts: expect.any(String) },
    ]);
    expectPagedOnce(dedupKey);
    const incident = incidentsOf(dedupKey)[0]!;
    expect(incident.severity).toBe('critical');
    const linearUrl = out.linear.url.slice(0, out.linear.url.indexOf(out.linear.identifier) + out.linear.identifier.length);
    expect(incident.links.map((l) => l.href)).toEqual([linearUrl, out.github.url]);
    expect(incident.summary).toContain(out.linear.identifier);
    const message = slackPostsOf(dedupKey)[0]!;
    expect(message.text).toContain(`<${linearUrl}|`);
    expect(message.text).toContain(out.github.url);
    expect(message.metadata).toEqual({ event_type: 'triage_page', event_payload: { dedup_key: dedupKey, filing_id: out.filingId } });
    // Nothing unredacted in a page: neither the secret nor the customer's identity.
    for (const text of [incident.summary, JSON.stringify(incident.customDetails), message.text]) {
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/globex/i);
    }
    // The page went out before the steps on-call does not need (linking, Pylon): right after the GitHub issue.
    const record = await onlyRecord(home);
    expect(record.status).toBe('complete');
    const pagedAt = Date.parse(record.results.page.pagerduty.at);
    expect(pagedAt).toBeGreaterThan(0);
  });

  it('--dry-run and the text result show the page; tokens appear nowhere, not even with --debug', async () => {
    const dry = await fileUrgent(await tempHome(), 'Urgent dry run page', ['--dry-run']);
    expect(JSON.parse(dry.stdout).page.map((p: { status: string }) => p.status)).toEqual(['planned', 'planned']);
    const plain = await runCli(['new', '--config', CONFIG, '--title', 'Urgent dry run text', '--body', 'down', '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Initech', '--dry-run'], { env: emu.env });
    expect(plain.stdout).toContain('Page on-call once the Linear issue exists: PagerDuty (critical), Slack channel C0ONCALL01');
    const home = await tempHome();
    const text = await runCli(['--debug', 'new', '--config', CONFIG, '--title', 'Urgent text result', '--body', 'down', '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Initech', '--yes'], { env: emu.env, home, overrides: fast });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toContain('URGENT: on-call has been paged.');
    expect(text.stderr).toMatch(/✓ Paged through PagerDuty \(critical, dedup key triage-/);
    expect(text.stderr).toContain('✓ Paged through Slack channel C0ONCALL01');
    const journal = JSON.stringify(await onlyRecord(home));
    for (const secret of [emu.tokens.pagerduty, emu.tokens.slackBot, emu.tokens.slackWebhookSecret]) {
      expect(text.stdout + text.stderr + dry.stdout + dry.stderr).not.toContain(secret);
      expect(journal).not.toContain(secret);
    }
  });

  const FAULTS: Record<string, Omit<Fault, 'match'>> = {
    'HTTP 502 after the event was taken': { status: 502, afterHandling: true },
    '429 with Retry-After': { status: 429, retryAfter: 1 },
    'dropped connection after the event was taken': { drop: true, afterHandling: true },
    'timeout after the event was taken': { hang: true, afterHandling: true },
  };
  for (const [name, fault] of Object.entries(FAULTS)) {
    it(`PagerDuty ${name}: retried with the same dedup key, one incident`, async () => {
      emu.pagerduty.server.injectFault({ ...fault, match: enqueue });
      const run = await fileUrgent(await tempHome(), `Urgent PagerDuty fault ${name}`);
      expect(run.code, run.stderr).toBe(0);
      expectPagedOnce(`triage-${JSON.parse(run.stdout).filingId}`);
    });
  }

  const SLACK_FAULTS: Record<string, Omit<Fault, 'match'>> = { ...FAULTS, 'HTTP 500 before posting': { status: 500 } };
  for (const [name, fault] of Object.entries(SLACK_FAULTS)) {
    it(`Slack ${name}: exit 3 or done, and after triage resume exactly one message`, async () => {
      emu.slack.server.injectFault({ ...fault, match: postMessage, ...(fault.retryAfter ? {} : { times: 1 }) });
      const home = await tempHome();
      const title = `Urgent Slack fault ${name}`;
      const run = await fileUrgent(home, title);
      emu.slack.server.clearFaults();
      const id = (await onlyRecord(home)).id;
      if (run.code !== 0) {
        expect(run.code, run.stderr).toBe(3);
        expect(run.stderr).toContain(`triage resume ${id}`);
        expect(run.stderr).toContain('pending  page to on-call through Slack');
        const again = await resume(home, id);
        expect(again.code, again.stderr).toBe(0);
        // Resuming a finished filing is a no-op too.
        expect((await resume(home, id)).code).toBe(0);
      }
      expectPagedOnce(`triage-${id}`);
      expect((await onlyRecord(home)).status).toBe('complete');
      expect(linearIssue(title)).toBeDefined();
    });
  }

  it('a page that fails after retries: exit 3, the Linear issue exists, resume pages once', async () => {
    emu.pagerduty.server.injectFault({ match: enqueue, status: 503, times: 10 });
    const home = await tempHome();
    const title = 'Urgent PagerDuty down';
    const run = await fileUrgent(home, title);
    emu.pagerduty.server.clearFaults();
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('pending  page to on-call through PagerDuty');
    const record = await onlyRecord(home);
    expect(record.status).toBe('failed');
    expect(record.results.page?.pagerduty).toBeUndefined();
    linearIssue(title);
    const again = await resume(home, record.id);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).page.map((p: { status: string }) => p.status)).toEqual(['sent', 'sent']);
    expectPagedOnce(`triage-${record.id}`);
  });

  it('GitHub failing does not hold the page: on-call is paged with the Linear link, the filing resumes', async () => {
    emu.github.server.injectFault({ match: (r) => r.method === 'POST' && /\/issues$/.test(r.path), status: 422, body: { message: 'Validation Failed' }, times: 1 });
    const home = await tempHome();
    const run = await fileUrgent(home, 'Urgent with GitHub refusing');
    expect(run.code, run.stderr).toBe(3);
    const record = await onlyRecord(home);
    const dedupKey = `triage-${record.id}`;
    expect(incidentsOf(dedupKey)).toHaveLength(1);
    expect(incidentsOf(dedupKey)[0]!.links.map((l) => l.text)).toEqual([`Linear ${record.results.linearIssue.identifier}`]);
    expect((await resume(home, record.id)).code).toBe(0);
    expectPagedOnce(dedupKey);
  });

  it('a missing routing key files nothing and names the variable', async () => {
    const run = await fileUrgent(await tempHome(), 'Urgent without a routing key', [], { PAGERDUTY_ROUTING_KEY: '' });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('PAGERDUTY_ROUTING_KEY is not set');
    expect(emu.linear.state.issues.some((i) => i.title === 'Urgent without a routing key')).toBe(false);
  });

  it('--no-page-reason: nobody is paged, the reason is a comment on the Linear issue, JSON says skipped', async () => {
    const home = await tempHome();
    const title = 'Urgent not paged';
    const run = await fileUrgent(home, title, ['--no-page-reason', 'on-call is already on the bridge']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.page.map((p: { status: string; reason: string }) => [p.status, p.reason])).toEqual([
      ['skipped', 'on-call is already on the bridge'],
      ['skipped', 'on-call is already on the bridge'],
    ]);
    expect(incidentsOf(`triage-${out.filingId}`)).toHaveLength(0);
    expect(slackPostsOf(`triage-${out.filingId}`)).toHaveLength(0);
    const issue = linearIssue(title);
    const comments = emu.linear.state.comments.filter((c) => c.issueId === issue.id);
    expect(comments.map((c) => c.body)).toEqual([expect.stringContaining('Reason: on-call is already on the bridge')]);
    const plain = await runCli(['new', '--config', CONFIG, '--title', 'Urgent not paged text', '--body', 'down', '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Initech', '--no-page', '--yes'], { env: emu.env, overrides: fast });
    expect(plain.stderr).toContain('On-call was NOT paged (--no-page): skipped with --no-page (no reason given) (recorded on the Linear issue)');
  });

  it('Slack through a webhook: sent once; a post whose answer was lost is unconfirmed and never sent again', async () => {
    const config = await configWith([{ type: 'pagerduty' }, { type: 'slack' }]);
    const ok = await fileUrgent(await tempHome(), 'Urgent via webhook', [], {}, config);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).page[1]).toMatchObject({ target: 'slack', channel: null, status: 'sent' });
    emu.slack.server.injectFault({ match: (r) => r.operation === 'slack.webhook', drop: true, afterHandling: true });
    const home = await tempHome();
    const lost = await fileUrgent(home, 'Urgent via webhook, answer lost', [], {}, config);
    expect(lost.code, lost.stderr).toBe(0);
    const out = JSON.parse(lost.stdout);
    expect(out.page[1].status).toBe('unconfirmed');
    expect(await resume(home, out.filingId)).toMatchObject({ code: 0 });
    expect(emu.slack.state.messages.filter((m) => m.text.includes(`triage-${out.filingId}`))).toHaveLength(1);
  });

  it('a non-Urgent filing pages nobody', async () => {
    const run = await runCli(['new', '--config', CONFIG, '--title', 'High, not paged', '--body', 'x', '--type', 'quick-fix', '--impact', 'core-broken', '--customer', 'Initech', '--json'], { env: emu.env, overrides: fast });
    const out = JSON.parse(run.stdout);
    expect(out.page).toBeNull();
    expect(incidentsOf(`triage-${out.filingId}`)).toHaveLength(0);
  });
});
