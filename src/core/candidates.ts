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
 * with the request (one shared word is chance); it is *strong* when its score is at least 0.5 and the titles
 * do not differ in what distinguishes them: when each title has a word the other lacks that is no commoner
 * among the request and the tickets looked at than the words they share ("Export dashboards to CSV" and "Export
 * dashboards to PDF" share the common words and differ in the telling ones), they are different requests,
 * however many words they share. A scripted feature with a strong candidate stops (exit 2) until
 * `--append-to` or `--new` says what to do; the wizard offers the top candidate as the default only when it
 * is strong and is itself a feature request.
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
  labels?: string[];
  project?: string | null;
}

export interface ScoredCandidate extends CandidateTicket {
  score: number;
  strong: boolean;
  /** The stems both share, for the engineer to judge ("export, dashboard, pdf"). */
  shared: string[];
  /** Telling title words on each side that the other lacks ("csv" ≠ "pdf"): a different request. */
  differs?: { request: string[]; candidate: string[] };
  /** Filed as a feature request (triage's template says so): the only kind a request is appended to by default. */
  feature: boolean;
}

/**
 * A feature request: in the roadmap project or with the feature label the config names, labelled as a
 * feature or enhancement, or filed by triage as one ("Feature request reported by …").
 */
export function isFeatureTicket(ticket: Pick<CandidateTicket, 'description' | 'labels' | 'project'>, marks: { label?: string | undefined; project?: string | undefined } = {}): boolean {
  const labels = (ticket.labels ?? []).map((l) => l.toLowerCase());
  if (marks.label && labels.includes(marks.label.toLowerCase())) return true;
  if (marks.project && ticket.project?.toLowerCase() === marks.project.toLowerCase()) return true;
  if (labels.some((l) => /\b(feature|enhancement|feature request)s?\b/.test(l))) return true;
  return /^\s*Feature request\b/i.test(ticket.description);
}

/**
 * Title words each side has and the other lacks, kept unless they are commoner in the pool (the request and
 * the tickets looked at) than every word the two share: a word that most titles carry ("support", "issue")
 * tells nothing, but one no commoner than the shared words does, even when a neighbouring ticket shares it
 * ("CSV" in "CSV export times out" does not make "CSV export for dashboards" the PDF export request).
 */
function tellingDifferences(requestTitle: ReadonlySet<string>, candidateTitle: ReadonlySet<string>, df: ReadonlyMap<string, number>): { request: string[]; candidate: string[] } {
  const shared = [...requestTitle].filter((w) => candidateTitle.has(w));
  const commonest = Math.max(...shared.map((w) => df.get(w) ?? 1));
  const telling = (set: ReadonlySet<string>, other: ReadonlySet<string>) => [...set].filter((w) => !other.has(w) && (df.get(w) ?? 1) <= commonest);
  return { request: telling(requestTitle, candidateTitle), candidate: telling(candidateTitle, requestTitle) };
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
export function rankCandidates(request: RequestText, tickets: readonly CandidateTicket[], marks: { label?: string | undefined; project?: string | undefined } = {}): ScoredCandidate[] {
  const seen = new Set<string>();
  const unique = tickets.filter((t) => !seen.has(t.id) && Boolean(seen.add(t.id)));
  // How many titles of the pool (the request's and the tickets') each word appears in.
  const requestTitle = stems(request.title);
  const df = new Map<string, number>();
  for (const title of [requestTitle, ...unique.map((t) => stems(t.title))]) for (const w of title) df.set(w, (df.get(w) ?? 0) + 1);
  const scored: ScoredCandidate[] = [];
  for (const ticket of unique) {
    const { score, shared } = scoreCandidate(request, ticket);
    if (score < CANDIDATE_RULES.minScore || shared.length < CANDIDATE_RULES.minSharedWords) continue;
    const differs = tellingDifferences(requestTitle, stems(ticket.title), df);
    const conflict = differs.request.length > 0 && differs.candidate.length > 0;
    scored.push({ ...ticket, score, shared, strong: score >= CANDIDATE_RULES.strongScore && !conflict, feature: isFeatureTicket(ticket, marks), ...(conflict ? { differs } : {}) });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.identifier.localeCompare(b.identifier, 'en', { numeric: true }))
    .slice(0, CANDIDATE_RULES.maxShown);
}
