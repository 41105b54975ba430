import { ServiceError } from '../../errors.js';
import type { GatewayOptions } from '../http/types.js';
import { createLinearRequest, type LinearBudget, type LinearRequest } from './transport.js';
import * as q from './queries.js';
import type {
  CreateLinearIssueInput,
  LinearAttachment,
  LinearCandidateIssue,
  LinearCustomer,
  LinearFollowupIssue,
  LinearImmediateIssue,
  LinearIssue,
  LinearIssueDetails,
  LinearLabel,
  LinearProject,
  LinearSyncIssue,
  LinearTeam,
  LinearUser,
} from './types.js';

type Nodes<T> = { nodes: T[] };

/** A write `writeBatch` can carry: set an issue's priority, replace a link's metadata, or create a link. */
export type LinearWrite =
  | { kind: 'priority'; issueId: string; priority: number }
  | { kind: 'metadata'; attachmentId: string; title: string; metadata: Record<string, unknown> }
  | { kind: 'attach'; issueId: string; url: string; title: string; metadata: Record<string, unknown> };

export type LinearWriteOutcome = { ok: true } | { ok: false; error: string };
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

  /** The keys of every team this API key can see, sorted. */
  async teamKeys(): Promise<string[]> {
    const data = await this.request(q.TEAM_KEYS);
    return (data.teams as Nodes<{ key: string }>).nodes.map((t) => t.key).sort();
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

  /** Issues per `issuesForFollowups` request. */
  static readonly FOLLOWUPS_BATCH_MAX = 100;

  /** Many issues in ONE request (at most a hundred), with their state, priority and links; unknown ids are absent. */
  async issuesForFollowups(ids: string[]): Promise<LinearFollowupIssue[]> {
    if (ids.length === 0) return [];
    if (ids.length > LinearGateway.FOLLOWUPS_BATCH_MAX) throw new Error(`issuesForFollowups takes at most ${LinearGateway.FOLLOWUPS_BATCH_MAX} ids`);
    const data = await this.request(q.ISSUES_FOR_FOLLOWUPS, { ids, first: ids.length });
    const nodes = (data.issues as Nodes<Omit<LinearFollowupIssue, 'attachments'> & { attachments: Nodes<LinearAttachment> }>).nodes;
    return nodes.map((n) => ({ ...n, attachments: n.attachments.nodes }));
  }

  /** Sets a value, so running it twice changes nothing. */
  async updateIssuePriority(issueId: string, priority: number): Promise<void> {
    const payload = await this.sdk.updateIssue(issueId, { priority });
    if (!payload.success) throw new ServiceError('linear', `Linear did not update the priority of issue ${issueId}`);
  }

  /**
   * Writes per request in `writeBatch`. Each is one aliased root field costing about 1.1 complexity points, so
   * a batch stays far inside Linear's 10,000-point cap per query; 50 keeps a request (and what one failed
   * request leaves uncertain) small while cutting a sync's write requests fiftyfold.
   */
  static readonly WRITE_BATCH_SIZE = 50;

  /** Linear's budget as its latest answer stated it (requests and complexity left, when they refill). */
  budget(): LinearBudget | undefined {
    return this.request.budget();
  }

  /**
   * Several writes in ONE GraphQL request, one aliased mutation each, run by Linear in order. One write failing
   * fails only its own entry; a request Linear refuses altogether (rate limit, auth) throws. Every write sets a
   * value, so sending one again is harmless.
   */
  async writeBatch(writes: readonly LinearWrite[]): Promise<LinearWriteOutcome[]> {
    if (writes.length === 0) return [];
    if (writes.length > LinearGateway.WRITE_BATCH_SIZE) throw new Error(`writeBatch takes at most ${LinearGateway.WRITE_BATCH_SIZE} writes`);
    const declarations: string[] = [];
    const fields: string[] = [];
    const variables: Record<string, unknown> = {};
    writes.forEach((write, i) => {
      if (write.kind === 'priority') {
        declarations.push(`$id${i}: String!`, `$in${i}: IssueUpdateInput!`);
        fields.push(`w${i}: issueUpdate(id: $id${i}, input: $in${i}) { success }`);
        variables[`id${i}`] = write.issueId;
        variables[`in${i}`] = { priority: write.priority };
      } else if (write.kind === 'metadata') {
        declarations.push(`$id${i}: String!`, `$in${i}: AttachmentUpdateInput!`);
        fields.push(`w${i}: attachmentUpdate(id: $id${i}, input: $in${i}) { success }`);
        variables[`id${i}`] = write.attachmentId;
        variables[`in${i}`] = { title: write.title, metadata: write.metadata };
      } else {
        declarations.push(`$in${i}: AttachmentCreateInput!`);
        fields.push(`w${i}: attachmentCreate(input: $in${i}) { success }`);
        variables[`in${i}`] = { issueId: write.issueId, url: write.url, title: write.title, metadata: write.metadata };
      }
    });
    const document = `mutation SyncWrites(${declarations.join(', ')}) {\n  ${fields.join('\n  ')}\n}`;
    const { data, errors } = await this.request.partial(document, variables);
    return writes.map((_, i): LinearWriteOutcome => {
      const alias = `w${i}`;
      const error = errors.find((e) => e.path?.[0] === alias);
      if (error) return { ok: false, error: (error.message.split('\n')[0] ?? error.message).slice(0, 300) };
      const payload = data[alias] as { success?: boolean } | null | undefined;
      return payload?.success ? { ok: true } : { ok: false, error: 'Linear did not apply the change' };
    });
  }

  /** Replaces an attachment's metadata (Linear requires the title with any update, so it is passed through). */
  async updateAttachmentMetadata(attachmentId: string, input: { title: string; metadata: Record<string, unknown> }): Promise<void> {
    const payload = await this.sdk.updateAttachment(attachmentId, { title: input.title, metadata: input.metadata });
    if (!payload.success) throw new ServiceError('linear', `Linear did not update attachment ${attachmentId}`);
  }

  // --- feature requests: search, append ---------------------------------------------------------------------

  /** Open issues of a team matching `term`, best first, as Linear's search ranks them. */
  async searchOpenIssues(term: string, options: { teamKey: string; first: number }): Promise<LinearCandidateIssue[]> {
    if (!term.trim()) return [];
    const filter = { team: { key: { eq: options.teamKey } }, state: { type: { nin: ['completed', 'canceled'] } } };
    const data = await this.request(q.SEARCH_ISSUES, { term, filter, first: options.first });
    const hits = (data.searchIssues as Nodes<Omit<RawCandidate, 'attachments'>>).nodes;
    if (hits.length === 0) return [];
    const links = await this.request(q.ISSUE_LINKS, { ids: hits.map((h) => h.id), first: hits.length });
    // Labels and project (is it a feature request?) are connections too: read with the links.
    type Links = { id: string; attachments: Nodes<{ url: string; title: string }>; labels?: Nodes<{ name: string }>; project?: { name: string } | null };
    const byId = new Map((links.issues as Nodes<Links>).nodes.map((n) => [n.id, n]));
    return hits.map((hit) => {
      const more = byId.get(hit.id);
      return toCandidate({ ...hit, attachments: more?.attachments ?? { nodes: [] }, ...(more?.labels ? { labels: more.labels } : {}), project: more?.project ?? null });
    });
  }

  /** The issues linked to these GitHub issues (one request, however many); the caller checks repo and number. */
  async issuesLinkedTo(refs: Array<{ repo: string; number: number }>): Promise<Array<{ url: string; issue: LinearCandidateIssue }>> {
    if (refs.length === 0) return [];
    const filter = { or: refs.map((r) => ({ url: { endsWith: `/${r.repo}/issues/${r.number}` } })) };
    const data = await this.request(q.ISSUES_LINKED_TO, { filter, first: Math.min(250, refs.length * 5) });
    const nodes = (data.attachments as Nodes<{ url: string; issue: RawCandidate | null }>).nodes;
    return nodes.filter((n) => n.issue).map((n) => ({ url: n.url, issue: toCandidate(n.issue!) }));
  }

  /**
   * By id or identifier (`SUP-12`); undefined when Linear has no such issue. A filter rather than `issue(id:)`,
   * so a missing issue is an empty list, not an error to tell apart from the others.
   */
  async issueDetails(idOrIdentifier: string): Promise<LinearIssueDetails | undefined> {
    const identifier = /^([A-Za-z0-9]{1,10})-(\d+)$/.exec(idOrIdentifier.trim());
    const filter = identifier
      ? { team: { key: { eqIgnoreCase: identifier[1] } }, number: { eq: Number(identifier[2]) } }
      : { id: { eq: idOrIdentifier.trim() } };
    const data = await this.request(q.ISSUE_DETAILS, { filter });
    type Raw = Omit<LinearIssueDetails, 'attachments' | 'needs' | 'description'> & { description: string | null; attachments: Nodes<LinearAttachment>; needs: Nodes<LinearIssueDetails['needs'][number]> };
    const raw = (data.issues as Nodes<Raw>).nodes[0];
    if (!raw) return undefined;
    return { ...raw, description: raw.description ?? '', attachments: raw.attachments.nodes, needs: raw.needs.nodes };
  }

  async projectsNamed(name: string): Promise<LinearProject[]> {
    const data = await this.request(q.PROJECTS_BY_NAME, { name });
    return (data.projects as Nodes<LinearProject>).nodes;
  }

  /** Customers with this Pylon account id, any of these domains, or this name. */
  async customersMatching(match: { externalId?: string; domains: string[]; name?: string }): Promise<LinearCustomer[]> {
    const or: Array<Record<string, unknown>> = [];
    if (match.externalId) or.push({ externalIds: { some: { eq: match.externalId } } });
    for (const domain of match.domains) or.push({ domains: { some: { eqIgnoreCase: domain } } });
    if (match.name) or.push({ name: { eqIgnoreCase: match.name } });
    if (or.length === 0) return [];
    const data = await this.request(q.CUSTOMERS_MATCHING, { filter: { or } });
    return (data.customers as Nodes<LinearCustomer>).nodes;
  }

  /** Creates, or updates the customer with `id` / `externalId`: Linear's upsert. */
  async upsertCustomer(input: { id?: string; externalId?: string; name?: string; domains?: string[] }): Promise<string> {
    const payload = await this.sdk.customerUpsert(input);
    const id = payload.customerId;
    if (!payload.success || !id) throw new ServiceError('linear', 'Linear did not record the customer');
    return id;
  }

  /** Client-supplied id: a retried create can never make a second comment, and `commentById` finds it. */
  async createComment(input: { id: string; issueId: string; body: string }): Promise<{ id: string; url: string }> {
    const payload = await this.sdk.createComment(input);
    if (!payload.success || !payload.commentId) throw new ServiceError('linear', 'Linear did not create the comment');
    const comment = await this.commentById(payload.commentId);
    if (!comment) throw new ServiceError('linear', 'Linear created the comment but does not return it', { transient: true });
    return comment;
  }

  async commentById(id: string): Promise<{ id: string; url: string } | undefined> {
    const data = await this.request(q.COMMENT_BY_ID, { id });
    return (data.comments as Nodes<{ id: string; url: string }>).nodes[0];
  }

  /** A customer request ("need") on an issue; client-supplied id, looked up with `customerNeedById`. */
  async createCustomerNeed(input: { id: string; customerId: string; issueId: string; body?: string; attachmentId?: string }): Promise<string> {
    const payload = await this.sdk.createCustomerNeed(input);
    if (!payload.success || !payload.needId) throw new ServiceError('linear', 'Linear did not record the customer request');
    return payload.needId;
  }

  async customerNeedById(id: string): Promise<string | undefined> {
    const data = await this.request(q.CUSTOMER_NEED_BY_ID, { id });
    return (data.customerNeeds as Nodes<{ id: string }>).nodes[0]?.id;
  }

  // --- triage immediate -----------------------------------------------------------------------------------

  /** Linear's page size for the immediate list: one request per hundred issues. */
  static readonly IMMEDIATE_PAGE_SIZE = 100;

  /**
   * Open issues of these teams with these priorities, a page (one request) at a time. An issue with more
   * customer requests than a page reads is completed afterwards (CUSTOMER_NEEDS_OF_ISSUES), in bulk.
   */
  async *immediatePages(input: { teamKeys: string[]; priorities: number[] }): AsyncGenerator<LinearImmediateIssue[]> {
    const filter = {
      team: { key: { in: input.teamKeys } },
      priority: { in: input.priorities },
      state: { type: { nin: ['completed', 'canceled'] } },
    };
    let after: string | undefined;
    for (let page = 0; page < 10_000; page++) {
      const data = await this.request(q.IMMEDIATE_PAGE, { filter, first: LinearGateway.IMMEDIATE_PAGE_SIZE, ...(after ? { after } : {}) });
      const connection = data.issues as Nodes<RawImmediate> & { pageInfo: PageInfo };
      yield connection.nodes.map((n) => ({
        id: n.id,
        identifier: n.identifier,
        title: n.title,
        url: n.url,
        priority: n.priority,
        createdAt: n.createdAt,
        state: n.state,
        team: n.team,
        attachments: n.attachments.nodes,
        // A full page of links may hide more (Pylon tickets among them): the count is then a lower bound.
        moreLinks: n.attachments.nodes.length >= q.IMMEDIATE_ATTACHMENTS,
        needs: n.needs.nodes.map(toNeed),
        moreNeeds: n.needs.pageInfo.hasNextPage,
      }));
      if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
      after = connection.pageInfo.endCursor;
    }
  }

  /** Every customer request of these issues, by issue id: 250 a request, whatever the number of issues. */
  async customerNeedsOf(issueIds: string[]): Promise<Map<string, LinearImmediateIssue['needs']>> {
    const byIssue = new Map<string, LinearImmediateIssue['needs']>(issueIds.map((id) => [id, []]));
    for (let i = 0; i < issueIds.length; i += 100) {
      const ids = issueIds.slice(i, i + 100);
      let after: string | undefined;
      for (let page = 0; page < 10_000; page++) {
        const data = await this.request(q.CUSTOMER_NEEDS_OF_ISSUES, { ids, first: 250, ...(after ? { after } : {}) });
        const connection = data.customerNeeds as Nodes<RawNeed & { issue: { id: string } | null }> & { pageInfo: PageInfo };
        for (const need of connection.nodes) if (need.issue) byIssue.get(need.issue.id)?.push(toNeed(need));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
    }
    return byIssue;
  }
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface RawNeed {
  customer: { id: string } | null;
  attachment: { url: string } | null;
}

function toNeed(need: RawNeed): LinearImmediateIssue['needs'][number] {
  return { customerId: need.customer?.id ?? null, attachmentUrl: need.attachment?.url ?? null };
}

type RawCandidate = Omit<LinearCandidateIssue, 'attachments' | 'description' | 'labels' | 'project'> & {
  description: string | null;
  attachments: Nodes<{ url: string; title: string }>;
  labels?: Nodes<{ name: string }>;
  project?: { name: string } | null;
};

function toCandidate(raw: RawCandidate): LinearCandidateIssue {
  return { ...raw, description: raw.description ?? '', attachments: raw.attachments.nodes, labels: (raw.labels?.nodes ?? []).map((l) => l.name), project: raw.project?.name ?? null };
}

interface RawImmediate extends Omit<LinearImmediateIssue, 'attachments' | 'needs' | 'moreNeeds' | 'moreLinks'> {
  attachments: Nodes<{ url: string }>;
  needs: Nodes<RawNeed> & { pageInfo: { hasNextPage: boolean } };
}
