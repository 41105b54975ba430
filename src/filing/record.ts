import type { FilingPlan } from '../core/filing-plan.js';

export type StepName = 'linearIssue' | 'githubIssue' | 'linearLink' | 'etaComment' | 'pylonPriority' | 'pylonLink' | 'pylonAttachment';

export const STEP_DESCRIPTIONS: Record<StepName, string> = {
  linearIssue: 'Linear issue',
  githubIssue: 'GitHub issue',
  linearLink: 'link from the Linear issue to the GitHub issue',
  etaComment: 'ETA comment on the GitHub issue',
  pylonPriority: "Pylon ticket's priority",
  pylonLink: 'link from the Pylon ticket to the new issues',
  pylonAttachment: 'link from the Linear issue to the Pylon ticket',
};

export interface LinearIssueResult {
  id: string;
  identifier: string;
  url: string;
  branchName: string;
  priority: number;
  state: string;
  assignee?: string;
}

export interface GitHubIssueResult {
  repo: string;
  number: number;
  url: string;
}

/**
 * A filing as the journal keeps it: the redacted plan, what each step produced, and which steps were
 * attempted (an attempted step with no result may have happened: look before doing it again).
 */
export interface FilingRecord {
  version: 1;
  id: string;
  plan: FilingPlan;
  status: 'in-progress' | 'complete' | 'failed';
  attempted: Partial<Record<StepName, boolean>>;
  results: {
    linearIssue?: LinearIssueResult;
    githubIssue?: GitHubIssueResult;
    linearLink?: { attachmentId: string };
    etaComment?: { id: number; url: string };
    pylonPriority?: { value: string };
    pylonLink?: { sources: string[] };
    pylonAttachment?: { attachmentId: string };
  };
  /** The last failure, as shown to the engineer (no tokens, no customer text). */
  lastError?: { step: StepName; message: string; at: string };
  updatedAt: string;
}

export function newRecord(plan: FilingPlan, now: string): FilingRecord {
  return { version: 1, id: plan.id, plan, status: 'in-progress', attempted: {}, results: {}, updatedAt: now };
}

/** The steps this plan needs, in order. */
export function plannedSteps(plan: FilingPlan): StepName[] {
  const steps: StepName[] = ['linearIssue'];
  if (plan.github) steps.push('githubIssue', 'linearLink');
  if (plan.github && plan.etaComment) steps.push('etaComment');
  if (plan.pylon) {
    if (plan.pylon.setPriorityTo) steps.push('pylonPriority');
    steps.push('pylonLink', 'pylonAttachment');
  }
  return steps;
}
