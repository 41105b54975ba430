import { ServiceError } from '../../errors.js';
import type { GatewayOptions } from '../http/types.js';
import { createLinearRequest, type LinearRequest } from './transport.js';
import * as q from './queries.js';
import type { CreateLinearIssueInput, LinearAttachment, LinearIssue, LinearLabel, LinearSyncIssue, LinearTeam, LinearUser } from './types.js';

type Nodes<T> = { nodes: T[] };
type LinearSdkInstance = InstanceType<(typeof import('@linear/sdk'))['LinearSdk']>;

/** Linear as triage sees it. Built from `{ token, baseUrl, fetch }`; the SDK is loaded only when one is made. */
export class LinearGateway {
  private viewerCache: Promise<LinearUser> | undefined;

  private constructor(
    private readonly request: LinearRequest,
    private readonly sdk: LinearSdkInstance,
  ) {}

  static async create(options: GatewayOptions): Promise<LinearGateway> {
    const sdkModule = await import('@linear/sdk');
    const request = createLinearRequest(sdkModule, options);
    return new LinearGateway(request, new sdkModule.LinearSdk(request as never));
  }

  /** The person whose API key this is. One request per run. */
  viewer(): Promise<LinearUser> {
    this.viewerCache ??= this.request(q.VIEWER).then((data) => data.viewer as LinearUser);
    return this.viewerCache;
  }

  async team(key: string): Promise<LinearTeam | undefined> {
    const data = await this.request(q.TEAM_BY_KEY, { key });
    const node = (data.teams as Nodes<{ id: string; key: string; name: string; states: Nodes<LinearTeam['states'][number]>; labels: Nodes<LinearLabel> }>).nodes[0];
    if (!node) return undefined;
    return { id: node.id, key: node.key, name: node.name, states: node.states.nodes, labels: node.labels.nodes };
  }

  async workspaceLabels(names: string[]): Promise<LinearLabel[]> {
    if (names.length === 0) return [];
    const data = await this.request(q.WORKSPACE_LABELS, { names });
    return (data.issueLabels as Nodes<LinearLabel>).nodes;
  }

  async usersByEmail(emails: string[]): Promise<LinearUser[]> {
    if (emails.length === 0) return [];
    const data = await this.request(q.USERS_BY_EMAIL, { emails });
    return (data.users as Nodes<LinearUser>).nodes;
  }

  async issueById(id: string): Promise<LinearIssue | undefined> {
    const data = await this.request(q.ISSUE_BY_ID, { id });
    return (data.issues as Nodes<LinearIssue>).nodes[0];
  }

  async createIssue(input: CreateLinearIssueInput): Promise<LinearIssue> {
    const payload = await this.sdk.createIssue(input);
    const id = payload.issueId;
    if (!payload.success || !id) throw new ServiceError('linear', 'Linear did not create the issue');
    const issue = await this.issueById(id);
    if (!issue) throw new ServiceError('linear', `Linear created issue ${id} but does not return it`, { transient: true });
    return issue;
  }

  async attachments(issueId: string): Promise<LinearAttachment[]> {
    const data = await this.request(q.ISSUE_ATTACHMENTS, { id: issueId });
    const issue = data.issue as { attachments: Nodes<LinearAttachment> } | null;
    return issue?.attachments.nodes ?? [];
  }

  /** Linear keeps one attachment per URL on an issue, so creating the same link twice updates it. */
  async attach(input: { issueId: string; url: string; title: string; subtitle?: string; metadata?: Record<string, unknown> }): Promise<string> {
    const payload = await this.sdk.createAttachment(input);
    const id = payload.attachmentId;
    if (!payload.success || !id) throw new ServiceError('linear', 'Linear did not create the attachment');
    return id;
  }

  /** Linear's largest page: ids beyond it are fetched by the next call. */
  static readonly SYNC_BATCH_MAX = 250;

  /**
   * Many issues in ONE request, each with its attachments whose URL is one of `links`: `triage sync` reads a
   * page of linked tickets' issues at once rather than one request per issue. Ids Linear does not know are absent.
   */
  async issuesForSync(ids: string[], links: string[]): Promise<LinearSyncIssue[]> {
    if (ids.length === 0) return [];
    if (ids.length > LinearGateway.SYNC_BATCH_MAX) throw new Error(`issuesForSync takes at most ${LinearGateway.SYNC_BATCH_MAX} ids`);
    const data = await this.request(q.ISSUES_FOR_SYNC, { ids, first: ids.length, links });
    const nodes = (data.issues as Nodes<Omit<LinearSyncIssue, 'attachments'> & { attachments: Nodes<LinearAttachment> }>).nodes;
    return nodes.map((n) => ({ id: n.id, identifier: n.identifier, url: n.url, priority: n.priority, attachments: n.attachments.nodes }));
  }

  /** Sets a value, so running it twice changes nothing. */
  async updateIssuePriority(issueId: string, priority: number): Promise<void> {
    const payload = await this.sdk.updateIssue(issueId, { priority });
    if (!payload.success) throw new ServiceError('linear', `Linear did not update the priority of issue ${issueId}`);
  }

  /** Replaces an attachment's metadata (Linear requires the title with any update, so it is passed through). */
  async updateAttachmentMetadata(attachmentId: string, input: { title: string; metadata: Record<string, unknown> }): Promise<void> {
    const payload = await this.sdk.updateAttachment(attachmentId, { title: input.title, metadata: input.metadata });
    if (!payload.success) throw new ServiceError('linear', `Linear did not update attachment ${attachmentId}`);
  }
}
