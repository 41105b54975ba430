import { keywords, stem, stems } from './search-words.js';

/**
 * Existing tickets a feature request may duplicate, and how sure we are. The rules, as README documents them:
 *
 *   score = 0.7 × title similarity + 0.3 × coverage                      (0 … 1, two decimals)
 *
 * - title similarity: Dice coefficient of the two titles' significant word stems (2·shared / (a + b));
 * - coverage: the share of the request's significant stems (title and description) found in the candidate's
 *   title or description (its customer report: the scaffolding of triage's template is left out).
 *
 * A ticket is a *candidate* when its score is at least 0.25 and it shares at least two significant words
 * with the request (one shared word is chance); it is *strong* when its score is at least 0.5. A scripted
 * feature with a strong candidate stops (exit 2) until `--append-to` or `--new` says what to do.
 */
export const CANDIDATE_RULES = {
  titleWeight: 0.7,
  coverageWeight: 0.3,
  minScore: 0.25,
  strongScore: 0.5,
  minSharedWords: 2,
  /** The best few: more is noise in a prompt or an error message. */
  maxShown: 5,
  /** Request words sent to Linear's search (title first). */
  linearTermWords: 12,
  /** GitHub's issue search wants every word, so it gets only the title's first few significant words. */
  githubTermWords: 3,
} as const;

export interface RequestText {
  title: string;
  body: string;
}

export interface CandidateTicket {
  id: string;
  identifier: string;
  title: string;
  url: string;
  description: string;
  state: { name: string; type: string };
  /** The linked GitHub issue, when the Linear issue has one. */
  github?: { repo: string; number: number; url: string };
}

export interface ScoredCandidate extends CandidateTicket {
  score: number;
  strong: boolean;
  /** The stems both share, for the engineer to judge ("export, dashboard, pdf"). */
  shared: string[];
}

/** What leaves the machine for the search: built from text that was already redacted for GitHub. */
export function searchTerms(request: RequestText): { linear: string; github: string[] } {
  const titleWords = keywords(request.title);
  const all = keywords(`${request.title}\n${request.body}`);
  const linear = all.slice(0, CANDIDATE_RULES.linearTermWords).join(' ');
  return { linear, github: titleWords.slice(0, CANDIDATE_RULES.githubTermWords) };
}

/**
 * Triage's own description template ends with Impact and Links sections (rubric wording shared by every ticket);
 * only what comes before them describes the request.
 */
export function reportPart(description: string): string {
  const cut = description.search(/^#{1,6}\s*(Impact|Links)\b/im);
  return cut >= 0 ? description.slice(0, cut) : description;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreCandidate(request: RequestText, candidate: Pick<CandidateTicket, 'title' | 'description'>): { score: number; shared: string[] } {
  const requestTitle = stems(request.title);
  const requestAll = new Set(keywords(`${request.title}\n${request.body}`).slice(0, 40).map(stem));
  const candidateTitle = stems(candidate.title);
  const candidateAll = stems(`${candidate.title}\n${reportPart(candidate.description)}`);
  const shared = [...requestAll].filter((w) => candidateAll.has(w));
  const coverage = requestAll.size ? shared.length / requestAll.size : 0;
  const score = round2(CANDIDATE_RULES.titleWeight * dice(requestTitle, candidateTitle) + CANDIDATE_RULES.coverageWeight * coverage);
  return { score, shared };
}

/** Scores, keeps the candidates, best first (ties: the older identifier first), at most `maxShown`. */
export function rankCandidates(request: RequestText, tickets: readonly CandidateTicket[]): ScoredCandidate[] {
  const seen = new Set<string>();
  const scored: ScoredCandidate[] = [];
  for (const ticket of tickets) {
    if (seen.has(ticket.id)) continue;
    seen.add(ticket.id);
    const { score, shared } = scoreCandidate(request, ticket);
    if (score < CANDIDATE_RULES.minScore || shared.length < CANDIDATE_RULES.minSharedWords) continue;
    scored.push({ ...ticket, score, shared, strong: score >= CANDIDATE_RULES.strongScore });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.identifier.localeCompare(b.identifier, 'en', { numeric: true }))
    .slice(0, CANDIDATE_RULES.maxShown);
}
