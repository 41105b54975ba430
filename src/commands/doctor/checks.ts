import type { Context } from '../../context.js';
import type { TriageConfig } from '../../config/config.js';
import { AuthError, TriageError } from '../../errors.js';
import { hasToken, tokenVariables } from '../../services/credentials.js';
import { parseRepo } from '../../services/github/types.js';

export interface Check {
  name: string;
  ok: boolean;
  /** What was found (never a token). */
  detail: string;
  /** How to fix it, when it failed. */
  fix?: string;
  /** A check that could not run because an earlier one failed. */
  skipped?: boolean;
}

function failure(name: string, error: unknown, fix: string): Check {
  const detail = error instanceof TriageError ? error.message : 'unexpected error';
  return { name, ok: false, detail, fix: error instanceof TriageError && error.hint ? error.hint : fix };
}

function teamsOf(config: TriageConfig): string[] {
  return [...new Set([config.routing.default.linear.team, ...config.routing.routes.map((r) => r.linear?.team).filter((t): t is string => Boolean(t))])];
}

function reposOf(config: TriageConfig): string[] {
  return [...new Set([config.routing.default.github.repo, ...config.routing.routes.map((r) => r.github?.repo).filter((r): r is string => Boolean(r))])];
}

/** Labels each team must have: the default route's and those of routes to that team. */
function labelsByTeam(config: TriageConfig): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (team: string, labels: string[] | undefined) => {
    const set = map.get(team) ?? new Set<string>();
    for (const l of labels ?? []) set.add(l);
    map.set(team, set);
  };
  const base = config.routing.default.linear;
  add(base.team, base.labels);
  for (const route of config.routing.routes) add(route.linear?.team ?? base.team, route.linear?.labels ?? base.labels);
  return map;
}

function peopleOf(config: TriageConfig): string[] {
  const emails = [config.routing.default.linear.assignee, config.routing.onCall?.linear, ...config.routing.routes.map((r) => r.linear?.assignee)];
  return [...new Set(emails.filter((e): e is string => Boolean(e)))];
}

export async function linearChecks(ctx: Context, config: TriageConfig): Promise<Check[]> {
  if (!hasToken(ctx.env, 'linear')) {
    return [{ name: 'Linear token', ok: false, detail: 'LINEAR_API_KEY is not set', fix: 'Create a personal API key in Linear (Settings → Security & access) and export LINEAR_API_KEY.' }];
  }
  const checks: Check[] = [{ name: 'Linear token', ok: true, detail: 'LINEAR_API_KEY is set' }];
  let linear;
  try {
    linear = await ctx.linear();
    const viewer = await linear.viewer();
    checks.push({ name: 'Linear token accepted', ok: true, detail: `authenticated as ${viewer.name} <${viewer.email}>` });
  } catch (error) {
    checks.push(failure('Linear token accepted', error, 'Check LINEAR_API_KEY (and LINEAR_API_URL if set).'));
    return checks;
  }
  const labels = labelsByTeam(config);
  for (const key of teamsOf(config)) {
    try {
      const team = await linear.team(key);
      if (!team) {
        checks.push({ name: `Linear team ${key}`, ok: false, detail: 'not found, or this key cannot see it', fix: 'Fix the team key in routing (a team key looks like "SUP").' });
        continue;
      }
      checks.push({ name: `Linear team ${key}`, ok: true, detail: team.name });
      const states = [config.linear.states.prioritized, config.linear.states.backlog];
      const missingStates = states.filter((s) => !team.states.some((t) => t.name.toLowerCase() === s.toLowerCase()));
      checks.push(
        missingStates.length
          ? { name: `Linear states in ${key}`, ok: false, detail: `missing ${missingStates.map((s) => `"${s}"`).join(', ')} (team has ${team.states.map((s) => s.name).join(', ')})`, fix: 'Set linear.states.prioritized / linear.states.backlog to states of that team.' }
          : { name: `Linear states in ${key}`, ok: true, detail: states.join(', ') },
      );
      const wanted = [...(labels.get(key) ?? [])];
      if (wanted.length) {
        const teamLabels = new Set(team.labels.map((l) => l.name.toLowerCase()));
        const rest = wanted.filter((l) => !teamLabels.has(l.toLowerCase()));
        const workspace = new Set((await linear.workspaceLabels(rest)).map((l) => l.name.toLowerCase()));
        const missing = rest.filter((l) => !workspace.has(l.toLowerCase()));
        checks.push(
          missing.length
            ? { name: `Linear labels in ${key}`, ok: false, detail: `missing ${missing.map((l) => `"${l}"`).join(', ')}`, fix: 'Create the labels in Linear or remove them from the routing config.' }
            : { name: `Linear labels in ${key}`, ok: true, detail: wanted.join(', ') },
        );
      }
    } catch (error) {
      checks.push(failure(`Linear team ${key}`, error, 'Check the team key and that the API key can read it.'));
    }
  }
  checks.push(...(await roadmapChecks(linear, config)));
  const people = peopleOf(config);
  if (people.length) {
    try {
      const users = await linear.usersByEmail(people);
      const found = new Set(users.map((u) => u.email.toLowerCase()));
      const missing = people.filter((p) => !found.has(p.toLowerCase()));
      checks.push(
        missing.length
          ? { name: 'Linear people', ok: false, detail: `no Linear user for ${missing.join(', ')}`, fix: 'Fix the assignee / on-call emails in routing.' }
          : { name: 'Linear people', ok: true, detail: people.join(', ') },
      );
    } catch (error) {
      checks.push(failure('Linear people', error, 'Check the assignee emails.'));
    }
  }
  return checks;
}

export async function githubChecks(ctx: Context, config: TriageConfig): Promise<Check[]> {
  if (!hasToken(ctx.env, 'github')) {
    return [{ name: 'GitHub token', ok: false, detail: `${tokenVariables('github').join(' or ')} is not set`, fix: 'Create a token that can write issues and export GITHUB_TOKEN.' }];
  }
  const checks: Check[] = [{ name: 'GitHub token', ok: true, detail: `${tokenVariables('github').find((v) => ctx.env[v]?.trim())} is set` }];
  let github;
  try {
    github = await ctx.github();
    checks.push({ name: 'GitHub token accepted', ok: true, detail: `authenticated as ${await github.viewer()}` });
  } catch (error) {
    checks.push(failure('GitHub token accepted', error, 'Check GITHUB_TOKEN (and GITHUB_API_URL if set).'));
    return checks;
  }
  for (const repo of reposOf(config)) {
    try {
      const info = await github.repo(parseRepo(repo));
      if (!info.hasIssues) checks.push({ name: `GitHub repo ${repo}`, ok: false, detail: 'issues are turned off', fix: 'Turn issues on in the repository settings, or route elsewhere.' });
      else if (!info.canPush) checks.push({ name: `GitHub repo ${repo}`, ok: false, detail: 'the token cannot set labels and assignees here (needs write access)', fix: 'Give the token "Issues: read and write" on this repository.' });
      else checks.push({ name: `GitHub repo ${repo}`, ok: true, detail: `${info.private ? 'private' : 'public'}, issues can be created` });
    } catch (error) {
      const fix = error instanceof AuthError ? 'Check GITHUB_TOKEN.' : 'Check the repo name in routing and that the token can see it.';
      checks.push(failure(`GitHub repo ${repo}`, error, fix));
    }
  }
  return checks;
}

export async function pylonChecks(ctx: Context, config: TriageConfig): Promise<Check[]> {
  if (!hasToken(ctx.env, 'pylon')) {
    return [{ name: 'Pylon token', ok: false, detail: 'PYLON_API_TOKEN is not set (needed for --pylon and triage sync)', fix: 'Create an API token in Pylon (Settings → API tokens, admin only) and export PYLON_API_TOKEN.' }];
  }
  const checks: Check[] = [{ name: 'Pylon token', ok: true, detail: 'PYLON_API_TOKEN is set' }];
  let pylon;
  try {
    pylon = await ctx.pylon();
    const me = await pylon.me();
    checks.push({ name: 'Pylon token accepted', ok: true, detail: `authenticated to ${me.name}` });
  } catch (error) {
    checks.push(failure('Pylon token accepted', error, 'Check PYLON_API_TOKEN (and PYLON_API_URL or pylon.region for EU tenants).'));
    return checks;
  }
  const field = config.pylon.priorityField;
  try {
    await pylon.priorityField(field);
    checks.push({ name: 'Pylon priority field', ok: true, detail: `"${field.slug}" has ${Object.values(field.values).join(', ')}` });
  } catch (error) {
    checks.push(failure('Pylon priority field', error, 'Fix pylon.priorityField in the config.'));
  }
  return checks;
}

/** Where new feature requests go on the roadmap: the configured project and label must exist. */
async function roadmapChecks(linear: Awaited<ReturnType<Context['linear']>>, config: TriageConfig): Promise<Check[]> {
  const checks: Check[] = [];
  const { featureProject, featureLabel } = config.linear;
  if (featureProject) {
    try {
      const found = await linear.projectsNamed(featureProject);
      checks.push(
        found.length
          ? { name: 'Linear feature project', ok: true, detail: featureProject }
          : { name: 'Linear feature project', ok: false, detail: `no project "${featureProject}"`, fix: 'Create it in Linear or fix linear.featureProject.' },
      );
    } catch (error) {
      checks.push(failure('Linear feature project', error, 'Check linear.featureProject.'));
    }
  }
  if (featureLabel) {
    try {
      const team = await linear.team(config.routing.default.linear.team);
      const inTeam = team?.labels.some((l) => l.name.toLowerCase() === featureLabel.toLowerCase());
      const inWorkspace = inTeam || (await linear.workspaceLabels([featureLabel])).length > 0;
      checks.push(
        inWorkspace
          ? { name: 'Linear feature label', ok: true, detail: featureLabel }
          : { name: 'Linear feature label', ok: false, detail: `no label "${featureLabel}"`, fix: 'Create it in Linear or fix linear.featureLabel.' },
      );
    } catch (error) {
      checks.push(failure('Linear feature label', error, 'Check linear.featureLabel.'));
    }
  }
  return checks;
}

/**
 * The paging targets of `oncall.page`, checked without paging anyone: PagerDuty's Events API has no read-only
 * call, so its integration key's format is checked; a Slack bot token must pass auth.test and read the channel;
 * a webhook is sent an empty message, which a live webhook refuses (`no_text`) and a removed one does not know.
 */
export async function pagingChecks(ctx: Context, config: TriageConfig): Promise<Check[]> {
  const checks: Check[] = [];
  for (const target of config.oncall.page) {
    if (target.type === 'pagerduty') {
      if (!hasToken(ctx.env, 'pagerduty')) {
        checks.push({ name: 'PagerDuty routing key', ok: false, detail: 'PAGERDUTY_ROUTING_KEY is not set (Urgent filings page through it)', fix: 'Add an Events API v2 integration to the on-call service and export PAGERDUTY_ROUTING_KEY (its integration key).' });
        continue;
      }
      const { routingKeyProblem } = await import('../../services/pagerduty/gateway.js');
      const problem = routingKeyProblem(ctx.env.PAGERDUTY_ROUTING_KEY!.trim());
      checks.push(
        problem
          ? { name: 'PagerDuty routing key', ok: false, detail: `PAGERDUTY_ROUTING_KEY ${problem}`, fix: 'Use the "Integration Key" of the service\'s Events API v2 integration.' }
          : { name: 'PagerDuty routing key', ok: true, detail: 'PAGERDUTY_ROUTING_KEY is set and shaped like an Events API v2 integration key (no page sent)' },
      );
    } else if (target.channel) {
      if (!hasToken(ctx.env, 'slack')) {
        checks.push({ name: 'Slack bot token', ok: false, detail: `SLACK_BOT_TOKEN is not set (Urgent filings post to ${target.channel} with it)`, fix: 'Install a Slack app with chat:write and channels:history in the channel and export SLACK_BOT_TOKEN.' });
        continue;
      }
      try {
        const slack = await ctx.slack();
        const who = await slack.authTest();
        checks.push({ name: 'Slack bot token accepted', ok: true, detail: `authenticated as ${who.user} in ${who.team}` });
        await slack.history(target.channel, Math.floor(ctx.now().getTime() / 1000) - 60);
        checks.push({ name: `Slack channel ${target.channel}`, ok: true, detail: 'the bot can read it (and so find its own page on a resume)' });
      } catch (error) {
        checks.push(failure(`Slack ${checks.some((c) => c.name === 'Slack bot token accepted') ? `channel ${target.channel}` : 'bot token accepted'}`, error, 'Check SLACK_BOT_TOKEN and that the bot is in the channel.'));
      }
    } else {
      if (!(await ctx.serviceEnv()).SLACK_WEBHOOK_URL?.trim()) {
        checks.push({ name: 'Slack webhook', ok: false, detail: 'SLACK_WEBHOOK_URL is not set (Urgent filings post through it)', fix: 'Create an incoming webhook for the on-call channel and export SLACK_WEBHOOK_URL.' });
        continue;
      }
      try {
        await (await ctx.slackWebhook()).check();
        checks.push({ name: 'Slack webhook', ok: true, detail: 'SLACK_WEBHOOK_URL answers (nothing posted)' });
      } catch (error) {
        checks.push(failure('Slack webhook', error, 'Create a new incoming webhook and export SLACK_WEBHOOK_URL.'));
      }
    }
  }
  return checks;
}
