import type { Context } from '../../context.js';
import type { TriageConfig } from '../../config/config.js';
import { IMMEDIATE_LINEAR_PRIORITIES, immediateRows, type ImmediateIssueInput, type ImmediateRow } from '../../core/immediate.js';
import type { ImmediateOptions } from './options.js';
import { UsageError } from '../../errors.js';

/** A `--team` Linear does not know is a typo, not an empty list: name the teams there are. */
async function checkTeams(asked: string[], known: string[]): Promise<void> {
  const unknown = asked.filter((t) => !known.some((k) => k.toUpperCase() === t));
  if (!unknown.length) return;
  const list = known.length ? known.join(', ') : 'none (the API key sees no team)';
  throw new UsageError(`Unknown --team ${unknown.join(', ')}: Linear has no team with ${unknown.length === 1 ? 'that key' : 'those keys'}. Known teams: ${list}`, {
    hint: 'Pass a team key as Linear shows it (e.g. SUP), or leave --team out for every team the config routes to.',
  });
}

export interface ImmediateResult {
  teams: string[];
  generatedAt: Date;
  rows: ImmediateRow[];
  /** Pages of issues read: one request per hundred issues. */
  pages: number;
}

/** The teams triage files into: the default route's and every route's. */
export function configuredTeams(config: TriageConfig): string[] {
  const teams = [config.routing.default.linear.team, ...config.routing.routes.map((r) => r.linear?.team)].filter((t): t is string => Boolean(t));
  return [...new Set(teams.map((t) => t.toUpperCase()))];
}

/** Reads every page (one request per hundred issues, nothing per issue), then orders the list. */
export async function runImmediate(ctx: Context, options: ImmediateOptions): Promise<ImmediateResult> {
  ctx.useConfigPath(options.configPath);
  const config = await ctx.config();
  const teams = options.teams.length ? options.teams : configuredTeams(config);
  const linear = await ctx.linear();
  if (options.teams.length) await checkTeams(options.teams, await linear.teamKeys());
  const issues: ImmediateIssueInput[] = [];
  let pages = 0;
  const overflowing: string[] = [];
  for await (const page of linear.immediatePages({ teamKeys: teams, priorities: [...IMMEDIATE_LINEAR_PRIORITIES] })) {
    pages += 1;
    for (const issue of page) {
      issues.push(issue);
      if (issue.moreNeeds) overflowing.push(issue.id);
    }
    if (pages > 1) ctx.io.progress(`read ${issues.length} issues`);
  }
  // The few issues with many customer requests: all their requests, in bulk, so the count is exact.
  if (overflowing.length) {
    const needs = await linear.customerNeedsOf(overflowing);
    for (const issue of issues) if (needs.has(issue.id)) issue.needs = needs.get(issue.id)!;
  }
  const generatedAt = ctx.now();
  return { teams, generatedAt, rows: immediateRows(issues, generatedAt), pages };
}
