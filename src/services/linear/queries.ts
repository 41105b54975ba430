/**
 * Hand-written GraphQL documents for reads: each selects only what triage uses and batches what it can
 * (a team with its states and labels in one request; users by many emails at once). Mutations go through
 * the SDK's own documents.
 */

const ISSUE_FIELDS = `
  id identifier url title branchName priority
  state { name type }
  team { key }
  assignee { email name }
`;

export const VIEWER = `query triageViewer { viewer { id name email displayName } }`;

export const TEAM_BY_KEY = `query triageTeam($key: String!) {
  teams(filter: { key: { eq: $key } }, first: 1) {
    nodes {
      id key name
      states(first: 100) { nodes { id name type } }
      labels(first: 250) { nodes { id name } }
    }
  }
}`;

/** Workspace-wide labels (no team) can be used on any team's issue. */
export const WORKSPACE_LABELS = `query triageWorkspaceLabels($names: [String!]) {
  issueLabels(filter: { name: { in: $names }, team: { null: true } }, first: 250) { nodes { id name } }
}`;

export const USERS_BY_EMAIL = `query triageUsers($emails: [String!]) {
  users(filter: { email: { in: $emails } }, first: 250) { nodes { id name email displayName } }
}`;

/** A filter instead of `issue(id:)`: a missing issue is an empty list rather than an error. */
export const ISSUE_BY_ID = `query triageIssueById($id: ID!) {
  issues(filter: { id: { eq: $id } }, first: 1, includeArchived: true) { nodes { ${ISSUE_FIELDS} } }
}`;

export const ISSUE_ATTACHMENTS = `query triageIssueAttachments($id: String!) {
  issue(id: $id) { attachments(first: 250) { nodes { id url title metadata } } }
}`;

/**
 * `triage sync`: many issues by id in one request (up to 250), each with only the attachments whose URL is one
 * of the given Pylon ticket links (where the priority both sides last agreed on is kept), however many other
 * attachments an issue has.
 */
export const ISSUES_FOR_SYNC = `query triageIssuesForSync($ids: [ID!], $first: Int, $links: [String!]) {
  issues(filter: { id: { in: $ids } }, first: $first, includeArchived: true) {
    nodes { id identifier url priority attachments(filter: { url: { in: $links } }, first: 10) { nodes { id url title metadata } } }
  }
}`;
