import { PRIORITIES, LINEAR_PRIORITY, IMMEDIATE_PRIORITIES, describePriority, type Priority } from './priority.js';
import type { RequestType } from './request-type.js';

/** One row of the rubric: an impact the engineer can name, what it means, and the priority it earns. */
export interface ImpactRule {
  value: string;
  meaning: string;
  priority: Priority;
  /** How the wizard asks about it ("Is a core system down for the customer?"). */
  question?: string;
}

export type Status = 'prioritized' | 'backlog';

export interface Rubric {
  impacts: readonly ImpactRule[];
}

/** The team's support process, as written. A team may replace it in config. */
export const DEFAULT_RUBRIC: Rubric = {
  impacts: [
    { value: 'outage', meaning: 'critical system outage', priority: 'urgent', question: 'Is a system down (an outage)?' },
    { value: 'security', meaning: 'security vulnerability', priority: 'urgent', question: 'Is it a security vulnerability?' },
    {
      value: 'widespread-breakage',
      meaning: 'major functionality broken for several customers',
      priority: 'urgent',
      question: 'Is major functionality broken for several customers?',
    },
    { value: 'core-broken', meaning: 'core functionality issue', priority: 'high', question: 'Is core functionality not working?' },
    {
      value: 'ops-essential',
      meaning: "feature essential for the customer's operations",
      priority: 'high',
      question: "Is it a feature essential to the customer's operations?",
    },
    {
      value: 'significant-bug',
      meaning: 'significant customer-impacting bug',
      priority: 'high',
      question: 'Is it a significant bug that affects the customer?',
    },
    {
      value: 'workflow-blocker',
      meaning: 'enhancement blocking a specific workflow',
      priority: 'medium',
      question: 'Is an enhancement needed to unblock a specific workflow?',
    },
    { value: 'performance', meaning: 'performance improvement', priority: 'medium', question: 'Is it about performance?' },
    { value: 'usability', meaning: 'UX improvement affecting usability', priority: 'medium', question: 'Is usability affected?' },
    { value: 'minor', meaning: 'minor enhancement', priority: 'low', question: 'Is it a minor enhancement?' },
    { value: 'polish', meaning: 'UI polish', priority: 'low', question: 'Is it UI polish?' },
    { value: 'nice-to-have', meaning: 'nice-to-have feature', priority: 'low', question: 'Is it a nice-to-have?' },
  ],
};

export interface DecisionInput {
  type: RequestType;
  /** An impact value from the rubric; optional only when a manual priority is given. */
  impact?: string;
  /** A manual priority, which must come with a reason. */
  override?: { priority: Priority; reason: string };
}

export interface Decision {
  priority: Priority;
  /** Linear's number for it: Urgent 1, High 2, Medium 3, Low 4. */
  linearPriority: 1 | 2 | 3 | 4;
  status: Status;
  /** Whether it belongs on the next sprint planning's "immediate" list. */
  immediate: boolean;
  source: 'rubric' | 'manual';
  impact?: ImpactRule;
  /** One sentence per decision made, for the ticket and for the engineer. */
  reasons: string[];
}

export type DecisionError =
  | { kind: 'unknown-impact'; value: string; valid: string[] }
  | { kind: 'missing-impact' }
  | { kind: 'override-without-reason' };

/**
 * Applies the rubric. Pure: the same input always gives the same decision, and every choice is explained.
 * Status: Urgent and High are Prioritized, Medium and Low are Backlog, and a feature is always Backlog.
 */
export function decide(input: DecisionInput, rubric: Rubric = DEFAULT_RUBRIC): { ok: true; decision: Decision } | { ok: false; error: DecisionError } {
  let impact: ImpactRule | undefined;
  if (input.impact !== undefined) {
    impact = rubric.impacts.find((rule) => rule.value === input.impact);
    if (!impact) return { ok: false, error: { kind: 'unknown-impact', value: input.impact, valid: rubric.impacts.map((r) => r.value) } };
  }
  if (input.override && !input.override.reason.trim()) return { ok: false, error: { kind: 'override-without-reason' } };
  if (!impact && !input.override) return { ok: false, error: { kind: 'missing-impact' } };

  const reasons: string[] = [];
  let priority: Priority;
  let source: Decision['source'];
  if (input.override) {
    priority = input.override.priority;
    source = 'manual';
    const fromRubric = impact ? ` (the rubric gives ${describePriority(impact.priority)} for ${impact.meaning})` : '';
    reasons.push(`${describePriority(priority)}: set by hand${fromRubric}. Reason: ${input.override.reason.trim()}`);
  } else {
    priority = impact!.priority;
    source = 'rubric';
    reasons.push(`${describePriority(priority)}: ${impact!.meaning}`);
  }

  let status: Status;
  if (input.type === 'feature') {
    status = 'backlog';
    reasons.push('Backlog: feature requests always go to the Backlog');
  } else if (priority === 'urgent' || priority === 'high') {
    status = 'prioritized';
    reasons.push(`Prioritized: ${priority === 'urgent' ? 'Urgent' : 'High'} issues are prioritized`);
  } else {
    status = 'backlog';
    reasons.push(`Backlog: ${priority === 'medium' ? 'Medium' : 'Low'} issues go to the Backlog`);
  }

  const decision: Decision = {
    priority,
    linearPriority: LINEAR_PRIORITY[priority],
    status,
    immediate: IMMEDIATE_PRIORITIES.includes(priority),
    source,
    reasons,
  };
  if (impact) decision.impact = impact;
  return { ok: true, decision };
}

/** Impact rules grouped by the priority they earn, highest first: the order the wizard asks in. */
export function impactsByPriority(rubric: Rubric): Array<{ priority: Priority; rules: ImpactRule[] }> {
  return PRIORITIES.map((priority) => ({ priority, rules: rubric.impacts.filter((r) => r.priority === priority) })).filter(
    (group) => group.rules.length > 0,
  );
}
