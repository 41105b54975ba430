import type { Context } from '../../context.js';
import { rankCandidates, searchTerms, type CandidateTicket, type ScoredCandidate } from '../../core/candidates.js';
import { githubIssueRef, linkedRefs } from '../../core/linked-refs.js';
import type { Redactor } from '../../core/redaction/types.js';
import { AuthError, ServiceError } from '../../errors.js';
import { hasToken } from '../../services/credentials.js';
import { parseRepo } from '../../services/github/types.js';
import { allSettledOrThrow } from '../../services/http/settle.js';
import type { LinearCandidateIssue } from '../../services/linear/types.js';

/** What the search found; `skipped` says why it did not run (a dry run without a token). */
export interface CandidateSearch {
  candidates: ScoredCandidate[];
  skipped?: string;
}

/** Linear hits per search: the ranking keeps the best few of these. */
const LINEAR_HITS = 15;

function toTicket(issue: LinearCandidateIssue): CandidateTicket {
  const github = linkedRefs(issue.attachments).github;
  return {
    id: issue.id,
    identifier: issue.identifier,
    title: issue.title,
    url: issue.url,
    description: issue.description,
    state: issue.state,
    labels: issue.labels,
    project: issue.project,
    ...(github ? { github } : {}),
  };
}

const isOpen = (issue: LinearCandidateIssue) => issue.state.type !== 'completed' && issue.state.type !== 'canceled';

/**
 * Looks for open tickets a feature request may duplicate: Linear's search over the team's open issues, and
 * GitHub's over the repo's open issues (each GitHub hit counts through the Linear issue linked to it, since
 * only a Linear issue can be appended to). Search terms leave the machine, so they are built from the
 * request as redacted for GitHub. Only reads; a GitHub search that fails (rate limit) is reported and skipped.
 */
export async function searchCandidates(
  ctx: Context,
  input: { title: string; body: string; redactor: Redactor; teamKey: string; repo?: string | undefined; dryRun: boolean; featureMarks?: { label?: string | undefined; project?: string | undefined } },
): Promise<CandidateSearch> {
  if (!hasToken(ctx.env, 'linear')) {
    // Only a dry run gets here without a token (a filing needs one anyway and fails on it later, exit 4).
    if (input.dryRun) return { candidates: [], skipped: 'LINEAR_API_KEY is not set, so Linear was not searched for similar tickets' };
  }
  const request = { title: (await input.redactor.redact(input.title)).text, body: (await input.redactor.redact(input.body)).text };
  const terms = searchTerms(request);
  if (!terms.linear) return { candidates: [] };
  const linear = await ctx.linear();
  const searchGitHub = async () => {
    if (!input.repo || terms.github.length === 0 || !hasToken(ctx.env, 'github')) return [];
    try {
      return await (await ctx.github()).searchOpenIssues(parseRepo(input.repo), terms.github);
    } catch (error) {
      if (error instanceof AuthError || !(error instanceof ServiceError)) throw error;
      ctx.io.warn(`GitHub search failed (${error.message}); showing Linear's matches only.`);
      return [];
    }
  };
  const [linearHits, githubHits] = await allSettledOrThrow([linear.searchOpenIssues(terms.linear, { teamKey: input.teamKey, first: LINEAR_HITS }), searchGitHub()]);
  const repo = input.repo;
  const refs = githubHits.map((hit) => ({ repo: repo!, number: hit.number }));
  const sameIssue = (url: string) => {
    const ref = githubIssueRef(url);
    return ref !== undefined && refs.some((r) => r.repo.toLowerCase() === ref.repo.toLowerCase() && r.number === ref.number);
  };
  const linked = (await linear.issuesLinkedTo(refs)).filter((l) => sameIssue(l.url));
  const tickets = [...linearHits, ...linked.map((l) => l.issue)].filter(isOpen).map(toTicket);
  return { candidates: rankCandidates(request, tickets, input.featureMarks) };
}
