/**
 * What a Linear issue is linked to, read from its attachments. Triage links a GitHub issue by its web URL
 * (`…/owner/repo/issues/17`) and a Pylon ticket by its `link` (`…/issues?issueNumber=1041`, titled
 * "Pylon #1041"); both shapes are recognised whoever made the attachment.
 */

export interface GitHubIssueRef {
  repo: string;
  number: number;
  url: string;
}

export interface PylonTicketRef {
  number: number;
  url: string;
}

export function githubIssueRef(url: string): GitHubIssueRef | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const match = /^\/([^/]+)\/([^/]+)\/issues\/(\d+)\/?$/.exec(parsed.pathname);
  if (!match || parsed.search) return undefined;
  return { repo: `${match[1]}/${match[2]}`, number: Number(match[3]), url };
}

export function pylonTicketRef(attachment: { url: string; title?: string | null }): PylonTicketRef | undefined {
  let fromUrl: number | undefined;
  try {
    const parsed = new URL(attachment.url);
    const value = parsed.searchParams.get('issueNumber');
    if (value && /^\d+$/.test(value)) fromUrl = Number(value);
  } catch {
    return undefined;
  }
  const fromTitle = /^Pylon #(\d+)\b/.exec(attachment.title ?? '')?.[1];
  const number = fromUrl ?? (fromTitle ? Number(fromTitle) : undefined);
  return number === undefined ? undefined : { number, url: attachment.url };
}

/** The first GitHub issue and every Pylon ticket among a Linear issue's attachments. */
export function linkedRefs(attachments: ReadonlyArray<{ url: string; title?: string | null }>): { github: GitHubIssueRef | undefined; pylon: PylonTicketRef[] } {
  let github: GitHubIssueRef | undefined;
  const pylon: PylonTicketRef[] = [];
  for (const attachment of attachments) {
    github ??= githubIssueRef(attachment.url);
    const ticket = pylonTicketRef(attachment);
    if (ticket && !pylon.some((p) => p.number === ticket.number)) pylon.push(ticket);
  }
  return { github, pylon };
}
