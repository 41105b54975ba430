/** What triage reads and writes in Linear, in its own terms (not the SDK's models). */

export interface LinearUser {
  id: string;
  name: string;
  email: string;
  displayName?: string;
}

export interface LinearWorkflowState {
  id: string;
  name: string;
  type: string;
}

export interface LinearLabel {
  id: string;
  name: string;
}

export interface LinearTeam {
  id: string;
  key: string;
  name: string;
  states: LinearWorkflowState[];
  labels: LinearLabel[];
}

export interface LinearIssue {
  id: string;
  identifier: string;
  url: string;
  title: string;
  branchName: string;
  priority: number;
  state: { name: string; type: string };
  team: { key: string };
  assignee: { email: string; name: string } | null;
}

export interface LinearAttachment {
  id: string;
  url: string;
  title: string;
  metadata?: Record<string, unknown> | null;
  createdAt?: string;
}

export interface CreateLinearIssueInput {
  /** Client-supplied id: retrying a create with the same id can never make a second issue. */
  id: string;
  teamId: string;
  title: string;
  description: string;
  priority: number;
  stateId: string;
  assigneeId?: string;
  labelIds: string[];
  /** The roadmap project of a feature request (`linear.featureProject`). */
  projectId?: string;
}

/** An issue as `triage sync` reads it: its priority and its attachments (with their metadata). */
export interface LinearSyncIssue {
  id: string;
  identifier: string;
  url: string;
  /** 0 = no priority, 1 = urgent ... 4 = low. */
  priority: number;
  attachments: LinearAttachment[];
}

/** A search hit or a linked issue, as the feature-request check reads it. */
export interface LinearCandidateIssue {
  id: string;
  identifier: string;
  title: string;
  url: string;
  description: string;
  state: { name: string; type: string };
  attachments: Array<{ url: string; title: string }>;
  labels: string[];
  project: string | null;
}

export interface LinearCustomer {
  id: string;
  name: string;
  domains: string[];
  externalIds: string[];
}

/** An issue with its links and the customers asking for it: what appending and `triage update` read. */
export interface LinearIssueDetails extends LinearIssue {
  description: string;
  createdAt: string;
  attachments: LinearAttachment[];
  needs: Array<{ id: string; customer: LinearCustomer | null }>;
}

export interface LinearProject {
  id: string;
  name: string;
}

/** A row of `triage immediate`, as one page of the list query returns it. */
export interface LinearImmediateIssue {
  id: string;
  identifier: string;
  title: string;
  url: string;
  priority: number;
  createdAt: string;
  state: { name: string; type: string };
  team: { key: string };
  attachments: Array<{ url: string }>;
  needs: Array<{ customerId: string | null; attachmentUrl: string | null }>;
  /** More customer requests than the page read: completed with `customerNeedsOf`. */
  moreNeeds: boolean;
  /** As many links as the page reads: there may be more. */
  moreLinks: boolean;
}

/** An issue as `triage followups` reads it. */
export interface LinearFollowupIssue {
  id: string;
  identifier: string;
  url: string;
  title: string;
  priority: number;
  completedAt: string | null;
  canceledAt: string | null;
  state: { name: string; type: string };
  team: { key: string };
  assignee: { email: string } | null;
  attachments: LinearAttachment[];
}
