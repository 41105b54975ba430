import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulators } from '../support/emulators.js';
import { runCli, tempHome } from '../support/run-cli.js';
import { demoPylonAccountId } from '../../src/sandbox/seed/demo-planning.js';
import { demoPylonTicketUrl } from '../../src/sandbox/seed/demo-workspace.js';

const CONFIG = new URL('../../.triagerc.example.json', import.meta.url).pathname;

const emu = useEmulators({ pylon: { rateLimits: { '*': 0 } } });

const linear = () => emu.linear.state;
const issue = (identifier: string) => {
  const team = linear().teams.find((t) => t.key === 'SUP')!;
  return linear().issues.find((i) => i.teamId === team.id && i.number === Number(identifier.split('-')[1]))!;
};
const githubIssues = () => emu.github.state.issues['acme/app']!;
const githubComments = (number: number) => emu.github.state.comments.filter((c) => c.repo === 'acme/app' && c.issue_number === number);
const linearComments = (identifier: string) => linear().comments.filter((c) => c.issueId === issue(identifier).id);
const needs = (identifier: string) => linear().customerNeeds.filter((n) => n.issueId === issue(identifier).id);
const customerNamed = (name: string) => linear().customers.filter((c) => c.name === name);
const ticket = (n: number) => emu.pylon!.state.issues.find((i) => i.number === n)!;
const pylonMessages = (n: number) => emu.pylon!.state.messages.filter((m) => m.issue_id === ticket(n).id);

const PDF_REQUEST = [
  '--title', 'Export dashboards as PDF files',
  '--body', 'Initech needs to export dashboards to PDF for their board meetings. Ask peter.gibbons@initech.com, phone +1 415 555 0134.',
  '--type', 'feature', '--impact', 'nice-to-have', '--customer', 'Initech', '--customer-domain', 'initech.com',
];

async function triage(args: string[], options: { home?: string; overrides?: object } = {}) {
  const home = options.home ?? (await tempHome());
  const run = await runCli(['new', '--config', CONFIG, ...args], { env: emu.env, home, overrides: options.overrides ?? {} });
  return { ...run, home };
}

function counts() {
  return { linear: linear().issues.length, github: githubIssues().length, comments: linear().comments.length + emu.github.state.comments.length, needs: linear().customerNeeds.length };
}

describe('a feature request that resembles an open ticket', () => {
  it('scripted, with neither --append-to nor --new: exit 2, listing the ticket; nothing filed', async () => {
    const before = counts();
    const run = await triage([...PDF_REQUEST]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('SUP-8  Export dashboards to PDF');
    expect(run.stderr).toMatch(/https:\/\/linear\.app\/acme\/issue\/SUP-8\/export-dashboards-to-pdf +\(score 0\.\d\d\)/);
    expect(run.stderr).toContain('Append it with --append-to SUP-8, or open a new ticket with --new');
    expect(counts()).toEqual(before);
  });

  it('--json gives the candidates as data too', async () => {
    const run = await triage([...PDF_REQUEST, '--json']);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(out.choiceNeeded).toBe(true);
    expect(out.candidates[0]).toMatchObject({ identifier: 'SUP-8', title: 'Export dashboards to PDF', strong: true, github: 'https://github.com/acme/app/issues/1' });
  });

  it('the search terms that leave the machine are redacted for GitHub', async () => {
    const start = emu.linear.server.requests.length;
    const githubStart = emu.github.server.requests.length;
    await triage([...PDF_REQUEST]);
    const search = emu.linear.server.requests.slice(start).find((r) => r.operation === 'searchIssues')!;
    const term = (search.body as { variables: { term: string } }).variables.term;
    expect(term).toContain('export dashboards pdf');
    expect(term).not.toMatch(/initech|peter|gibbons|415/i);
    const githubSearch = emu.github.server.requests.slice(githubStart).find((r) => r.path === '/search/issues')!;
    expect(githubSearch.query.get('q')).toBe('export dashboards pdf repo:acme/app is:issue is:open');
  });

  it('--dry-run shows the candidates and what would happen, and writes nothing', async () => {
    const before = counts();
    const run = await triage([...PDF_REQUEST, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Similar open tickets:');
    expect(run.stderr).toContain('Without --dry-run this stops here (exit 2): pass --append-to SUP-8 or --new.');
    expect(run.stdout).toContain('Linear issue (team SUP, state Backlog, priority 4)');
    expect(counts()).toEqual(before);
  });

  it('--append-to: comments on both sides, the customer recorded, no new ticket', async () => {
    const before = counts();
    const needsBefore = needs('SUP-8').length;
    const run = await triage([...PDF_REQUEST, '--append-to', 'SUP-8', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);

    expect(linear().issues.length).toBe(before.linear);
    expect(githubIssues().length).toBe(before.github);

    // Linear (internal): the request with the customer's name, never the contact's email or phone.
    const comment = linearComments('SUP-8').at(-1)!;
    expect(comment.id).toBe(out.append.linearComment.id);
    expect(comment.body).toContain('Another customer asks for this: Initech');
    expect(comment.body).toContain('export dashboards to PDF for their board meetings');
    expect(comment.body).not.toMatch(/peter\.gibbons|555 0134/);
    // GitHub (maybe public): no customer, no domain, no contact.
    const gh = githubComments(1).at(-1)!;
    expect(gh.body).toContain('Another customer asks for this.');
    expect(gh.body).toContain(`<!-- triage-append:${out.filingId} -->`);
    expect(gh.body).not.toMatch(/initech|peter|555 0134/i);

    // Linear's customer requests: the existing Initech customer (found by domain), one more request on SUP-8.
    expect(customerNamed('Initech')).toHaveLength(1);
    expect(needs('SUP-8')).toHaveLength(needsBefore + 1);
    const need = needs('SUP-8').at(-1)!;
    expect(need.customerId).toBe(customerNamed('Initech')[0]!.id);
    expect(need.body).not.toMatch(/peter\.gibbons/);

    expect(out).toMatchObject({
      mode: 'append',
      type: 'feature',
      linear: { identifier: 'SUP-8', state: 'Backlog' },
      github: { repo: 'acme/app', number: 1 },
      append: { customer: { name: 'Initech' }, customerNeed: { id: need.id }, githubComment: { id: gh.id } },
      customerUpdate: { situation: 'appended', posted: null, messageId: null },
    });
    expect(out.customerUpdate.text).toContain('https://github.com/acme/app/issues/1');
    expect(out.customerUpdate.text).toMatch(/future production cycle/);
    expect(out.customerUpdate.text).not.toMatch(/initech/i);
  });

  it('from a Pylon ticket: the customer by its Pylon account, the request linked to the ticket, which follows the issue', async () => {
    expect(ticket(1049).custom_fields.priority?.value).toBe('low');
    const run = await triage(['--pylon', '1049', '--type', 'feature', '--impact', 'polish', '--append-to', 'SUP-14', '--reply', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const sup14 = issue('SUP-14');

    // The ticket is linked to the existing issue, carries its priority (Medium), and the link remembers it for sync.
    expect(ticket(1049).external_issues).toContainEqual(expect.objectContaining({ source: 'linear', external_id: sup14.id }));
    expect(ticket(1049).custom_fields.priority?.value).toBe('medium');
    const link = linear().attachments.find((a) => a.issueId === sup14.id && a.url === demoPylonTicketUrl(1049))!;
    expect(link.metadata).toMatchObject({ triage: { lastAgreedPriority: 'medium' } });

    // Umbrella was found by its Pylon account id, and the request points at the ticket's attachment.
    const umbrella = linear().customers.filter((c) => c.externalIds.includes(demoPylonAccountId('umbrella')));
    expect(umbrella).toHaveLength(1);
    const need = needs('SUP-14').at(-1)!;
    expect(need).toMatchObject({ customerId: umbrella[0]!.id, attachmentId: link.id });

    // SUP-14 has no GitHub issue: Linear only. One reply went to the customer, as HTML, with the hidden marker.
    expect(out.github).toBeNull();
    expect(out.append.githubComment).toBeNull();
    const replies = pylonMessages(1049).filter((m) => m.message_html.includes(`triage-update:${out.filingId}`));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.is_private).toBe(false);
    expect(replies[0]!.message_html).toMatch(/^<p>Thanks for the suggestion\./);
    expect(out.customerUpdate).toMatchObject({ posted: 'reply', messageId: replies[0]!.id });
  });

  it('--new files a new Backlog ticket in the roadmap project, with the feature label', async () => {
    const run = await triage([...PDF_REQUEST, '--title', 'Export dashboards as PDF files, landscape', '--new', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.mode).toBe('new');
    expect(out.candidates).toBeNull();
    const created = linear().issues.find((i) => i.id === out.linear.id)!;
    expect(linear().workflowStates.find((s) => s.id === created.stateId)?.name).toBe('Backlog');
    expect(linear().projects.find((p) => p.id === created.projectId)?.name).toBe('Feature requests');
    expect(created.labelIds.map((id) => linear().issueLabels.find((l) => l.id === id)?.name)).toContain('Feature');
    expect(out.customerUpdate.text).toContain(out.github.url);
  });

  it('a feature with no similar ticket is filed as before, listing nothing', async () => {
    const run = await triage(['--title', 'Colour-blind friendly chart palette', '--body', 'Red and green lines look the same to some users', '--type', 'feature', '--impact', 'usability', '--customer', 'Initech', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ mode: 'new', candidates: [] });
  });

  it('an append that stopped part-way is resumed without a second comment or request', async () => {
    const home = await tempHome();
    emu.github.server.injectFault({ status: 502, afterHandling: true, match: (r) => r.method === 'POST' && /\/issues\/1\/comments$/.test(r.path) });
    emu.linear.server.injectFault({ status: 503, times: 10, match: (r) => r.operation === 'customerUpsert' });
    const commentsBefore = { linear: linearComments('SUP-8').length, github: githubComments(1).length, needs: needs('SUP-8').length };
    const first = await triage([...PDF_REQUEST, '--title', 'PDF export of dashboards for the board', '--append-to', 'SUP-8'], { home, overrides: { timeoutMs: 2000 } });
    emu.linear.server.clearFaults();
    emu.github.server.clearFaults();
    expect(first.code, first.stderr).toBe(3);
    expect(first.stderr).toContain('pending  the customer in Linear');
    const id = /triage resume (\S+)/.exec(first.stderr)![1]!;
    const second = await runCli(['resume', id, '--json'], { env: emu.env, home });
    expect(second.code, second.stderr).toBe(0);
    expect(linearComments('SUP-8').length).toBe(commentsBefore.linear + 1);
    expect(githubComments(1).length).toBe(commentsBefore.github + 1);
    expect(needs('SUP-8').length).toBe(commentsBefore.needs + 1);
    expect(JSON.parse(second.stdout)).toMatchObject({ mode: 'append', linear: { identifier: 'SUP-8' } });
  });

  it('--append-to a closed or unknown ticket, or for another type, is a usage error', async () => {
    const done = await triage([...PDF_REQUEST, '--append-to', 'SUP-16']);
    expect(done.code).toBe(2);
    expect(done.stderr).toContain('SUP-16 is Done: a request is appended to open tickets only');
    const unknown = await triage([...PDF_REQUEST, '--append-to', 'SUP-999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--append-to SUP-999: Linear has no such issue');
    const complex = await triage([...PDF_REQUEST, '--type', 'complex', '--impact', 'polish', '--append-to', 'SUP-8']);
    expect(complex.code).toBe(2);
    expect(complex.stderr).toContain('--append-to is for feature requests (--type feature), not complex');
    const both = await triage([...PDF_REQUEST, '--append-to', 'SUP-8', '--new']);
    expect(both.code).toBe(2);
  });

  it('a configured project that Linear does not have stops the filing before anything is created', async () => {
    const home = await tempHome();
    const file = join(home, 'roadmap.json');
    await writeFile(file, JSON.stringify({ linear: { featureProject: 'Roadmap 2030' }, routing: { default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } } } }));
    const before = counts();
    const run = await runCli(['new', '--config', file, '--title', 'Offline mode for the mobile app', '--body', 'Works without network', '--type', 'feature', '--impact', 'minor', '--customer', 'Initech', '--new'], { env: emu.env, home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Linear has no project "Roadmap 2030" for feature requests (linear.featureProject)');
    expect(counts()).toEqual(before);
  });
});
