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

/** Every team key the API key can see, for messages that list what is valid. */
export const TEAM_KEYS = `query triageTeamKeys {
  teams(first: 250) { nodes { key } }
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

/** Per issue of the immediate list: links and customer requests read with the issue itself. */
export const IMMEDIATE_ATTACHMENTS = 15;
export const IMMEDIATE_NEEDS = 10;

/** What a feature request is compared with: enough of each hit to score it and to append to it. */
const CANDIDATE_FIELDS = `
  id identifier title url description
  state { name type }
  labels(first: 20) { nodes { name } }
  project { name }
  attachments(first: 20) { nodes { url title } }
`;

/**
 * Linear's issue search (full text), narrowed by a filter: the check before a feature is filed. Search results
 * carry no connections, so their links are read by ISSUE_LINKS, for all hits at once.
 */
export const SEARCH_ISSUES = `query triageSearchIssues($term: String!, $filter: IssueFilter, $first: Int) {
  searchIssues(term: $term, filter: $filter, first: $first) { nodes { id identifier title url description state { name type } } }
}`;

export const ISSUE_LINKS = `query triageIssueLinks($ids: [ID!], $first: Int) {
  issues(filter: { id: { in: $ids } }, first: $first) { nodes { id labels(first: 20) { nodes { name } } project { name } attachments(first: 20) { nodes { url title } } } }
}`;

/**
 * The Linear issues linked to some GitHub issues (found by GitHub's search), in one request. Matched on the
 * path's end (`/acme/app/issues/17`), so a GitHub Enterprise or mirror host makes no difference.
 */
export const ISSUES_LINKED_TO = `query triageIssuesLinkedTo($filter: AttachmentFilter, $first: Int) {
  attachments(filter: $filter, first: $first) { nodes { url issue { ${CANDIDATE_FIELDS} } } }
}`;

/**
 * One issue by id or identifier with what appending to it and updating its customers need: state, links,
 * and the customers already asking (the ETA lives on GitHub).
 */
export const ISSUE_DETAILS = `query triageIssueDetails($filter: IssueFilter) {
  issues(filter: $filter, first: 1) {
    nodes {
      ${ISSUE_FIELDS}
      description createdAt
      attachments(first: 50) { nodes { id url title metadata } }
      needs(first: 50) { nodes { id customer { id name domains externalIds } } }
    }
  }
}`;

export const PROJECTS_BY_NAME = `query triageProjects($name: String!) {
  projects(filter: { name: { eqIgnoreCase: $name } }, first: 5) { nodes { id name } }
}`;

/** Customers that may be the one asking: by Pylon account id, by domain, or by name, in one request. */
export const CUSTOMERS_MATCHING = `query triageCustomers($filter: CustomerFilter) {
  customers(filter: $filter, first: 20) { nodes { id name domains externalIds } }
}`;

/** A filter, not `comment(id:)`: a comment that does not exist (yet) is an empty list rather than an error. */
export const COMMENT_BY_ID = `query triageComment($id: ID!) {
  comments(filter: { id: { eq: $id } }, first: 1) { nodes { id url } }
}`;

export const CUSTOMER_NEED_BY_ID = `query triageCustomerNeed($id: ID!) {
  customerNeeds(filter: { id: { eq: $id } }, first: 1) { nodes { id } }
}`;

/**
 * `triage immediate`: one page of open Urgent/High/Medium issues with everything the list shows, so the whole
 * list costs one request per hundred issues. Linear scores a query by its page sizes (a nested connection's
 * fields count once per item it may return) and refuses one above 10,000: a hundred issues with up to ten
 * customer requests and fifteen links each stays near 6,500. Issues with more requests are completed by
 * CUSTOMER_NEEDS_OF_ISSUES, a few hundred at a time.
 */
export const IMMEDIATE_PAGE = `query triageImmediate($filter: IssueFilter, $first: Int, $after: String) {
  issues(filter: $filter, first: $first, after: $after) {
    nodes {
      id identifier title url priority createdAt
      state { name type }
      team { key }
      attachments(first: ${IMMEDIATE_ATTACHMENTS}) { nodes { url } }
      needs(first: ${IMMEDIATE_NEEDS}) { nodes { customer { id } attachment { url } } pageInfo { hasNextPage } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The customer requests of many issues, a page (one request) at a time. */
export const CUSTOMER_NEEDS_OF_ISSUES = `query triageCustomerNeedsOf($ids: [ID!], $first: Int, $after: String) {
  customerNeeds(filter: { issue: { id: { in: $ids } } }, first: $first, after: $after) {
    nodes { issue { id } customer { id } attachment { url } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * `triage followups`: up to a hundred issues by id in one request, with what decides whether their customers are
 * owed an update (state, when it closed, priority) and their links (the Pylon attachments carry what the customer
 * was last told; the GitHub link carries the ETA).
 */
export const ISSUES_FOR_FOLLOWUPS = `query triageIssuesForFollowups($ids: [ID!], $first: Int) {
  issues(filter: { id: { in: $ids } }, first: $first, includeArchived: true) {
    nodes {
      id identifier url title priority completedAt canceledAt
      state { name type }
      team { key }
      assignee { email }
      attachments(first: 50) { nodes { id url title metadata createdAt } }
    }
  }
}`;
