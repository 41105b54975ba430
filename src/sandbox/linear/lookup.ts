import type { LinearRequestContext } from './context.js';
import { entityNotFound } from './errors.js';
import type { LinearIssue, LinearState, LinearTeam } from './state.js';

const IDENTIFIER = /^([A-Za-z0-9]+)-(\d+)$/;

export function byId<T extends { id: string }>(items: readonly T[], id: string | null | undefined): T | undefined {
  if (id === null || id === undefined) return undefined;
  return items.find((item) => item.id === id);
}

/** Finds by id or fails the way Linear does (`Entity not found: <Entity>`). */
export function requireById<T extends { id: string }>(items: readonly T[], id: string | null | undefined, entity: string): T {
  const found = byId(items, id);
  if (!found) throw entityNotFound(entity);
  return found;
}

/** `team(id:)` and friends accept the team's key as well as its id. */
export function findTeam(state: LinearState, idOrKey: string): LinearTeam | undefined {
  return byId(state.teams, idOrKey) ?? state.teams.find((t) => t.key.toUpperCase() === idOrKey.toUpperCase());
}

export function requireTeam(state: LinearState, idOrKey: string): LinearTeam {
  const team = findTeam(state, idOrKey);
  if (!team) throw entityNotFound('Team');
  return team;
}

/** Issues are addressed by UUID or by identifier (`SUP-12`, any case). */
export function findIssue(state: LinearState, idOrIdentifier: string): LinearIssue | undefined {
  const direct = byId(state.issues, idOrIdentifier);
  if (direct) return direct;
  const match = IDENTIFIER.exec(idOrIdentifier);
  if (!match) return undefined;
  const team = state.teams.find((t) => t.key.toUpperCase() === match[1]?.toUpperCase());
  if (!team) return undefined;
  const number = Number(match[2]);
  return state.issues.find((i) => i.teamId === team.id && i.number === number);
}

export function requireIssue(state: LinearState, idOrIdentifier: string): LinearIssue {
  const issue = findIssue(state, idOrIdentifier);
  if (!issue) throw entityNotFound('Issue');
  return issue;
}

export function teamOf(ctx: LinearRequestContext, issue: Pick<LinearIssue, 'teamId'>): LinearTeam {
  return requireById(ctx.state.teams, issue.teamId, 'Team');
}
