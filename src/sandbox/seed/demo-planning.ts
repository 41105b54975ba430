import type { GitHubStateInput } from '../github/state.js';
import type { LinearStateInput } from '../linear/state.js';
import { stableUuid } from '../linear/ids.js';

/**
 * The part of the demo workspace that shows the rest of the support process: open issues of every priority and
 * age for `triage immediate`, feature requests in the Backlog that a new request can be appended to, customers
 * (Linear's customer requests, keyed by their Pylon account ids) asking for some of them, and the GitHub issues
 * they are linked to. None is linked to a Pylon ticket, so `triage sync`'s demo cases stay exactly as they are;
 * they come after SUP-1..SUP-7 (the Pylon-linked issues), as SUP-8 onwards.
 */

type Priority = 'urgent' | 'high' | 'medium' | 'low';
const LINEAR_NUMBER: Record<Priority, number> = { urgent: 1, high: 2, medium: 3, low: 4 };

/** The Pylon account id of a demo customer (the same derivation as the demo's Pylon state). */
export function demoPylonAccountId(key: 'globex' | 'initech' | 'umbrella'): string {
  return stableUuid(`demo:pylon-account:${key}`);
}

const CUSTOMERS = {
  globex: { name: 'Globex Corporation', domains: ['globex.com'] },
  initech: { name: 'Initech', domains: ['initech.com'] },
  umbrella: { name: 'Umbrella Corp', domains: ['umbrella.com'] },
} as const;
type Customer = keyof typeof CUSTOMERS;

interface PlanningIssue {
  title: string;
  description: string;
  priority: Priority;
  state: 'Backlog' | 'Todo' | 'In Progress' | 'Done';
  createdAt: string;
  feature?: boolean;
  asking: Customer[];
  /** The number of its GitHub issue in acme/app. */
  github?: number;
  assignee?: 'engineer' | 'onCall' | 'exports';
}

export const DEMO_PLANNING: readonly PlanningIssue[] = [
  {
    title: 'Export dashboards to PDF',
    description: 'Customers want to download a dashboard as a PDF file to share it in board meetings.',
    priority: 'medium',
    state: 'Backlog',
    createdAt: '2026-09-14T10:00:00.000Z',
    feature: true,
    asking: ['globex', 'initech'],
    github: 1,
  },
  {
    title: 'Bulk edit tags on many records',
    description: 'Select many records and add or remove tags in one go, instead of one record at a time.',
    priority: 'low',
    state: 'Backlog',
    createdAt: '2026-10-02T10:00:00.000Z',
    feature: true,
    asking: ['umbrella'],
    github: 2,
  },
  {
    title: 'Payment page times out at checkout',
    description: 'Card payments hang for 30 seconds and then fail with a gateway timeout.',
    priority: 'urgent',
    state: 'In Progress',
    createdAt: '2026-11-24T08:30:00.000Z',
    asking: ['umbrella'],
    github: 3,
    assignee: 'onCall',
  },
  {
    title: 'Search results miss archived projects',
    description: 'Searching with "include archived" still leaves out projects archived last year.',
    priority: 'high',
    state: 'Todo',
    createdAt: '2026-11-19T14:00:00.000Z',
    asking: [],
    github: 4,
  },
  {
    title: 'Slack notifications arrive without a link',
    description: 'Notifications posted to Slack lost the link to the record since the last release.',
    priority: 'medium',
    state: 'Todo',
    createdAt: '2026-11-12T09:15:00.000Z',
    asking: ['initech'],
  },
  {
    title: 'Calendar sync duplicates recurring events',
    description: 'Every recurring event shows up twice after the nightly calendar sync.',
    priority: 'high',
    state: 'In Progress',
    createdAt: '2026-11-22T16:45:00.000Z',
    asking: ['globex'],
    github: 5,
    assignee: 'exports',
  },
  {
    title: 'Keyboard shortcuts for the inbox',
    description: 'Power users ask for keyboard shortcuts to triage the inbox without the mouse.',
    priority: 'medium',
    state: 'Backlog',
    createdAt: '2026-08-30T11:00:00.000Z',
    feature: true,
    asking: ['initech', 'umbrella'],
  },
  {
    title: 'Mobile app crashes when uploading photos',
    description: 'The iOS app closes as soon as a photo larger than 10 MB is picked for upload.',
    priority: 'urgent',
    state: 'Todo',
    createdAt: '2026-11-25T19:20:00.000Z',
    asking: ['globex'],
    github: 6,
    assignee: 'onCall',
  },
  {
    title: 'Time zone picker lists cities twice',
    description: 'Fixed in the October release.',
    priority: 'medium',
    state: 'Done',
    createdAt: '2026-10-20T10:00:00.000Z',
    asking: [],
  },
];

/** The GitHub issues the planning issues link to, plus the one Pylon ticket #1050 links to directly. */
export const DEMO_GITHUB_ISSUES: ReadonlyArray<{ number: number; title: string; labels: string[] }> = [
  ...DEMO_PLANNING.filter((i) => i.github).map((i) => ({ number: i.github!, title: i.title, labels: [i.feature ? 'customer-report' : 'bug'] })),
  { number: 7, title: 'API returns 500 on empty filter lists', labels: ['bug'] },
];

/** What `demoLinearState` adds for these issues; `people` maps the roles to the demo users' emails. */
export function demoPlanningLinear(input: { githubWebUrl: string; firstNumber: number; people: Record<'engineer' | 'onCall' | 'exports', string> }): Required<Pick<LinearStateInput, 'issues' | 'attachments' | 'customers' | 'customerNeeds' | 'projects'>> {
  const number = (index: number) => input.firstNumber + index;
  const issueId = (index: number) => stableUuid(`demo:linear-issue:planning-${index}`);
  return {
    projects: [{ name: 'Feature requests' }],
    customers: (Object.keys(CUSTOMERS) as Customer[]).map((key) => ({ name: CUSTOMERS[key].name, domains: [...CUSTOMERS[key].domains], externalIds: [demoPylonAccountId(key)] })),
    issues: DEMO_PLANNING.map((issue, index) => ({
      id: issueId(index),
      teamId: 'SUP',
      number: number(index),
      title: issue.title,
      description: issue.description,
      priority: LINEAR_NUMBER[issue.priority],
      stateId: issue.state,
      labelIds: issue.feature ? ['Customer', 'Feature'] : ['Customer', 'Bug'],
      assigneeId: input.people[issue.assignee ?? 'engineer'],
      ...(issue.feature ? { projectId: 'Feature requests' } : {}),
      createdAt: issue.createdAt,
      updatedAt: issue.createdAt,
    })),
    attachments: DEMO_PLANNING.flatMap((issue, index) =>
      issue.github ? [{ issueId: issueId(index), url: `${input.githubWebUrl}/acme/app/issues/${issue.github}`, title: `GitHub acme/app#${issue.github}`, subtitle: issue.title }] : [],
    ),
    customerNeeds: DEMO_PLANNING.flatMap((issue, index) =>
      issue.asking.map((customer) => ({ customerId: CUSTOMERS[customer].name, issueId: issueId(index), body: issue.title, createdAt: issue.createdAt })),
    ),
  };
}

export function demoPlanningGitHub(): NonNullable<GitHubStateInput['issues']> {
  return { 'acme/app': DEMO_GITHUB_ISSUES.map((i) => ({ number: i.number, title: i.title, body: `${i.title}.`, labels: i.labels, user: 'sam-acme' })) };
}
