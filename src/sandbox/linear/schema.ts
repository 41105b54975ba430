import { buildSchema, GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type GraphQLSchema, type ValueNode } from 'graphql';
import { isUuid } from './ids.js';

/**
 * The slice of Linear's public GraphQL schema the emulator serves.
 *
 * Type, field, argument, input and enum names are copied from Linear's published schema (SDK 88.3). Output types
 * carry every field that @linear/sdk 98's generated documents select for the operations we emulate, so the real
 * SDK's queries and mutations validate here; a few of those fields are newer than that schema and are marked
 * `# SDK 98`. Input types (filters, sorts, create/update inputs) carry only what the emulator implements: a field
 * it would silently ignore is better rejected by validation than accepted and dropped.
 */
export const linearSchemaSdl = /* GraphQL */ `
scalar DateTime
scalar DateTimeOrDuration
scalar JSON
scalar JSONObject
scalar TimelessDate
scalar UUID

type Query {
  viewer: User!
  organization: Organization!
  teams(after: String, before: String, filter: TeamFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): TeamConnection!
  team(id: String!): Team!
  workflowStates(after: String, before: String, filter: WorkflowStateFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): WorkflowStateConnection!
  workflowState(id: String!): WorkflowState!
  issueLabels(after: String, before: String, filter: IssueLabelFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): IssueLabelConnection!
  issueLabel(id: String!): IssueLabel!
  users(after: String, before: String, filter: UserFilter, first: Int, includeArchived: Boolean, includeDisabled: Boolean, last: Int, orderBy: PaginationOrderBy, sort: [UserSortInput!]): UserConnection!
  user(id: String!): User!
  projects(after: String, before: String, filter: ProjectFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): ProjectConnection!
  project(id: String!): Project!
  issue(id: String!): Issue!
  issues(after: String, before: String, filter: IssueFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy, sort: [IssueSortInput!]): IssueConnection!
  searchIssues(after: String, before: String, filter: IssueFilter, first: Int, includeArchived: Boolean, includeComments: Boolean, last: Int, orderBy: PaginationOrderBy, teamId: String, term: String!): IssueSearchPayload!
  issueSearch(after: String, before: String, filter: IssueFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy, query: String): IssueConnection! @deprecated(reason: "Use \`searchIssues\` instead.")
  attachment(id: String!): Attachment!
  attachments(after: String, before: String, filter: AttachmentFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): AttachmentConnection!
  attachmentsForURL(after: String, before: String, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy, url: String!): AttachmentConnection!
  comment(hash: String, id: String): Comment!
  comments(after: String, before: String, filter: CommentFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): CommentConnection!
  customer(id: String!): Customer!
  customers(after: String, before: String, filter: CustomerFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy, sorts: [CustomerSortInput!]): CustomerConnection!
  customerNeed(hash: String, id: String): CustomerNeed!
  customerNeeds(after: String, before: String, filter: CustomerNeedFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): CustomerNeedConnection!
  rateLimitStatus: RateLimitPayload!
}

type Mutation {
  issueCreate(input: IssueCreateInput!): IssuePayload!
  issueUpdate(id: String!, input: IssueUpdateInput!): IssuePayload!
  attachmentCreate(input: AttachmentCreateInput!): AttachmentPayload!
  attachmentUpdate(id: String!, input: AttachmentUpdateInput!): AttachmentPayload!
  commentCreate(input: CommentCreateInput!): CommentPayload!
  customerUpsert(input: CustomerUpsertInput!): CustomerPayload!
  customerNeedCreate(input: CustomerNeedCreateInput!): CustomerNeedPayload!
}

# ---------------------------------------------------------------- pagination

enum PaginationOrderBy {
  createdAt
  updatedAt
}

enum PaginationSortOrder {
  Ascending
  Descending
}

enum PaginationNulls {
  first
  last
}

type PageInfo {
  startCursor: String
  endCursor: String
  hasPreviousPage: Boolean!
  hasNextPage: Boolean!
}

type TeamConnection { nodes: [Team!]! pageInfo: PageInfo! }
type WorkflowStateConnection { nodes: [WorkflowState!]! pageInfo: PageInfo! }
type IssueLabelConnection { nodes: [IssueLabel!]! pageInfo: PageInfo! }
type UserConnection { nodes: [User!]! pageInfo: PageInfo! }
type ProjectConnection { nodes: [Project!]! pageInfo: PageInfo! }
type IssueConnection { nodes: [Issue!]! pageInfo: PageInfo! }
type AttachmentConnection { nodes: [Attachment!]! pageInfo: PageInfo! }
type CommentConnection { nodes: [Comment!]! pageInfo: PageInfo! }
type CustomerConnection { nodes: [Customer!]! pageInfo: PageInfo! }
type CustomerNeedConnection { nodes: [CustomerNeed!]! pageInfo: PageInfo! }

# ---------------------------------------------------------------- workspace

type Organization {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  name: String!
  urlKey: String!
  logoUrl: String
  previousUrlKeys: [String!]!
  periodUploadVolume: Float!
  gitBranchFormat: String
  gitLinkbackMessagesEnabled: Boolean!
  gitPublicLinkbackMessagesEnabled: Boolean!
  gitLinkbackDescriptionsEnabled: Boolean!
  roadmapEnabled: Boolean!
  projectUpdatesReminderFrequency: ProjectUpdateReminderFrequency! @deprecated(reason: "Use organization.projectUpdatesReminderFrequencyInWeeks instead")
  projectUpdateReminderFrequencyInWeeks: Float
  projectUpdateRemindersDay: Day!
  projectUpdateRemindersHour: Float!
  initiativeUpdateReminderFrequencyInWeeks: Float
  initiativeUpdateRemindersDay: Day!
  initiativeUpdateRemindersHour: Float!
  fiscalYearStartMonth: Float!
  samlEnabled: Boolean!
  scimEnabled: Boolean!
  securitySettings: JSONObject!
  authSettings: JSONObject!
  allowedAuthServices: [String!]! @deprecated(reason: "Use authSettings.allowedAuthServices instead.")
  allowedFileUploadContentTypes: [String!]
  hipaaComplianceEnabled: Boolean!
  deletionRequestedAt: DateTime
  trialStartsAt: DateTime
  trialEndsAt: DateTime
  releaseChannel: ReleaseChannel!
  releasesEnabled: Boolean!
  customersEnabled: Boolean!
  customersConfiguration: JSONObject!
  feedEnabled: Boolean!
  defaultFeedSummarySchedule: FeedSummarySchedule
  defaultHomeView: String
  defaultHomeViewTargetId: String # SDK 98
  suggestedBranchNameEnabled: Boolean! # SDK 98
  pullRequestIssueMode: String!
  pullRequestTourEnabled: Boolean!
  aiDiscussionSummariesEnabled: Boolean!
  aiThreadSummariesEnabled: Boolean!
  hideNonPrimaryOrganizations: Boolean! @deprecated(reason: "Use authSettings.hideNonPrimaryOrganizations instead.")
  allowMembersToInvite: Boolean @deprecated(reason: "Use \`securitySettings.invitationsRole\` instead.")
  restrictTeamCreationToAdmins: Boolean @deprecated(reason: "Use \`securitySettings.teamCreationRole\` instead.")
  restrictLabelManagementToAdmins: Boolean @deprecated(reason: "Use \`securitySettings.labelManagementRole\` instead.")
  slaDayCount: SLADayCountType! @deprecated(reason: "No longer in use")
  slackProjectChannelIntegration: Integration
  slackProjectChannelPrefix: String!
  userCount: Int!
  createdIssueCount: Int!
  customerCount: Int!
  projectStatuses: [ProjectStatus!]!
  subscription: PaidSubscription
}

type PaidSubscription {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  type: String!
  seats: Float!
  seatsMinimum: Float
  seatsMaximum: Float
  creator: User
  pendingChangeType: String
  nextBillingAt: DateTime
  canceledAt: DateTime
  cancelAt: DateTime
  collectionMethod: String!
}

type ProjectStatus {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  name: String!
  color: String!
  description: String
  position: Float!
  type: ProjectStatusType!
  indefinite: Boolean!
}

enum ProjectStatusType { backlog canceled completed paused planned started }
enum ProjectUpdateReminderFrequency { month never twoWeeks week }
enum Day { Friday Monday Saturday Sunday Thursday Tuesday Wednesday }
enum ReleaseChannel { beta development internal preRelease privateBeta public }
enum FeedSummarySchedule { daily never weekly }
enum SLADayCountType { all onlyBusinessDays }

type User {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  name: String!
  displayName: String!
  email: String!
  avatarUrl: String
  disableReason: String
  calendarHash: String
  description: String
  statusEmoji: String
  statusLabel: String
  statusUntilAt: DateTime
  timezone: String
  lastSeen: DateTime
  title: String
  gitHubUserId: String
  url: String!
  initials: String!
  avatarBackgroundColor: String!
  active: Boolean!
  guest: Boolean!
  app: Boolean!
  admin: Boolean!
  owner: Boolean!
  isMe: Boolean!
  isAssignable: Boolean!
  isMentionable: Boolean!
  supportsAgentSessions: Boolean!
  canAccessAnyPublicTeam: Boolean!
  createdIssueCount: Int!
  inviteHash: String! @deprecated(reason: "This hash is not in use anymore, this value will always be empty.")
}

type Team {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  retiredAt: DateTime
  name: String!
  displayName: String!
  key: String!
  description: String
  icon: String
  color: String
  timezone: String!
  private: Boolean! @deprecated(reason: "Use \`Team.visibility\` instead.")
  visibility: TeamVisibility!
  parent: Team
  issueCount(includeArchived: Boolean = false): Int!
  inviteHash: String! @deprecated(reason: "Not used anymore, simply returning an empty string.")
  scimManaged: Boolean!
  scimGroupName: String
  allMembersCanJoin: Boolean
  viewerMembership: TeamMembership # SDK 98
  viewerCanJoin: Boolean! # SDK 98
  viewerCanLeave: Boolean! # SDK 98
  cyclesEnabled: Boolean!
  cycleStartDay: Float!
  cycleDuration: Float!
  cycleCooldownTime: Float!
  cycleIssueAutoAssignStarted: Boolean!
  cycleIssueAutoAssignCompleted: Boolean!
  cycleLockToActive: Boolean!
  upcomingCycleCount: Float!
  cycleCalenderUrl: String!
  activeCycle: Cycle
  issueEstimationType: String!
  issueEstimationAllowZero: Boolean!
  issueEstimationExtended: Boolean!
  inheritIssueEstimation: Boolean!
  defaultIssueEstimate: Float!
  issueOrderingNoPriorityFirst: Boolean! @deprecated(reason: "This setting is no longer in use.")
  issueSortOrderDefaultToBottom: Boolean! @deprecated(reason: "Use setIssueSortOrderOnStateChange instead.")
  setIssueSortOrderOnStateChange: String!
  groupIssueHistory: Boolean!
  inheritWorkflowStatuses: Boolean!
  triageEnabled: Boolean!
  requirePriorityToLeaveTriage: Boolean!
  triageIssueState: WorkflowState
  triageResponsibility: TriageResponsibility
  defaultIssueState: WorkflowState
  mergeWorkflowState: WorkflowState @deprecated(reason: "Use team.gitAutomationStates instead.")
  draftWorkflowState: WorkflowState @deprecated(reason: "Use team.gitAutomationStates instead.")
  startWorkflowState: WorkflowState @deprecated(reason: "Use team.gitAutomationStates instead.")
  mergeableWorkflowState: WorkflowState @deprecated(reason: "Use team.gitAutomationStates instead.")
  reviewWorkflowState: WorkflowState @deprecated(reason: "Use team.gitAutomationStates instead.")
  markedAsDuplicateWorkflowState: WorkflowState @deprecated(reason: "Duplicates are now system-managed via the native duplicate state.")
  autoClosePeriod: Float
  autoCloseStateId: String
  autoArchivePeriod: Float!
  autoCloseParentIssues: Boolean
  autoCloseChildIssues: Boolean
  defaultTemplateForMembers: Template
  defaultTemplateForMembersId: String @deprecated(reason: "Use defaultTemplateForMembers instead")
  defaultTemplateForNonMembers: Template
  defaultTemplateForNonMembersId: String @deprecated(reason: "Use defaultTemplateForNonMembers instead")
  defaultProjectTemplate: Template
  slackNewIssue: Boolean! @deprecated(reason: "No longer is use")
  slackIssueComments: Boolean! @deprecated(reason: "No longer in use")
  slackIssueStatuses: Boolean! @deprecated(reason: "No longer in use")
  integrationsSettings: IntegrationsSettings
  securitySettings: JSONObject!
  aiThreadSummariesEnabled: Boolean!
  aiDiscussionSummariesEnabled: Boolean!
  initiativesEnabled: Boolean!
  ledInitiativeCount: Int!
  states(after: String, before: String, filter: WorkflowStateFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): WorkflowStateConnection!
  labels(after: String, before: String, filter: IssueLabelFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): IssueLabelConnection!
  members(after: String, before: String, filter: UserFilter, first: Int, includeArchived: Boolean, includeDisabled: Boolean, last: Int, orderBy: PaginationOrderBy, sort: [UserSortInput!]): UserConnection!
  issues(after: String, before: String, filter: IssueFilter, first: Int, includeArchived: Boolean, includeSubTeams: Boolean = false, last: Int, orderBy: PaginationOrderBy): IssueConnection!
}

enum TeamVisibility { private public restricted }

type TeamMembership {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  owner: Boolean!
  sortOrder: Float!
  team: Team!
  user: User!
}

type WorkflowState {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  name: String!
  color: String!
  description: String
  position: Float!
  type: String!
  team: Team!
  inheritedFrom: WorkflowState
}

type IssueLabel {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  name: String!
  description: String
  color: String!
  isGroup: Boolean!
  groupType: LabelGroupType # SDK 98
  lastAppliedAt: DateTime
  team: Team
  creator: User
  retiredBy: User
  parent: IssueLabel
  inheritedFrom: IssueLabel
}

enum LabelGroupType { multiSelect singleSelect } # SDK 98

type Project {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  name: String!
}

# ---------------------------------------------------------------- issues

type Issue {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  number: Float!
  identifier: String!
  title: String!
  description: String
  priority: Float!
  priorityLabel: String!
  estimate: Float
  sortOrder: Float!
  prioritySortOrder: Float!
  boardOrder: Float! @deprecated(reason: "Will be removed in near future, please use \`sortOrder\` instead")
  subIssueSortOrder: Float
  url: String!
  branchName: String!
  labelIds: [String!]!
  previousIdentifiers: [String!]!
  customerTicketCount: Int!
  trashed: Boolean
  reactionData: JSONObject!
  reactions: [Reaction!]!
  integrationSourceType: IntegrationService
  syncedWith: [ExternalEntityInfo!]
  sharedAccess: IssueSharedAccess!
  inheritsSharedAccess: Boolean!
  dueDate: TimelessDate
  startedTriageAt: DateTime
  triagedAt: DateTime
  addedToCycleAt: DateTime
  addedToProjectAt: DateTime
  addedToTeamAt: DateTime
  autoArchivedAt: DateTime
  autoClosedAt: DateTime
  canceledAt: DateTime
  completedAt: DateTime
  startedAt: DateTime
  snoozedUntilAt: DateTime
  slaStartedAt: DateTime
  slaBreachesAt: DateTime
  slaHighRiskAt: DateTime
  slaMediumRiskAt: DateTime
  slaType: String
  team: Team!
  state: WorkflowState!
  assignee: User
  creator: User
  delegate: User
  snoozedBy: User
  asksRequester: User
  asksExternalUserRequester: ExternalUser
  externalUserCreator: ExternalUser
  botActor: ActorBot
  project: Project
  projectMilestone: ProjectMilestone
  cycle: Cycle
  parent: Issue
  sourceComment: Comment
  lastAppliedTemplate: Template
  recurringIssueTemplate: Template
  favorite: Favorite
  labels(after: String, before: String, filter: IssueLabelFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): IssueLabelConnection!
  attachments(after: String, before: String, filter: AttachmentFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): AttachmentConnection!
  comments(after: String, before: String, filter: CommentFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): CommentConnection!
  needs(after: String, before: String, filter: CustomerNeedFilter, first: Int, includeArchived: Boolean, last: Int, orderBy: PaginationOrderBy): CustomerNeedConnection!
}

type IssueSearchPayload {
  nodes: [IssueSearchResult!]!
  pageInfo: PageInfo!
  totalCount: Float!
  archivePayload: ArchiveResponse!
}

type ArchiveResponse {
  archive: String!
  totalCount: Float!
  databaseVersion: Float!
  includesDependencies: [String!]!
}

type IssueSearchResult {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  metadata: JSONObject!
  number: Float!
  identifier: String!
  title: String!
  description: String
  priority: Float!
  priorityLabel: String!
  estimate: Float
  sortOrder: Float!
  prioritySortOrder: Float!
  boardOrder: Float! @deprecated(reason: "Will be removed in near future, please use \`sortOrder\` instead")
  subIssueSortOrder: Float
  url: String!
  branchName: String!
  labelIds: [String!]!
  previousIdentifiers: [String!]!
  customerTicketCount: Int!
  trashed: Boolean
  reactionData: JSONObject!
  reactions: [Reaction!]!
  integrationSourceType: IntegrationService
  syncedWith: [ExternalEntityInfo!]
  sharedAccess: IssueSharedAccess!
  inheritsSharedAccess: Boolean!
  dueDate: TimelessDate
  startedTriageAt: DateTime
  triagedAt: DateTime
  addedToCycleAt: DateTime
  addedToProjectAt: DateTime
  addedToTeamAt: DateTime
  autoArchivedAt: DateTime
  autoClosedAt: DateTime
  canceledAt: DateTime
  completedAt: DateTime
  startedAt: DateTime
  snoozedUntilAt: DateTime
  slaStartedAt: DateTime
  slaBreachesAt: DateTime
  slaHighRiskAt: DateTime
  slaMediumRiskAt: DateTime
  slaType: String
  team: Team!
  state: WorkflowState!
  assignee: User
  creator: User
  delegate: User
  snoozedBy: User
  asksRequester: User
  asksExternalUserRequester: ExternalUser
  externalUserCreator: ExternalUser
  botActor: ActorBot
  project: Project
  projectMilestone: ProjectMilestone
  cycle: Cycle
  parent: Issue
  sourceComment: Comment
  lastAppliedTemplate: Template
  recurringIssueTemplate: Template
  favorite: Favorite
}

type IssueSharedAccess {
  isShared: Boolean!
  viewerHasOnlySharedAccess: Boolean!
  sharedWithCount: Int!
  sharedWithUsers: [User!]!
  disallowedIssueFields: [IssueSharedAccessDisallowedField!]!
}

enum IssueSharedAccessDisallowedField { cycleId projectId projectMilestoneId teamId }

type ExternalEntityInfo {
  id: String!
  service: ExternalSyncService!
  metadata: ExternalEntityInfoMetadata
}

union ExternalEntityInfoMetadata = ExternalEntityInfoGithubMetadata | ExternalEntityInfoJiraMetadata | ExternalEntitySlackMetadata
type ExternalEntityInfoGithubMetadata { repo: String owner: String number: Float }
type ExternalEntityInfoJiraMetadata { issueKey: String projectId: String issueTypeId: String }
type ExternalEntitySlackMetadata { isFromSlack: Boolean! channelId: String channelName: String messageUrl: String }

enum ExternalSyncService { github jira slack }

enum IntegrationService {
  airbyte asksWeb discord email figma figmaPlugin front github githubCodeAccessPersonal githubCommit
  githubEnterpriseServer githubImport githubPersonal gitlab gong googleCalendarPersonal googleSheets intercom jira
  jiraPersonal launchDarkly launchDarklyPersonal loom mcpServer mcpServerPersonal microsoftPersonal microsoftTeams
  microsoftTeamsProjectPost notion opsgenie pagerDuty salesforce sentry slack slackAsks slackCustomViewNotifications
  slackInitiativePost slackOrgInitiativeUpdatesPost slackOrgProjectUpdatesPost slackPersonal slackPost slackProjectPost
  slackProjectUpdatesPost zendesk
}

type Reaction {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  emoji: String!
  user: User
  externalUser: ExternalUser
  issue: Issue
  comment: Comment
  projectUpdate: ProjectUpdate
  initiativeUpdate: InitiativeUpdate
}

type ActorBot {
  id: ID
  type: String!
  subType: String
  name: String
  userDisplayName: String
  avatarUrl: String
}

# Entities the emulator does not model; they exist so that the SDK's selections validate and always resolve to null.
type Cycle { id: ID! }
type Template { id: ID! }
type Favorite { id: ID! }
type ProjectMilestone { id: ID! }
type ProjectUpdate { id: ID! }
type Initiative { id: ID! }
type InitiativeUpdate { id: ID! }
type ExternalUser { id: ID! }
type Integration { id: ID! }
type IntegrationsSettings { id: ID! }
type TriageResponsibility { id: ID! }
type AgentSession { id: ID! }
type Document { id: ID! }
type CustomerTier { id: ID! }

# ---------------------------------------------------------------- attachments and comments

type Attachment {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  title: String!
  subtitle: String
  url: String!
  metadata: JSONObject!
  source: JSONObject
  sourceType: String
  groupBySource: Boolean!
  bodyData: String
  creator: User
  externalUserCreator: ExternalUser
  issue: Issue!
  originalIssue: Issue
}

type Comment {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  editedAt: DateTime
  resolvedAt: DateTime
  body: String!
  quotedText: String
  url: String!
  reactionData: JSONObject!
  reactions: [Reaction!]!
  issueId: String
  issue: Issue
  parentId: String
  parent: Comment
  user: User
  externalUser: ExternalUser
  botActor: ActorBot
  resolvingUser: User
  resolvingCommentId: String
  resolvingComment: Comment
  documentContentId: String
  documentContent: DocumentContent
  initiativeId: String
  initiative: Initiative
  initiativeUpdateId: String
  initiativeUpdate: InitiativeUpdate
  projectId: String
  project: Project
  projectUpdateId: String
  projectUpdate: ProjectUpdate
  agentSession: AgentSession
  externalThread: SyncedExternalThread
  syncedWith: [ExternalEntityInfo!]
}

type DocumentContent {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  content: String
  contentState: String
  restoredAt: DateTime
  issue: Issue
  project: Project
  projectMilestone: ProjectMilestone
  initiative: Initiative
  document: Document
  aiPromptRules: AiPromptRules
  welcomeMessage: WelcomeMessage
}

type AiPromptRules { id: ID! createdAt: DateTime! updatedAt: DateTime! archivedAt: DateTime updatedBy: User }
type WelcomeMessage { id: ID! createdAt: DateTime! updatedAt: DateTime! archivedAt: DateTime title: String enabled: Boolean! updatedBy: User }

type SyncedExternalThread {
  id: ID
  type: String!
  subType: String
  name: String
  displayName: String
  url: String
  isConnected: Boolean!
  isPersonalIntegrationConnected: Boolean!
  isPersonalIntegrationRequired: Boolean!
}

# ---------------------------------------------------------------- customers

type Customer {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  name: String!
  slugId: String!
  url: String!
  logoUrl: String
  domains: [String!]!
  externalIds: [String!]!
  slackChannelId: String
  mainSourceId: String
  revenue: Int
  size: Float
  approximateNeedCount: Float!
  needs: [CustomerNeed!]!
  owner: User
  status: CustomerStatus!
  tier: CustomerTier
  integration: Integration
}

type CustomerStatus {
  id: ID!
  name: String!
  color: String!
}

type CustomerNeed {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  body: String
  content: String
  priority: Float!
  url: String
  customer: Customer
  issue: Issue
  originalIssue: Issue
  project: Project
  comment: Comment
  attachment: Attachment
  projectAttachment: ProjectAttachment
  creator: User
}

type ProjectAttachment {
  id: ID!
  createdAt: DateTime!
  updatedAt: DateTime!
  archivedAt: DateTime
  title: String!
  subtitle: String
  url: String!
  metadata: JSONObject!
  source: JSONObject
  sourceType: String
  creator: User
}

# ---------------------------------------------------------------- mutation payloads

type IssuePayload { lastSyncId: Float! issue: Issue success: Boolean! }
type AttachmentPayload { lastSyncId: Float! attachment: Attachment! success: Boolean! }
type CommentPayload { lastSyncId: Float! comment: Comment! success: Boolean! }
type CustomerPayload { lastSyncId: Float! customer: Customer! success: Boolean! }
type CustomerNeedPayload { lastSyncId: Float! need: CustomerNeed! success: Boolean! }

type RateLimitPayload {
  identifier: String
  kind: String!
  limits: [RateLimitResultPayload!]!
}

type RateLimitResultPayload {
  type: String!
  requestedAmount: Float!
  allowedAmount: Float!
  period: Float!
  remainingAmount: Float!
  reset: Float!
}

# ---------------------------------------------------------------- mutation inputs

input IssueCreateInput {
  id: String
  teamId: String!
  title: String
  description: String
  priority: Int
  stateId: String
  assigneeId: String
  labelIds: [String!]
  projectId: String
  createAsUser: String
  displayIconUrl: String
}

input IssueUpdateInput {
  title: String
  description: String
  priority: Int
  stateId: String
  assigneeId: String
  labelIds: [String!]
  addedLabelIds: [String!]
  removedLabelIds: [String!]
  projectId: String
}

input AttachmentCreateInput {
  id: String
  issueId: String!
  url: String!
  title: String!
  subtitle: String
  metadata: JSONObject
  iconUrl: String
  groupBySource: Boolean
  createAsUser: String
  displayIconUrl: String
}

input AttachmentUpdateInput {
  title: String!
  subtitle: String
  metadata: JSONObject
  iconUrl: String
}

input CommentCreateInput {
  id: String
  issueId: String
  body: String
  createAsUser: String
  displayIconUrl: String
}

input CustomerUpsertInput {
  id: String
  externalId: String
  name: String
  domains: [String!]
  logoUrl: String
  revenue: Int
  size: Int
}

input CustomerNeedCreateInput {
  id: String
  customerId: String
  customerExternalId: String
  issueId: String
  attachmentId: String
  body: String
  priority: Float
  createAsUser: String
  displayIconUrl: String
}

# ---------------------------------------------------------------- sorting

input IssueSortInput {
  createdAt: CreatedAtSort
  updatedAt: UpdatedAtSort
  priority: PrioritySort
  title: TitleSort
}

input UserSortInput {
  name: UserNameSort
  displayName: UserDisplayNameSort
}

input CustomerSortInput {
  name: NameSort
  createdAt: CustomerCreatedAtSort
}

input CreatedAtSort { nulls: PaginationNulls = last order: PaginationSortOrder }
input UpdatedAtSort { nulls: PaginationNulls = last order: PaginationSortOrder }
input TitleSort { nulls: PaginationNulls = last order: PaginationSortOrder }
input PrioritySort { noPriorityFirst: Boolean = false nulls: PaginationNulls = last order: PaginationSortOrder usePrioritySortOrderTiebreaker: Boolean = true }
input UserNameSort { nulls: PaginationNulls = last order: PaginationSortOrder }
input UserDisplayNameSort { nulls: PaginationNulls = last order: PaginationSortOrder }
input NameSort { nulls: PaginationNulls = last order: PaginationSortOrder }
input CustomerCreatedAtSort { nulls: PaginationNulls = last order: PaginationSortOrder }

# ---------------------------------------------------------------- comparators

input IDComparator { eq: ID in: [ID!] neq: ID nin: [ID!] }
input IssueIDComparator { eq: ID in: [ID!] neq: ID nin: [ID!] }
input BooleanComparator { eq: Boolean neq: Boolean }
input ContentComparator { contains: String notContains: String }

input StringComparator {
  eq: String neq: String in: [String!] nin: [String!]
  eqIgnoreCase: String neqIgnoreCase: String
  contains: String notContains: String containsIgnoreCase: String notContainsIgnoreCase: String containsIgnoreCaseAndAccent: String
  startsWith: String startsWithIgnoreCase: String notStartsWith: String endsWith: String notEndsWith: String
}

input NullableStringComparator {
  eq: String neq: String in: [String!] nin: [String!]
  eqIgnoreCase: String neqIgnoreCase: String
  contains: String notContains: String containsIgnoreCase: String notContainsIgnoreCase: String containsIgnoreCaseAndAccent: String
  startsWith: String startsWithIgnoreCase: String notStartsWith: String endsWith: String notEndsWith: String
  null: Boolean
}

input SourceTypeComparator {
  eq: String neq: String in: [String!] nin: [String!]
  eqIgnoreCase: String neqIgnoreCase: String
  contains: String notContains: String containsIgnoreCase: String notContainsIgnoreCase: String containsIgnoreCaseAndAccent: String
  startsWith: String startsWithIgnoreCase: String notStartsWith: String endsWith: String notEndsWith: String
}

input StringItemComparator {
  eq: String neq: String in: [String!] nin: [String!]
  eqIgnoreCase: String neqIgnoreCase: String
  contains: String notContains: String containsIgnoreCase: String notContainsIgnoreCase: String containsIgnoreCaseAndAccent: String
  startsWith: String startsWithIgnoreCase: String notStartsWith: String endsWith: String notEndsWith: String
}

input StringArrayComparator { some: StringItemComparator every: StringItemComparator length: NumberComparator }

input NumberComparator { eq: Float neq: Float in: [Float!] nin: [Float!] lt: Float lte: Float gt: Float gte: Float }
input NullableNumberComparator { eq: Float neq: Float in: [Float!] nin: [Float!] lt: Float lte: Float gt: Float gte: Float null: Boolean }

input DateComparator {
  eq: DateTimeOrDuration neq: DateTimeOrDuration in: [DateTimeOrDuration!] nin: [DateTimeOrDuration!]
  lt: DateTimeOrDuration lte: DateTimeOrDuration gt: DateTimeOrDuration gte: DateTimeOrDuration
}

input NullableDateComparator {
  eq: DateTimeOrDuration neq: DateTimeOrDuration in: [DateTimeOrDuration!] nin: [DateTimeOrDuration!]
  lt: DateTimeOrDuration lte: DateTimeOrDuration gt: DateTimeOrDuration gte: DateTimeOrDuration
  null: Boolean
}

# ---------------------------------------------------------------- filters

input IssueFilter {
  and: [IssueFilter!]
  or: [IssueFilter!]
  id: IssueIDComparator
  number: NumberComparator
  title: StringComparator
  description: NullableStringComparator
  priority: NullableNumberComparator
  searchableContent: ContentComparator
  createdAt: DateComparator
  updatedAt: DateComparator
  archivedAt: NullableDateComparator
  startedAt: NullableDateComparator
  completedAt: NullableDateComparator
  canceledAt: NullableDateComparator
  team: TeamFilter
  state: WorkflowStateFilter
  assignee: NullableUserFilter
  creator: NullableUserFilter
  project: NullableProjectFilter
  labels: IssueLabelCollectionFilter
  attachments: AttachmentCollectionFilter
  comments: CommentCollectionFilter
  needs: CustomerNeedCollectionFilter
}

input NullableIssueFilter {
  and: [NullableIssueFilter!]
  or: [NullableIssueFilter!]
  null: Boolean
  id: IssueIDComparator
  number: NumberComparator
  title: StringComparator
  description: NullableStringComparator
  priority: NullableNumberComparator
  searchableContent: ContentComparator
  createdAt: DateComparator
  updatedAt: DateComparator
  archivedAt: NullableDateComparator
  startedAt: NullableDateComparator
  completedAt: NullableDateComparator
  canceledAt: NullableDateComparator
  team: TeamFilter
  state: WorkflowStateFilter
  assignee: NullableUserFilter
  creator: NullableUserFilter
  project: NullableProjectFilter
  labels: IssueLabelCollectionFilter
  attachments: AttachmentCollectionFilter
  comments: CommentCollectionFilter
  needs: CustomerNeedCollectionFilter
}

input TeamFilter {
  and: [TeamFilter!]
  or: [TeamFilter!]
  id: IDComparator
  key: StringComparator
  name: StringComparator
  description: NullableStringComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input NullableTeamFilter {
  and: [NullableTeamFilter!]
  or: [NullableTeamFilter!]
  null: Boolean
  id: IDComparator
  key: StringComparator
  name: StringComparator
  description: NullableStringComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input WorkflowStateFilter {
  and: [WorkflowStateFilter!]
  or: [WorkflowStateFilter!]
  id: IDComparator
  name: StringComparator
  type: StringComparator
  description: StringComparator
  position: NumberComparator
  team: TeamFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input IssueLabelFilter {
  and: [IssueLabelFilter!]
  or: [IssueLabelFilter!]
  id: IDComparator
  name: StringComparator
  isGroup: BooleanComparator
  team: NullableTeamFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input IssueLabelCollectionFilter {
  and: [IssueLabelCollectionFilter!]
  or: [IssueLabelCollectionFilter!]
  some: IssueLabelFilter
  every: IssueLabelFilter
  length: NumberComparator
  id: IDComparator
  name: StringComparator
  isGroup: BooleanComparator
  team: NullableTeamFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input UserFilter {
  and: [UserFilter!]
  or: [UserFilter!]
  id: IDComparator
  name: StringComparator
  displayName: StringComparator
  email: StringComparator
  active: BooleanComparator
  admin: BooleanComparator
  isMe: BooleanComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input NullableUserFilter {
  and: [NullableUserFilter!]
  or: [NullableUserFilter!]
  null: Boolean
  id: IDComparator
  name: StringComparator
  displayName: StringComparator
  email: StringComparator
  active: BooleanComparator
  admin: BooleanComparator
  isMe: BooleanComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input ProjectFilter {
  and: [ProjectFilter!]
  or: [ProjectFilter!]
  id: IDComparator
  name: StringComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input NullableProjectFilter {
  and: [NullableProjectFilter!]
  or: [NullableProjectFilter!]
  null: Boolean
  id: IDComparator
  name: StringComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input AttachmentFilter {
  and: [AttachmentFilter!]
  or: [AttachmentFilter!]
  id: IDComparator
  url: StringComparator
  title: StringComparator
  subtitle: NullableStringComparator
  sourceType: SourceTypeComparator
  creator: NullableUserFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input AttachmentCollectionFilter {
  and: [AttachmentCollectionFilter!]
  or: [AttachmentCollectionFilter!]
  some: AttachmentFilter
  every: AttachmentFilter
  length: NumberComparator
  id: IDComparator
  url: StringComparator
  title: StringComparator
  subtitle: NullableStringComparator
  sourceType: SourceTypeComparator
  creator: NullableUserFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input CommentFilter {
  and: [CommentFilter!]
  or: [CommentFilter!]
  id: IDComparator
  body: StringComparator
  user: UserFilter
  issue: NullableIssueFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input CommentCollectionFilter {
  and: [CommentCollectionFilter!]
  or: [CommentCollectionFilter!]
  some: CommentFilter
  every: CommentFilter
  length: NumberComparator
  id: IDComparator
  body: StringComparator
  user: UserFilter
  issue: NullableIssueFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input CustomerFilter {
  and: [CustomerFilter!]
  or: [CustomerFilter!]
  id: IDComparator
  name: StringComparator
  domains: StringArrayComparator
  externalIds: StringArrayComparator
  revenue: NumberComparator
  size: NumberComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input NullableCustomerFilter {
  and: [NullableCustomerFilter!]
  or: [NullableCustomerFilter!]
  null: Boolean
  id: IDComparator
  name: StringComparator
  domains: StringArrayComparator
  externalIds: StringArrayComparator
  revenue: NumberComparator
  size: NumberComparator
  createdAt: DateComparator
  updatedAt: DateComparator
}

input CustomerNeedFilter {
  and: [CustomerNeedFilter!]
  or: [CustomerNeedFilter!]
  id: IDComparator
  priority: NumberComparator
  customer: NullableCustomerFilter
  issue: NullableIssueFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}

input CustomerNeedCollectionFilter {
  and: [CustomerNeedCollectionFilter!]
  or: [CustomerNeedCollectionFilter!]
  some: CustomerNeedFilter
  every: CustomerNeedFilter
  length: NumberComparator
  id: IDComparator
  priority: NumberComparator
  customer: NullableCustomerFilter
  issue: NullableIssueFilter
  createdAt: DateComparator
  updatedAt: DateComparator
}
`;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DURATION = /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const TIMELESS_DATE = /^\d{4}-\d{2}-\d{2}$/;

function stringScalar(name: string, accepts: (value: string) => boolean, what: string): GraphQLScalarType {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !accepts(value)) throw new GraphQLError(`${name} cannot represent a non ${what} value: ${JSON.stringify(value)}`);
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => (value instanceof Date ? value.toISOString() : parse(value)),
    parseValue: parse,
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`${name} cannot represent a non-string literal`, { nodes: node });
      return parse(node.value);
    },
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const scalars: readonly GraphQLScalarType[] = [
  stringScalar('DateTime', (v) => ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)), 'ISO 8601 date-time'),
  stringScalar('DateTimeOrDuration', (v) => (ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v))) || ISO_DURATION.test(v), 'ISO 8601 date-time or duration'),
  stringScalar('TimelessDate', (v) => TIMELESS_DATE.test(v), 'YYYY-MM-DD date'),
  stringScalar('UUID', isUuid, 'UUID'),
  new GraphQLScalarType({
    name: 'JSONObject',
    serialize: (value) => value,
    parseValue: (value) => {
      if (!isPlainObject(value)) throw new GraphQLError(`JSONObject cannot represent a non-object value: ${JSON.stringify(value)}`);
      return value;
    },
    parseLiteral: (node, variables) => {
      if (node.kind !== Kind.OBJECT) throw new GraphQLError('JSONObject cannot represent a non-object literal', { nodes: node });
      return valueFromASTUntyped(node, variables);
    },
  }),
  new GraphQLScalarType({
    name: 'JSON',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
  }),
];

function buildLinearSchema(): GraphQLSchema {
  // The SDL is ours and checked by a test (linear-emulator-schema.test.ts); validating it again here would cost
  // every `--sandbox` run ~150 ms.
  const schema = buildSchema(linearSchemaSdl, { assumeValidSDL: true });
  // buildSchema gives custom scalars pass-through behaviour; swap in the validating ones Linear's scalars have.
  const typeMap = schema.getTypeMap();
  for (const scalar of scalars) {
    const target = typeMap[scalar.name];
    if (!(target instanceof GraphQLScalarType)) throw new Error(`schema lacks scalar ${scalar.name}`);
    target.serialize = scalar.serialize;
    target.parseValue = scalar.parseValue;
    target.parseLiteral = scalar.parseLiteral;
  }
  return schema;
}

let built: GraphQLSchema | undefined;

/**
 * The executable schema; resolution goes through the field resolver the emulator passes to `execute`. Built on
 * the first request, so a `--sandbox` command that never reaches Linear (a dry run) does not pay for it.
 */
export function linearSchema(): GraphQLSchema {
  built ??= buildLinearSchema();
  return built;
}
