/**
 * GitHub's issue search query language, as far as the CLI relies on it: qualifiers, quoted phrases and words.
 * Text matching is token based like GitHub's: punctuation separates words and is not searchable, so
 * `"triage-filing:3f2a"` matches the words `triage filing 3f2a` in that order (inside an HTML comment too,
 * which github.com indexes).
 */
import type { GitHubComment, GitHubIssue, GitHubRepo } from './state.js';
import { repoKey } from './state.js';

type Field = 'title' | 'body' | 'comments';

interface TextTerm {
  tokens: string[];
  negated: boolean;
}

type DateTest = (iso: string) => boolean;

export interface ParsedQuery {
  text: TextTerm[];
  repos: string[];
  owners: string[];
  in: Field[];
  states: Array<'open' | 'closed'>;
  kinds: Array<'issue' | 'pr'>;
  /** Each entry is a set of alternatives (`label:a,b`); all entries must hold. */
  labels: Array<{ names: string[]; negated: boolean }>;
  noLabel: boolean;
  noAssignee: boolean;
  authors: Array<{ login: string; negated: boolean }>;
  assignees: Array<{ login: string; negated: boolean }>;
  locked: boolean | undefined;
  created: DateTest[];
  updated: DateTest[];
}

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

const QUALIFIERS = new Set(['repo', 'is', 'state', 'label', 'in', 'author', 'assignee', 'type', 'no', 'user', 'org', 'created', 'updated']);

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = {
    text: [],
    repos: [],
    owners: [],
    in: [],
    states: [],
    kinds: [],
    labels: [],
    noLabel: false,
    noAssignee: false,
    authors: [],
    assignees: [],
    locked: undefined,
    created: [],
    updated: [],
  };
  const pattern = /(-?)(?:([A-Za-z_-]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (const m of q.matchAll(pattern)) {
    const negated = m[1] === '-';
    const key = m[2]?.toLowerCase();
    const value = m[3] ?? m[4] ?? '';
    const quoted = m[3] !== undefined;
    if (key && QUALIFIERS.has(key) && value) {
      applyQualifier(parsed, key, value, negated);
      continue;
    }
    const raw = key ? `${m[2]}:${value}` : value;
    // Bare AND is GitHub's default; it is an operator, not a word.
    if (!quoted && !key && raw === 'AND') continue;
    const tokens = tokenize(raw);
    if (tokens.length > 0) parsed.text.push({ tokens, negated });
  }
  return parsed;
}

function applyQualifier(parsed: ParsedQuery, key: string, value: string, negated: boolean): void {
  const lower = value.toLowerCase();
  switch (key) {
    case 'repo':
      parsed.repos.push(value);
      return;
    case 'user':
    case 'org':
      parsed.owners.push(value);
      return;
    case 'in':
      for (const f of lower.split(',')) if (f === 'title' || f === 'body' || f === 'comments') parsed.in.push(f);
      return;
    case 'state':
      if (lower === 'open' || lower === 'closed') parsed.states.push(lower);
      return;
    case 'type':
      if (lower === 'issue') parsed.kinds.push('issue');
      if (lower === 'pr') parsed.kinds.push('pr');
      return;
    case 'is':
      if (lower === 'open' || lower === 'closed') parsed.states.push(lower);
      else if (lower === 'issue') parsed.kinds.push('issue');
      else if (lower === 'pr' || lower === 'pull-request') parsed.kinds.push('pr');
      else if (lower === 'locked' || lower === 'unlocked') parsed.locked = lower === 'locked';
      return;
    case 'label':
      parsed.labels.push({ names: lower.split(','), negated });
      return;
    case 'no':
      if (lower === 'label') parsed.noLabel = true;
      if (lower === 'assignee') parsed.noAssignee = true;
      return;
    case 'author':
      parsed.authors.push({ login: lower, negated });
      return;
    case 'assignee':
      parsed.assignees.push({ login: lower, negated });
      return;
    case 'created':
    case 'updated': {
      const test = dateTest(value);
      if (test) (key === 'created' ? parsed.created : parsed.updated).push(test);
      return;
    }
  }
}

function dateTest(value: string): DateTest | undefined {
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range) {
    const from = range[1] === '*' ? -Infinity : Date.parse(range[1]!);
    const to = range[2] === '*' ? Infinity : endOf(range[2]!);
    if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
    return (iso) => Date.parse(iso) >= from && Date.parse(iso) <= to;
  }
  const cmp = /^(>=|<=|>|<)?(.+)$/.exec(value);
  if (!cmp) return undefined;
  const op = cmp[1] ?? '';
  const at = Date.parse(cmp[2]!);
  if (Number.isNaN(at)) return undefined;
  const end = endOf(cmp[2]!);
  switch (op) {
    case '>':
      return (iso) => Date.parse(iso) > end;
    case '>=':
      return (iso) => Date.parse(iso) >= at;
    case '<':
      return (iso) => Date.parse(iso) < at;
    case '<=':
      return (iso) => Date.parse(iso) <= end;
    default:
      return (iso) => Date.parse(iso) >= at && Date.parse(iso) <= end;
  }
}

/** A bare date (`2025-01-06`) covers the whole day. */
function endOf(value: string): number {
  const at = Date.parse(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? at + 86_399_999 : at;
}

function countSequence(haystack: string[], needle: string[]): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) count++;
  }
  return count;
}

export interface SearchCandidate {
  repo: GitHubRepo;
  issue: GitHubIssue;
}

export interface SearchHit extends SearchCandidate {
  score: number;
}

const FIELD_WEIGHT: Record<Field, number> = { title: 2, body: 1, comments: 0.5 };

export function matchIssues(query: ParsedQuery, candidates: readonly SearchCandidate[], comments: readonly GitHubComment[]): SearchHit[] {
  const fields: Field[] = query.in.length > 0 ? query.in : ['title', 'body', 'comments'];
  const hits: SearchHit[] = [];
  for (const candidate of candidates) {
    const { repo, issue } = candidate;
    if (query.repos.length > 0 && !query.repos.some((r) => r.toLowerCase() === repoKey(repo).toLowerCase())) continue;
    if (query.owners.length > 0 && !query.owners.some((o) => o.toLowerCase() === repo.owner.toLowerCase())) continue;
    if (query.states.length > 0 && !query.states.includes(issue.state)) continue;
    if (query.kinds.length > 0 && !query.kinds.includes('issue')) continue;
    if (query.locked !== undefined && issue.locked !== query.locked) continue;
    const labels = issue.labels.map((l) => l.toLowerCase());
    if (query.noLabel && labels.length > 0) continue;
    if (query.noAssignee && issue.assignees.length > 0) continue;
    if (!query.labels.every((l) => l.names.some((n) => labels.includes(n)) !== l.negated)) continue;
    if (!query.authors.every((a) => (issue.user.toLowerCase() === a.login) !== a.negated)) continue;
    const assignees = issue.assignees.map((a) => a.toLowerCase());
    if (!query.assignees.every((a) => assignees.includes(a.login) !== a.negated)) continue;
    if (!query.created.every((t) => t(issue.created_at))) continue;
    if (!query.updated.every((t) => t(issue.updated_at))) continue;

    const texts: Record<Field, string[]> = {
      title: fields.includes('title') ? tokenize(issue.title) : [],
      body: fields.includes('body') ? tokenize(issue.body ?? '') : [],
      comments: fields.includes('comments')
        ? comments
            .filter((c) => c.repo === repoKey(repo) && c.issue_number === issue.number)
            .flatMap((c) => [...tokenize(c.body), ''])
        : [],
    };
    let score = 1;
    let matched = true;
    for (const term of query.text) {
      let termScore = 0;
      for (const field of fields) termScore += countSequence(texts[field], term.tokens) * FIELD_WEIGHT[field];
      if (term.negated ? termScore > 0 : termScore === 0) {
        matched = false;
        break;
      }
      score += termScore;
    }
    if (matched) hits.push({ repo, issue, score });
  }
  return hits;
}
