import type { LinearIssue, LinearTeam, LinearUser } from './state.js';

const SLUG_MAX = 50;

export const priorityLabels: readonly string[] = ['No priority', 'Urgent', 'High', 'Medium', 'Low'];

export function priorityLabel(priority: number): string {
  return priorityLabels[priority] ?? 'No priority';
}

export function issueIdentifier(team: Pick<LinearTeam, 'key'>, issue: Pick<LinearIssue, 'number'>): string {
  return `${team.key}-${issue.number}`;
}

/** Lower-case words joined by hyphens, cut at a word boundary near 50 characters, as in Linear's URLs and branches. */
export function titleSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) {
      if (!slug) slug = word.slice(0, SLUG_MAX);
      break;
    }
    slug = next;
  }
  return slug;
}

export function issueUrl(webUrl: string, urlKey: string, identifier: string, title: string): string {
  const slug = titleSlug(title);
  return `${webUrl}/${urlKey}/issue/${identifier}${slug ? `/${slug}` : ''}`;
}

/** Linear's default git branch format, `{username}/{identifier}-{title}`, for the assignee (else the viewer). */
export function branchName(user: Pick<LinearUser, 'displayName' | 'name'>, identifier: string, title: string): string {
  const username = (user.displayName || user.name).toLowerCase().replace(/[^a-z0-9._-]+/g, '');
  const slug = titleSlug(title);
  return `${username}/${identifier.toLowerCase()}${slug ? `-${slug}` : ''}`;
}
