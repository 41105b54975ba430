import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { formatLongDate } from '../../src/core/calendar-date.js';
import { demoPylonTicketUrl } from '../../src/sandbox/seed/demo-workspace.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;

const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

const linear = () => emu.linear.state;
const byIdentifier = (identifier: string) => linear().issues.find((i) => i.number === Number(identifier.split('-')[1]))!;
const ticket = (n: number) => emu.pylon!.state.issues.find((i) => i.number === n)!;
const ours = (n: number, id: string) => emu.pylon!.state.messages.filter((m) => m.issue_id === ticket(n).id && m.message_html.includes(`triage-update:${id}`));

async function triage(args: string[]) {
  return runCli([...args, '--config', CONFIG], { env: emu.env, home: await tempHome() });
}

function moveTo(identifier: string, stateName: string): void {
  const issue = byIdentifier(identifier);
  issue.stateId = linear().workflowStates.find((s) => s.teamId === issue.teamId && s.name === stateName)!.id;
}

describe('triage update', () => {
  let filed: { linear: { identifier: string }; github: { url: string }; eta: { date: string } };

  beforeAll(async () => {
    const run = await triage(['new', '--pylon', '1048', '--type', 'complex', '--impact', 'core-broken', '--json']);
    expect(run.code, run.stderr).toBe(0);
    filed = JSON.parse(run.stdout);
  });

  it('drafts from the current state: prioritized, the ETA posted on GitHub, the GitHub link', async () => {
    const run = await triage(['update', filed.linear.identifier, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      filingId: null,
      issue: { identifier: filed.linear.identifier, state: 'Todo', stateType: 'unstarted', priority: 'high' },
      github: { url: filed.github.url },
      eta: filed.eta.date,
      pylonTickets: [{ number: 1048 }],
      customerUpdate: { situation: 'status', posted: null, messageId: null, posts: [] },
    });
    const text: string = out.customerUpdate.text;
    expect(text).toContain('it is prioritized and scheduled for the team');
    expect(text).toContain(`Our current estimate for a resolution is ${formatLongDate(filed.eta.date)}.`);
    expect(text).toContain(`You can follow progress here: ${filed.github.url}`);
    expect(text).not.toMatch(/initech|peter/i);
  });

  it('text mode: the draft on stdout, the state on stderr; nothing posted', async () => {
    const before = emu.pylon!.state.messages.length;
    const run = await triage(['update', filed.linear.identifier.toLowerCase()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Here is an update on "Scheduled reports arrive an hour late after DST"/);
    expect(run.stderr).toContain(`${filed.linear.identifier} · Todo · High (P1)`);
    expect(run.stderr).toContain('Not posted. Post it on Pylon ticket #1048 with --reply (or --note).');
    expect(emu.pylon!.state.messages.length).toBe(before);
  });

  it('--reply posts it once on the linked Pylon ticket', async () => {
    moveTo(filed.linear.identifier, 'In Progress');
    const run = await triage(['update', filed.linear.identifier, '--reply', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const replies = ours(1048, out.filingId);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.message_html).toContain('the team is working on it now');
    expect(out.customerUpdate).toMatchObject({ posted: 'reply', messageId: replies[0]!.id, posts: [{ ticket: 1048, mode: 'reply', messageId: replies[0]!.id }] });
  });

  it('done and cancelled issues get their own wording, without an ETA', async () => {
    moveTo(filed.linear.identifier, 'Done');
    const done = JSON.parse((await triage(['update', filed.linear.identifier, '--json'])).stdout);
    expect(done.customerUpdate).toMatchObject({ situation: 'done' });
    expect(done.customerUpdate.text).toMatch(/^Good news: ".*" has been resolved\./);
    expect(done.eta).toBeNull();
    moveTo(filed.linear.identifier, 'Duplicate');
    const cancelled = JSON.parse((await triage(['update', filed.linear.identifier, '--json'])).stdout);
    expect(cancelled.customerUpdate.text).toContain('the team has closed this request without making a change (Duplicate)');
  });

  it('posts to every linked Pylon ticket, each once', async () => {
    const sup14 = byIdentifier('SUP-14');
    for (const n of [1049, 1051]) linear().attachments.push({ ...linear().attachments[0]!, id: `att-${n}`, issueId: sup14.id, url: demoPylonTicketUrl(n), title: `Pylon #${n}` });
    const run = await triage(['update', 'SUP-14', '--note', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.customerUpdate.posts.map((p: { ticket: number }) => p.ticket).sort()).toEqual([1049, 1051]);
    for (const n of [1049, 1051]) {
      expect(ours(n, out.filingId)).toHaveLength(1);
      expect(ours(n, out.filingId)[0]!.is_private).toBe(true);
    }
    expect(out.customerUpdate.text).toContain('in our product Backlog');
  });

  it("redacts every customer asking, whatever the issue's title says", async () => {
    byIdentifier('SUP-12').title = 'Slack notifications for Initech arrive without a link';
    const out = JSON.parse((await triage(['update', 'SUP-12', '--json'])).stdout);
    expect(out.customerUpdate.text).toContain('"Slack notifications for [CUSTOMER] arrive without a link"');
  });

  it('an unknown issue, or posting for an issue without a Pylon ticket, is a usage error', async () => {
    const unknown = await triage(['update', 'SUP-999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Linear has no issue SUP-999');
    const noTicket = await triage(['update', 'SUP-11', '--reply']);
    expect(noTicket.code).toBe(2);
    expect(noTicket.stderr).toContain('SUP-11 is not linked to a Pylon ticket');
    const bad = await triage(['update', 'nope']);
    expect(bad.code).toBe(2);
  });
});
