import { createLinearState, type LinearAttachment, type LinearState } from '../linear/state.js';
import { createGitHubState, type GitHubState } from '../github/state.js';
import { stableUuid } from '../linear/ids.js';
import { createPylonState, pylonSeedTime, type PylonCustomFieldValue, type PylonState } from '../pylon/state.js';
import { demoPlanningGitHub, demoPlanningLinear } from './demo-planning.js';

type Seed<T, K extends keyof T> = Partial<T> & Pick<T, K>;

/**
 * The demo workspace behind the sandbox and the integration tests. It matches `.triagerc.example.json`:
 * team SUP with Backlog/Todo states, the labels its routes use, Erin for exports, Dana on call, and the
 * public repo acme/app. Sam is the support engineer whose tokens the sandbox hands out.
 */
export interface DemoTokens {
  linear: string;
  github: string;
  /** Only `demoPylonState` needs it. */
  pylon?: string;
}

export const DEMO_PEOPLE = {
  engineer: { name: 'Sam Rivera', email: 'sam@acme.example', login: 'sam-acme' },
  onCall: { name: 'Dana Okafor', email: 'dana@acme.example', login: 'dana-acme' },
  exports: { name: 'Erin Park', email: 'erin@acme.example', login: 'erin-acme' },
} as const;

export const DEMO_REPO = { owner: 'acme', name: 'app' } as const;

/**
 * `githubWebUrl`: where the demo's GitHub serves issue pages (the emulator's `webUrl`), so the Linear issues' GitHub
 * links point at them; default GitHub's own, as the tests' emulator uses.
 */
export function demoLinearState(tokens: DemoTokens, options: { githubWebUrl?: string } = {}): LinearState {
  const people = Object.values(DEMO_PEOPLE);
  const planning = demoPlanningLinear({
    githubWebUrl: (options.githubWebUrl ?? 'https://github.com').replace(/\/+$/, ''),
    firstNumber: DEMO_LINKED.length + 1,
    people: { engineer: DEMO_PEOPLE.engineer.email, onCall: DEMO_PEOPLE.onCall.email, exports: DEMO_PEOPLE.exports.email },
  });
  return createLinearState({
    organization: { name: 'Acme', urlKey: 'acme' },
    users: people.map((p, i) => ({ email: p.email, name: p.name, admin: i === 0 })),
    apiKeys: [{ key: tokens.linear, userId: DEMO_PEOPLE.engineer.email }],
    teams: [{ key: 'SUP', name: 'Support Engineering' }],
    issueLabels: [
      { name: 'Customer' },
      { name: 'Exports', teamId: 'SUP' },
      { name: 'Billing', teamId: 'SUP' },
      { name: 'Bug', teamId: 'SUP' },
      { name: 'Feature', teamId: 'SUP' },
    ],
    issues: [
      ...DEMO_LINKED.map((c) => ({
        id: demoLinearIssueId(c.ticket),
        teamId: 'SUP',
        title: c.title,
        description: `Reported by ${DEMO_ACCOUNTS[c.account].name} through Pylon ticket #${c.ticket}.`,
        priority: c.linear ? LINEAR_NUMBER[c.linear] : 0,
        stateId: c.linear === 'urgent' || c.linear === 'high' ? 'Todo' : 'Backlog',
        labelIds: ['Customer'],
        assigneeId: c.linear === 'urgent' ? DEMO_PEOPLE.onCall.email : DEMO_PEOPLE.engineer.email,
      })),
      ...planning.issues,
    ],
    attachments: [
      ...DEMO_LINKED.filter((c) => c.agreed !== 'no-link').map((c): Seed<LinearAttachment, 'issueId' | 'url'> => ({
        issueId: demoLinearIssueId(c.ticket),
        url: demoPylonTicketUrl(c.ticket),
        title: `Pylon #${c.ticket}`,
        metadata: c.agreed === 'no-record' ? {} : { triage: { lastAgreedPriority: c.agreed, agreedAt: '2025-01-06T10:00:00.000Z' } },
      })),
      ...planning.attachments,
    ],
    projects: planning.projects,
    customers: planning.customers,
    customerNeeds: planning.customerNeeds,
  });
}

// --- Pylon ------------------------------------------------------------------------------------------------

/**
 * The web URL the demo's Pylon serves ticket links on (the Linear attachments above are built on it). A
 * reserved `.invalid` host, so a sandbox link is never mistaken for a real ticket; pass it as `webUrl`.
 */
export const DEMO_PYLON_WEB_URL = 'https://pylon.sandbox.invalid';

export function demoPylonTicketUrl(number: number): string {
  return `${DEMO_PYLON_WEB_URL}/issues?issueNumber=${number}`;
}

/** The Linear issue linked to demo ticket `number` (the same in both emulators' states). */
export function demoLinearIssueId(ticket: number): string {
  return stableUuid(`demo:linear-issue:for-ticket-${ticket}`);
}

type DemoPriority = 'urgent' | 'high' | 'medium' | 'low';
const LINEAR_NUMBER: Record<DemoPriority, number> = { urgent: 1, high: 2, medium: 3, low: 4 };

export const DEMO_ACCOUNTS = {
  globex: { name: 'Globex Corporation', domain: 'globex.com', contacts: [{ name: 'Nora Quinn', email: 'nora.quinn@globex.com' }, { name: 'Marcus Webb', email: 'marcus.webb@globex.com' }] },
  initech: { name: 'Initech', domain: 'initech.com', contacts: [{ name: 'Peter Gibbons', email: 'peter.gibbons@initech.com' }] },
  umbrella: { name: 'Umbrella Corp', domain: 'umbrella.com', contacts: [{ name: 'Jill Parker', email: 'jill.parker@umbrella.com' }] },
} as const;
type DemoAccount = keyof typeof DEMO_ACCOUNTS;

interface DemoLinkedCase {
  ticket: number;
  title: string;
  account: DemoAccount;
  pylon: DemoPriority | null;
  linear: DemoPriority | null;
  /** The priority remembered on the link; 'no-record': a link with no record; 'no-link': no attachment at all. */
  agreed: DemoPriority | 'no-record' | 'no-link';
  /** What `triage sync` does with it (for the reader; the tests check it). */
  shows: string;
}

/** One linked ticket per `triage sync` case, so the sandbox shows every one of them. */
export const DEMO_LINKED: readonly DemoLinkedCase[] = [
  { ticket: 1041, title: 'CSV export times out for large workspaces', account: 'globex', pylon: 'high', linear: 'high', agreed: 'high', shows: 'in sync' },
  { ticket: 1042, title: 'SSO login loops back to the sign-in page', account: 'initech', pylon: 'urgent', linear: 'high', agreed: 'high', shows: 'changed in Pylon: Linear follows' },
  { ticket: 1043, title: 'Invoice PDF shows the wrong VAT rate', account: 'umbrella', pylon: 'medium', linear: 'high', agreed: 'medium', shows: 'changed in Linear: drift (Pylon follows with --direction both)' },
  { ticket: 1044, title: 'Webhooks delivered twice after a retry', account: 'globex', pylon: 'urgent', linear: 'low', agreed: 'medium', shows: 'changed on both sides: conflict' },
  { ticket: 1045, title: 'Dashboard charts render blank in Safari', account: 'initech', pylon: 'low', linear: 'medium', agreed: 'no-link', shows: 'never synced: Pylon wins' },
  { ticket: 1046, title: 'Bulk user import rejects valid emails', account: 'umbrella', pylon: 'medium', linear: 'medium', agreed: 'no-record', shows: 'first sync, already equal: recorded' },
  { ticket: 1047, title: 'Audit log misses role changes', account: 'globex', pylon: null, linear: 'high', agreed: 'high', shows: 'cleared in Pylon: drift, not propagated' },
];

type DemoPerson = keyof typeof DEMO_PEOPLE;

/**
 * Not linked to Linear yet. The engineer's queue (`triage inbox`, the wizard's first question) is 1051 and 1048;
 * 1050 is a colleague's and already has a GitHub issue, 1049 is nobody's, and 1052 is closed.
 */
const DEMO_UNLINKED: ReadonlyArray<{ ticket: number; title: string; account: DemoAccount; pylon: DemoPriority | null; state: string; github?: string; assignee?: DemoPerson }> = [
  { ticket: 1048, title: 'Scheduled reports arrive an hour late after DST', account: 'initech', pylon: 'medium', state: 'waiting_on_you', assignee: 'engineer' },
  { ticket: 1049, title: 'Dark mode for the reporting pages', account: 'umbrella', pylon: 'low', state: 'waiting_on_customer' },
  { ticket: 1050, title: 'API returns 500 on empty filter lists', account: 'globex', pylon: 'high', state: 'new', github: 'acme/app/7', assignee: 'exports' },
  { ticket: 1051, title: 'Question about data retention settings', account: 'initech', pylon: null, state: 'new', assignee: 'engineer' },
  { ticket: 1052, title: 'Password reset email lands in spam', account: 'umbrella', pylon: 'high', state: 'closed', assignee: 'engineer' },
];

/**
 * Pylon's side of the demo workspace: the three demo customers with their contacts, the `priority` issue field
 * (`.triagerc.example.json`'s `pylon.priorityField`), and a dozen tickets. Seven are linked to the Linear issues
 * of `demoLinearState`, one per sync case (DEMO_LINKED); the closed one is old enough that a sync skips it.
 */
export function demoPylonState(tokens: DemoTokens & { pylon: string }): PylonState {
  const people = Object.values(DEMO_PEOPLE);
  const userId = (email: string) => stableUuid(`demo:pylon-user:${email}`);
  const accountId = (key: DemoAccount) => stableUuid(`demo:pylon-account:${key}`);
  const contactId = (email: string) => stableUuid(`demo:pylon-contact:${email}`);
  const accounts = Object.entries(DEMO_ACCOUNTS) as Array<[DemoAccount, (typeof DEMO_ACCOUNTS)[DemoAccount]]>;
  const requester = (key: DemoAccount, index: number) => {
    const list = DEMO_ACCOUNTS[key].contacts;
    const contact = list[index % list.length]!;
    return { id: contactId(contact.email), email: contact.email };
  };
  const priorityField = (p: DemoPriority | null): Record<string, PylonCustomFieldValue> => (p ? { priority: { slug: 'priority', value: p } } : {});
  const assigned = (person: DemoPerson | undefined) => (person ? { assignee: { id: userId(DEMO_PEOPLE[person].email), email: DEMO_PEOPLE[person].email } } : {});
  const closedAt = pylonSeedTime(60);

  return createPylonState({
    org: { id: stableUuid('demo:pylon-org'), name: 'Acme Support' },
    users: people.map((p) => ({ id: userId(p.email), email: p.email, name: p.name })),
    tokens: [{ token: tokens.pylon, user_id: userId(DEMO_PEOPLE.engineer.email) }],
    teams: [{ id: stableUuid('demo:pylon-team:support'), name: 'Support' }],
    accounts: accounts.map(([key, a]) => ({ id: accountId(key), name: a.name, domains: [a.domain] })),
    contacts: accounts.flatMap(([key, a]) => a.contacts.map((c) => ({ id: contactId(c.email), name: c.name, email: c.email, account: { id: accountId(key) } }))),
    customFields: [
      {
        id: stableUuid('demo:pylon-field:priority'),
        slug: 'priority',
        label: 'Priority',
        type: 'select',
        select_metadata: { options: [{ slug: 'urgent', label: 'Urgent' }, { slug: 'high', label: 'High' }, { slug: 'medium', label: 'Medium' }, { slug: 'low', label: 'Low' }] },
      },
      {
        id: stableUuid('demo:pylon-field:area'),
        slug: 'area',
        label: 'Product area',
        type: 'select',
        select_metadata: { options: [{ slug: 'exports', label: 'Exports' }, { slug: 'billing', label: 'Billing' }, { slug: 'auth', label: 'Auth' }] },
      },
    ],
    issues: [
      ...DEMO_LINKED.map((c, i) => ({
        id: stableUuid(`demo:pylon-issue:${c.ticket}`),
        number: c.ticket,
        title: c.title,
        body_html: `<p>${c.title}.</p><p>Reported by ${requester(c.account, i).email}.</p>`,
        state: i % 2 === 0 ? 'waiting_on_you' : 'on_hold',
        type: 'ticket' as const,
        account: { id: accountId(c.account) },
        requester: requester(c.account, i),
        custom_fields: priorityField(c.pylon),
        // Already triaged: in the engineer's name, and out of their queue because Linear tracks it.
        ...assigned('engineer'),
        external_issues: [{ source: 'linear', external_id: demoLinearIssueId(c.ticket) }],
      })),
      ...DEMO_UNLINKED.map((c, i) => ({
        id: stableUuid(`demo:pylon-issue:${c.ticket}`),
        number: c.ticket,
        title: c.title,
        body_html: `<p>${c.title}.</p><p>Reported by ${requester(c.account, i).email}.</p>`,
        state: c.state,
        type: 'ticket' as const,
        account: { id: accountId(c.account) },
        requester: requester(c.account, i),
        custom_fields: priorityField(c.pylon),
        ...assigned(c.assignee),
        external_issues: c.github ? [{ source: 'github', external_id: c.github, link: `https://github.com/${c.github.replace(/\/(\d+)$/, '/issues/$1')}` }] : [],
        ...(c.state === 'closed' ? { resolution_time: closedAt } : {}),
      })),
      {
        // Closed long ago and still linked: outside any `--since` window, so a sync leaves it alone.
        id: stableUuid('demo:pylon-issue:1030'),
        number: 1030,
        title: 'Export button hidden for read-only members',
        body_html: '<p>Export button hidden for read-only members.</p>',
        state: 'closed',
        type: 'ticket' as const,
        account: { id: accountId('globex') },
        requester: requester('globex', 0),
        custom_fields: priorityField('low'),
        external_issues: [{ source: 'linear', external_id: demoLinearIssueId(1041) }],
        resolution_time: closedAt,
      },
    ],
  });
}

export function demoGitHubState(tokens: DemoTokens): GitHubState {
  const people = Object.values(DEMO_PEOPLE);
  return createGitHubState({
    users: people.map((p) => ({ login: p.login, name: p.name })),
    tokens: [{ token: tokens.github, login: DEMO_PEOPLE.engineer.login }],
    repos: [{ owner: DEMO_REPO.owner, name: DEMO_REPO.name, private: false, collaborators: people.map((p) => p.login) }],
    labels: {
      'acme/app': [{ name: 'customer-report' }, { name: 'exports' }, { name: 'billing' }, { name: 'bug' }],
    },
    issues: demoPlanningGitHub(),
  });
}
