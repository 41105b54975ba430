import type { Decision } from './rubric.js';
import type { RequestType } from './request-type.js';

export interface RouteMatch {
  /** `--area` values. */
  areas?: string[];
  /** `--label` values. */
  labels?: string[];
  /** Whole words looked for in the title and body, case-insensitively. */
  keywords?: string[];
  types?: RequestType[];
}

export interface LinearRouteTarget {
  /** Team key, e.g. `SUP`. */
  team?: string;
  /** Assignee's email in Linear. */
  assignee?: string;
  labels?: string[];
}

export interface GitHubRouteTarget {
  /** `owner/name` */
  repo?: string;
  labels?: string[];
  /** GitHub logins. */
  assignees?: string[];
}

export interface RouteRule {
  name: string;
  match: RouteMatch;
  linear?: LinearRouteTarget;
  github?: GitHubRouteTarget;
}

export interface RoutingConfig {
  routes: readonly RouteRule[];
  default: { linear: LinearRouteTarget & { team: string }; github: GitHubRouteTarget & { repo: string } };
  /** Who answers Urgent issues. */
  onCall?: { linear?: string; github?: string; name?: string };
}

export interface RoutingInput {
  type: RequestType;
  area?: string;
  labels: readonly string[];
  title: string;
  body: string;
}

/** Who a Linear issue is assigned to: a person by email, the engineer running triage, or nobody. */
export type LinearAssignee = { kind: 'email'; email: string } | { kind: 'viewer' } | { kind: 'none' };

export interface Route {
  name: string;
  linear: { team: string; assignee: LinearAssignee; labels: string[] };
  github: { repo: string; labels: string[]; assignees: string[]; assignViewer: boolean };
  onCall: boolean;
  reasons: string[];
}

function normalize(value: string): string {
  return value.trim().toLowerCase();
}

function containsWord(haystack: string, word: string): boolean {
  const escaped = word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!escaped) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(haystack);
}

/** Every criterion the rule names must match (any of its values); a rule that names none never matches. */
export function ruleMatches(rule: RouteRule, input: RoutingInput): string | undefined {
  const { areas, labels, keywords, types } = rule.match;
  const why: string[] = [];
  if (!areas?.length && !labels?.length && !keywords?.length && !types?.length) return undefined;
  if (areas?.length) {
    const area = input.area ? normalize(input.area) : undefined;
    if (!area || !areas.some((a) => normalize(a) === area)) return undefined;
    why.push(`area ${input.area}`);
  }
  if (labels?.length) {
    const hit = labels.find((l) => input.labels.some((given) => normalize(given) === normalize(l)));
    if (!hit) return undefined;
    why.push(`label ${hit}`);
  }
  if (keywords?.length) {
    const text = `${input.title}\n${input.body}`;
    const hit = keywords.find((k) => containsWord(text, k));
    if (!hit) return undefined;
    why.push(`keyword "${hit}"`);
  }
  if (types?.length) {
    if (!types.includes(input.type)) return undefined;
    why.push(`type ${input.type}`);
  }
  return why.join(', ');
}

function unique(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = normalize(value);
    if (key && !seen.has(key)) seen.set(key, value.trim());
  }
  return [...seen.values()];
}

/**
 * Picks the team, people and labels. First matching rule wins; what it leaves out comes from the default route.
 * A quick fix goes to the engineer filing it (they open the PR now); otherwise Urgent goes to on-call.
 */
export function route(input: RoutingInput, decision: Pick<Decision, 'priority'>, config: RoutingConfig): Route {
  const reasons: string[] = [];
  let matched: RouteRule | undefined;
  for (const rule of config.routes) {
    const why = ruleMatches(rule, input);
    if (why !== undefined) {
      matched = rule;
      reasons.push(`Route "${rule.name}": matched ${why}`);
      break;
    }
  }
  if (!matched) reasons.push('Route "default": no rule matched');

  const base = config.default;
  const linearTeam = matched?.linear?.team ?? base.linear.team;
  const repo = matched?.github?.repo ?? base.github.repo;
  const routeAssignee = matched?.linear?.assignee ?? base.linear.assignee;

  let assignee: LinearAssignee = routeAssignee ? { kind: 'email', email: routeAssignee } : { kind: 'none' };
  let githubAssignees = [...(matched?.github?.assignees ?? base.github.assignees ?? [])];
  let assignViewer = false;
  const urgent = decision.priority === 'urgent';
  const onCall = urgent && Boolean(config.onCall?.linear || config.onCall?.github);

  if (input.type === 'quick-fix') {
    assignee = { kind: 'viewer' };
    assignViewer = true;
    reasons.push('Assigned to you: quick fixes are fixed by the engineer who files them');
  } else if (urgent && config.onCall?.linear) {
    assignee = { kind: 'email', email: config.onCall.linear };
    reasons.push(`Assigned to on-call${config.onCall.name ? ` (${config.onCall.name})` : ''}: Urgent issues need an immediate on-call response`);
  }
  if (urgent && config.onCall?.github) {
    githubAssignees = input.type === 'quick-fix' ? [...githubAssignees, config.onCall.github] : [config.onCall.github];
  }

  return {
    name: matched?.name ?? 'default',
    linear: {
      team: linearTeam,
      assignee,
      labels: unique([...(matched?.linear?.labels ?? base.linear.labels ?? []), ...input.labels]),
    },
    github: {
      repo,
      labels: unique([...(matched?.github?.labels ?? base.github.labels ?? []), ...input.labels]),
      assignees: unique(githubAssignees),
      assignViewer,
    },
    onCall,
    reasons,
  };
}
