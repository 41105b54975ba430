import { ConfigError, UsageError } from '../errors.js';
import type { FilingPlan } from '../core/filing-plan.js';
import type { LinearGateway } from '../services/linear/gateway.js';
import { allSettledOrThrow } from '../services/http/settle.js';

export interface ResolvedLinear {
  teamId: string;
  stateId: string;
  stateName: string;
  labelIds: string[];
  assigneeId?: string;
  assigneeEmail?: string;
  /** The roadmap project of a feature request. */
  projectId?: string;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Turns names from config and flags into Linear ids, before anything is written: an unknown team, state,
 * label, person or project stops the filing with nothing created. Four requests at most (team with states and
 * labels, users and the feature project in parallel, then workspace labels).
 */
export async function resolveLinear(linear: LinearGateway, plan: FilingPlan): Promise<ResolvedLinear> {
  const { team: teamKey, state, labels, assignee, project } = plan.linear;
  const [team, viewer, users, projects] = await allSettledOrThrow([
    linear.team(teamKey),
    assignee.kind === 'viewer' ? linear.viewer() : Promise.resolve(undefined),
    assignee.kind === 'email' ? linear.usersByEmail([assignee.email]) : Promise.resolve([]),
    project ? linear.projectsNamed(project) : Promise.resolve([]),
  ]);
  if (!team) {
    throw new ConfigError(`Linear team "${teamKey}" does not exist or this API key cannot see it`, {
      hint: 'Check routing.default.linear.team (and route teams) in your config; `triage doctor` lists what it can see.',
    });
  }
  const stateMatch = team.states.find((s) => sameName(s.name, state));
  if (!stateMatch) {
    throw new ConfigError(`Linear team ${team.key} has no workflow state "${state}" (it has: ${team.states.map((s) => s.name).join(', ')})`, {
      hint: 'Set linear.states.prioritized and linear.states.backlog in your config to state names of that team.',
    });
  }
  const missing = labels.filter((name) => !team.labels.some((l) => sameName(l.name, name)));
  const workspace = await linear.workspaceLabels(missing);
  const labelIds: string[] = [];
  const unknown: string[] = [];
  for (const name of labels) {
    const label = team.labels.find((l) => sameName(l.name, name)) ?? workspace.find((l) => sameName(l.name, name));
    if (label) labelIds.push(label.id);
    else unknown.push(name);
  }
  if (unknown.length) {
    throw new UsageError(`Linear has no label ${unknown.map((n) => `"${n}"`).join(', ')} in team ${team.key} or the workspace`, {
      hint: 'Create the label in Linear, or fix --label / the route labels in your config.',
    });
  }
  const resolved: ResolvedLinear = { teamId: team.id, stateId: stateMatch.id, stateName: stateMatch.name, labelIds };
  if (project) {
    const match = projects.find((p) => sameName(p.name, project));
    if (!match) {
      throw new ConfigError(`Linear has no project "${project}" for feature requests (linear.featureProject)`, {
        hint: 'Create the project in Linear, or fix linear.featureProject in your config.',
      });
    }
    resolved.projectId = match.id;
  }
  if (assignee.kind === 'viewer' && viewer) {
    resolved.assigneeId = viewer.id;
    resolved.assigneeEmail = viewer.email;
  } else if (assignee.kind === 'email') {
    const user = users.find((u) => sameName(u.email, assignee.email));
    if (!user) {
      throw new ConfigError(`No Linear user with email ${assignee.email}`, {
        hint: 'Fix the assignee (or routing.onCall.linear) in your config.',
      });
    }
    resolved.assigneeId = user.id;
    resolved.assigneeEmail = user.email;
  }
  return resolved;
}
