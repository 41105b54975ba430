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
