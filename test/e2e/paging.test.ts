import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../src/sandbox/http/emulator-server.js';
import { useEmulators, type Emulators } from '../support/emulators.js';
import { BIN, baseEnv, runBin } from '../support/run-bin.js';
import { tempHome } from '../support/run-cli.js';
import { fakeToken } from '../support/tokens.js';
import { until } from '../support/until.js';

/**
 * Paging through the built binary, as a scheduled job or an engineer runs it: an Urgent filing pages on-call
 * exactly once per target, whatever signal stops it at the page step and whether the interrupted request landed
 * on the service before or after the process died; `triage resume` finishes it without a second incident or
 * message. Counted from the emulators' state, never from triage's own output.
 */

const CONFIG = fileURLToPath(new URL('../../.triagerc.example.json', import.meta.url));
const emu = useEmulators();

function urgentArgs(title: string, body: string): string[] {
  return ['new', '--config', CONFIG, '--title', title, '--body', body, '--type', 'quick-fix', '--impact', 'outage', '--customer', 'Globex Corporation', '--json'];
}

const incidentsOf = (e: Emulators, dedupKey: string) => e.pagerduty.state.incidents.filter((i) => i.dedupKey === dedupKey);
const triggersOf = (e: Emulators, dedupKey: string) => e.pagerduty.events().filter((x) => x.dedupKey === dedupKey && x.action === 'trigger');
const slackPostsOf = (e: Emulators, dedupKey: string) => e.slack.state.messages.filter((m) => m.text.includes(dedupKey));

async function onlyFiling(home: string): Promise<{ id: string; record: { results: { page?: unknown } } }> {
  const dir = join(home, 'state', 'filings');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  expect(names).toHaveLength(1);
  return { id: names[0]!.replace(/\.json$/, ''), record: JSON.parse(await readFile(join(dir, names[0]!), 'utf8')) };
}

function tokensIn(text: string, e: Emulators): string[] {
  return Object.values(e.tokens).filter((t) => typeof t === 'string' && t.length >= 8 && text.includes(t));
}

describe('an Urgent filing pages on-call (built binary)', () => {
  it('once per target, redacted, with the links, and no token anywhere in the output', async () => {
    const home = await tempHome();
    const secret = fakeToken('ghp_', 36);
    const title = 'Checkout down for everyone at Globex';
    const body = `Since 09:10 every checkout fails. Contact jane.doe@globex.com, +1 415 555 0134. Key used: ${secret}`;
    const env = { ...baseEnv(home), ...emu.env };
    const run = await runBin(urgentArgs(title, body), { env, stdin: 'devnull', timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    const page = result.page as Array<{ target: string; status: string; dedupKey: string }>;
    expect(page.map((p) => [p.target, p.status])).toEqual([['pagerduty', 'sent'], ['slack', 'sent']]);
    const dedupKey = page[0]!.dedupKey;

    expect(incidentsOf(emu, dedupKey)).toHaveLength(1);
    expect(triggersOf(emu, dedupKey)).toHaveLength(1);
    expect(slackPostsOf(emu, dedupKey)).toHaveLength(1);
    const incident = incidentsOf(emu, dedupKey)[0]!;
    const paged = JSON.stringify(incident) + slackPostsOf(emu, dedupKey)[0]!.text;
    for (const value of [secret, 'jane.doe@globex.com', '555 0134', 'Globex']) expect(paged, value).not.toContain(value);
    const hrefs = incident.links.map((l) => l.href);
    expect(hrefs.some((h) => h.includes(`/issue/${result.linear.identifier}`)), hrefs.join(' ')).toBe(true);
    expect(hrefs).toContain(result.github.url);
    expect(tokensIn(run.stdout + run.stderr, emu)).toEqual([]);

    const debug = await runBin(['resume', '--debug'], { env, stdin: 'devnull' });
    expect(tokensIn(debug.stdout + debug.stderr, emu)).toEqual([]);
  }, 90_000);

  it('a page that fails after retries is exit 3, never a finished filing; resume pages once', async () => {
    const home = await tempHome();
    const title = 'Outage while PagerDuty is down';
    const env = { ...baseEnv(home), ...emu.env };
    emu.pagerduty.server.injectFault({ match: (r) => r.operation === 'pagerduty.enqueue', status: 503, times: 1_000 });
    let run;
    try {
      run = await runBin(urgentArgs(title, 'Checkout is down for every customer'), { env, stdin: 'devnull', timeoutMs: 90_000 });
    } finally {
      emu.pagerduty.server.clearFaults();
    }
    expect(run.code, run.stderr + run.stdout).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.pending.join(' ')).toMatch(/PagerDuty/);
    expect(run.stderr).toMatch(/triage resume/);
    const { id } = await onlyFiling(home);
    expect(incidentsOf(emu, `triage-${id}`)).toHaveLength(0);

    const resumed = await runBin(['resume', id, '--json'], { env, stdin: 'devnull', timeoutMs: 60_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(triggersOf(emu, `triage-${id}`)).toHaveLength(1);
    expect(slackPostsOf(emu, `triage-${id}`)).toHaveLength(1);
  }, 150_000);

  const isEnqueue = (r: RecordedRequest) => r.operation === 'pagerduty.enqueue';
  const isSlackPost = (r: RecordedRequest) => r.operation === 'slack.chat.postMessage';
  const STEPS = [
    { name: 'PagerDuty', match: isEnqueue, fault: (e: Emulators) => e.pagerduty.server },
    { name: 'Slack', match: isSlackPost, fault: (e: Emulators) => e.slack.server },
  ] as const;
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGKILL'] as const;
  const LANDS = [
    { name: 'the page lands after the process died', afterHandling: false },
    { name: 'the page landed and its answer was lost', afterHandling: true },
  ] as const;

  for (const step of STEPS) {
    for (const signal of SIGNALS) {
      for (const lands of LANDS) {
        it(`${signal} during the ${step.name} page, ${lands.name}: resume pages nobody twice`, async () => {
          const home = await tempHome();
          const title = `Outage ${step.name} ${signal} ${lands.afterHandling ? 'lost' : 'late'}`;
          const env = { ...baseEnv(home), ...emu.env };
          let release!: () => void;
          const held = new Promise<void>((r) => (release = r));
          let reached = false;
          const server = step.fault(emu);
          server.injectFault({ match: step.match, times: 1, until: held, afterHandling: lands.afterHandling, onMatch: () => (reached = true) });
          const child = spawn(process.execPath, [BIN, ...urgentArgs(title, 'Checkout is down for every customer')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
          let stdout = '';
          child.stdout.on('data', (d) => (stdout += String(d)));
          const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
          try {
            await until(() => reached);
            child.kill(signal);
            const end = await exited;
            if (signal === 'SIGKILL') expect(end.signal).toBe('SIGKILL');
            else {
              expect(end.code).toBe(signal === 'SIGINT' ? 130 : 143);
              // Stopped, not finished: the one JSON object says what is pending and how to resume.
              const report = JSON.parse(stdout);
              expect(report.ok).toBe(false);
              expect(report.resume).toMatch(/^triage resume /);
            }
          } finally {
            release();
            server.clearFaults();
          }
          // The held request goes on now that the client is gone: it lands (or has landed) on the service.
          const { id } = await onlyFiling(home);
          const dedupKey = `triage-${id}`;
          if (step.name === 'PagerDuty') await until(() => incidentsOf(emu, dedupKey).length === 1);
          else await until(() => slackPostsOf(emu, dedupKey).length === 1);

          const resumed = await runBin(['resume', id, '--json'], { env, stdin: 'devnull', timeoutMs: 60_000 });
          expect(resumed.code, resumed.stderr).toBe(0);
          expect(incidentsOf(emu, dedupKey), 'PagerDuty incidents').toHaveLength(1);
          expect(slackPostsOf(emu, dedupKey), 'Slack messages').toHaveLength(1);
          expect(emu.linear.state.issues.filter((i) => i.title === title)).toHaveLength(1);
          expect((emu.github.state.issues['acme/app'] ?? []).filter((i) => i.title === title)).toHaveLength(1);

          const again = await runBin(['resume'], { env, stdin: 'devnull' });
          expect(again.stderr).toContain('No unfinished filings.');
        }, 120_000);
      }
    }
  }
});
