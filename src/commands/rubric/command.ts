import type { Context } from '../../context.js';
import { wrapWords } from '../../cli/text-wrap.js';
import { ConfigError } from '../../errors.js';
import { DEFAULT_RUBRIC, type Rubric } from '../../core/rubric.js';
import { describePriority, IMMEDIATE_PRIORITIES, LINEAR_PRIORITY, PRIORITIES, PRIORITY_LABEL } from '../../core/priority.js';
import { REQUEST_TYPE_INFO, REQUEST_TYPES } from '../../core/request-type.js';
import type { RubricFlags } from './register.js';

const STATUS_RULES = [
  'Urgent and High are Prioritized; Medium and Low go to the Backlog.',
  'A feature request always goes to the Backlog, whatever its priority.',
  'Urgent, High and Medium form the "immediate" list for the next sprint planning.',
  'A manual priority (--priority) always needs a reason (--reason), which goes in the ticket.',
];

/** The process as a new engineer should learn it; a missing config falls back to the defaults, with a note. */
export async function rubricCommand(ctx: Context, flags: RubricFlags): Promise<void> {
  ctx.useConfigPath(flags.config);
  let rubric: Rubric = DEFAULT_RUBRIC;
  let states = { prioritized: 'Todo', backlog: 'Backlog' };
  let source = 'built-in defaults';
  try {
    const config = await ctx.config();
    rubric = config.rubric;
    states = config.linear.states;
    source = config.source;
  } catch (error) {
    if (!(error instanceof ConfigError) || flags.config) throw error;
  }

  if (flags.json) {
    ctx.io.json({
      source,
      impacts: rubric.impacts.map((r) => ({ ...r, linearPriority: LINEAR_PRIORITY[r.priority] })),
      statuses: { prioritized: { priorities: ['urgent', 'high'], linearState: states.prioritized }, backlog: { priorities: ['medium', 'low'], linearState: states.backlog } },
      featuresAlwaysBacklog: true,
      immediate: IMMEDIATE_PRIORITIES,
      types: REQUEST_TYPES.map((t) => ({ value: t, ...REQUEST_TYPE_INFO[t] })),
    });
    return;
  }
  const { io } = ctx;
  const c = io.color;
  const width = Math.max(...rubric.impacts.map((r) => r.value.length));
  const columns = io.outProse;
  // The meaning wraps under itself, so the values stay a column one can scan.
  const entry = (value: string, text: string) => wrapWords(text, columns, ' '.repeat(width + 4), `  ${value.padEnd(width)}  `);
  const lines: string[] = [];
  for (const priority of PRIORITIES) {
    const rules = rubric.impacts.filter((r) => r.priority === priority);
    if (rules.length === 0) continue;
    const heading = `${describePriority(priority)} · Linear priority ${LINEAR_PRIORITY[priority]} · ${priority === 'urgent' || priority === 'high' ? `Prioritized (${states.prioritized})` : `Backlog (${states.backlog})`}`;
    lines.push(...wrapWords(heading, columns).map((l) => c.bold(l)));
    for (const rule of rules) lines.push(...entry(rule.value, rule.meaning));
    lines.push('');
  }
  lines.push(c.bold('Request types'));
  for (const type of REQUEST_TYPES) lines.push(...entry(type, `${REQUEST_TYPE_INFO[type].title}: ${REQUEST_TYPE_INFO[type].meaning}`));
  lines.push('', c.bold('Rules'));
  for (const rule of STATUS_RULES) lines.push(...wrapWords(rule, columns, '    ', '  • '));
  io.out(lines.join('\n'));
  io.info(c.dim(`Rubric from ${source}. ${PRIORITIES.map((p) => PRIORITY_LABEL[p]).join(' > ')}.`));
}
