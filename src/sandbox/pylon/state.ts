/**
 * The Pylon emulator's world as plain JSON. Issues, messages, custom fields, accounts, contacts and users are
 * stored in the shapes Pylon's OpenAPI description gives them (`Issue`, `Message`, `CustomFieldDefinition`, ...),
 * so responses are the stored objects plus what is derived (the issue `link`).
 */
import { randomUUID } from 'node:crypto';

export interface PylonOrg {
  id: string;
  name: string;
}

export interface PylonUser {
  id: string;
  name: string;
  email: string;
  emails: string[];
  avatar_url?: string;
  role_id?: string;
  status: string;
}

export interface PylonToken {
  token: string;
  /** The user the token acts as when a reply or note names no author. */
  user_id?: string;
}

export interface PylonTeam {
  id: string;
  name: string;
}

export interface PylonCustomFieldValue {
  slug: string;
  value?: string;
  values?: string[];
}

export interface PylonExternalId {
  external_id: string;
  label: string;
}

export interface PylonAccount {
  id: string;
  name: string;
  domain?: string;
  domains: string[];
  primary_domain?: string;
  type?: string;
  tags: string[];
  external_ids: PylonExternalId[];
  custom_fields: Record<string, PylonCustomFieldValue>;
  owner?: { id: string; email: string };
  is_disabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface PylonContact {
  id: string;
  name: string;
  email: string;
  emails: string[];
  account?: { id: string };
  avatar_url?: string;
  custom_fields: Record<string, PylonCustomFieldValue>;
}

export type PylonCustomFieldType = 'select' | 'multiselect' | 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'user' | 'url';

export interface PylonCustomField {
  id: string;
  slug: string;
  label: string;
  type: PylonCustomFieldType;
  object_type: 'issue' | 'account' | 'contact' | 'task' | 'project' | 'call_recording';
  description?: string;
  is_read_only: boolean;
  source?: string;
  select_metadata?: { options: Array<{ slug: string; label: string }> };
  default_value?: string;
  default_values?: string[];
  created_at: string;
  updated_at: string;
}

export interface PylonExternalIssue {
  source: string;
  external_id: string;
  link?: string;
}

export interface PylonIssue {
  id: string;
  number: number;
  title: string;
  body_html: string;
  /** `new`, `waiting_on_you`, `waiting_on_customer`, `on_hold`, `closed`, or a custom status slug. */
  state: string;
  type: 'conversation' | 'ticket';
  source: string;
  account?: { id: string };
  requester?: { id: string; email: string };
  assignee?: { id: string; email: string };
  team?: { id: string };
  tags: string[];
  custom_fields: Record<string, PylonCustomFieldValue>;
  external_issues: PylonExternalIssue[];
  attachment_urls: string[];
  customer_portal_visible: boolean;
  created_at: string;
  updated_at: string;
  latest_message_time: string;
  resolution_time?: string;
}

export interface PylonMessageAuthor {
  name: string;
  avatar_url?: string;
  user?: { id: string; email: string };
  contact?: { id: string; email: string };
}

export interface PylonMessage {
  id: string;
  /** Not part of Pylon's `Message`; stripped from responses. */
  issue_id: string;
  message_html: string;
  is_private: boolean;
  author: PylonMessageAuthor;
  source: string;
  /** Set for internal notes only. */
  thread_id?: string;
  file_urls: string[];
  timestamp: string;
}

export interface PylonThread {
  id: string;
  issue_id: string;
  name: string;
}

export interface PylonState {
  org: PylonOrg;
  users: PylonUser[];
  tokens: PylonToken[];
  teams: PylonTeam[];
  accounts: PylonAccount[];
  contacts: PylonContact[];
  customFields: PylonCustomField[];
  /** Custom status slugs accepted besides the five built-in states. */
  customStatuses: string[];
  issues: PylonIssue[];
  messages: PylonMessage[];
  threads: PylonThread[];
}

export const BUILT_IN_STATES = ['new', 'waiting_on_you', 'waiting_on_customer', 'on_hold', 'closed'] as const;

export interface PylonStateInput {
  org?: Partial<PylonOrg>;
  users?: Array<Partial<PylonUser> & { email: string }>;
  tokens?: PylonToken[];
  teams?: Array<Partial<PylonTeam> & { name: string }>;
  accounts?: Array<Partial<PylonAccount> & { name: string }>;
  contacts?: Array<Partial<PylonContact> & { email: string }>;
  customFields?: Array<Partial<PylonCustomField> & { slug: string }>;
  customStatuses?: string[];
  issues?: Array<Partial<PylonIssue> & { title: string }>;
  messages?: Array<Partial<PylonMessage> & { issue_id: string; message_html: string }>;
  threads?: PylonThread[];
}

const SEED_EPOCH = Date.parse('2025-01-06T09:00:00Z');

/** Seeded objects get timestamps a minute apart from a fixed epoch, so fixtures are deterministic. */
export function pylonSeedTime(index: number): string {
  return new Date(SEED_EPOCH + index * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nameFromEmail(email: string): string {
  return email.split('@')[0] ?? email;
}

/**
 * Builds a complete state from a tiny fixture. Every issue without messages gets the customer's opening message
 * (from the requester, with the issue body), because a reply must name a message to reply to.
 */
export function createPylonState(input: PylonStateInput = {}): PylonState {
  let clock = 0;
  const org: PylonOrg = { id: input.org?.id ?? randomUUID(), name: input.org?.name ?? 'Acme Support' };
  const users: PylonUser[] = (input.users ?? []).map((u) => ({
    id: u.id ?? randomUUID(),
    name: u.name ?? nameFromEmail(u.email),
    email: u.email,
    emails: u.emails ?? [u.email],
    ...(u.avatar_url ? { avatar_url: u.avatar_url } : {}),
    ...(u.role_id ? { role_id: u.role_id } : {}),
    status: u.status ?? 'active',
  }));
  const teams: PylonTeam[] = (input.teams ?? []).map((t) => ({ id: t.id ?? randomUUID(), name: t.name }));
  const accounts: PylonAccount[] = (input.accounts ?? []).map((a) => {
    const created = a.created_at ?? pylonSeedTime(clock++);
    const domains = a.domains ?? [];
    const primary = a.primary_domain ?? domains[0];
    return {
      id: a.id ?? randomUUID(),
      name: a.name,
      domains,
      ...(primary ? { primary_domain: primary, domain: a.domain ?? primary } : {}),
      ...(a.type ? { type: a.type } : {}),
      tags: a.tags ?? [],
      external_ids: a.external_ids ?? [],
      custom_fields: a.custom_fields ?? {},
      ...(a.owner ? { owner: a.owner } : {}),
      is_disabled: a.is_disabled ?? false,
      created_at: created,
      updated_at: a.updated_at ?? created,
    };
  });
  const contacts: PylonContact[] = (input.contacts ?? []).map((c) => ({
    id: c.id ?? randomUUID(),
    name: c.name ?? nameFromEmail(c.email),
    email: c.email,
    emails: c.emails ?? [c.email],
    ...(c.account ? { account: { id: c.account.id } } : {}),
    ...(c.avatar_url ? { avatar_url: c.avatar_url } : {}),
    custom_fields: c.custom_fields ?? {},
  }));
  const customFields: PylonCustomField[] = (input.customFields ?? []).map((f) => {
    const created = f.created_at ?? pylonSeedTime(0);
    const type = f.type ?? (f.select_metadata ? 'select' : 'text');
    return {
      id: f.id ?? randomUUID(),
      slug: f.slug,
      label: f.label ?? f.slug,
      type,
      object_type: f.object_type ?? 'issue',
      ...(f.description ? { description: f.description } : {}),
      is_read_only: f.is_read_only ?? false,
      source: f.source ?? 'pylon',
      ...(f.select_metadata ? { select_metadata: { options: f.select_metadata.options.map((o) => ({ ...o })) } } : {}),
      ...(f.default_value !== undefined ? { default_value: f.default_value } : {}),
      ...(f.default_values !== undefined ? { default_values: f.default_values } : {}),
      created_at: created,
      updated_at: f.updated_at ?? created,
    };
  });

  const issues: PylonIssue[] = [];
  for (const i of input.issues ?? []) {
    const created = i.created_at ?? pylonSeedTime(clock++);
    const number = i.number ?? issues.reduce((max, x) => Math.max(max, x.number), 0) + 1;
    const requester = i.requester ?? (contacts[0] ? { id: contacts[0].id, email: contacts[0].email } : undefined);
    const account =
      i.account ?? (requester ? contacts.find((c) => c.id === requester.id)?.account : undefined) ?? (accounts[0] ? { id: accounts[0].id } : undefined);
    issues.push({
      id: i.id ?? randomUUID(),
      number,
      title: i.title,
      body_html: i.body_html ?? `<p>${i.title}</p>`,
      state: i.state ?? 'new',
      type: i.type ?? 'conversation',
      source: i.source ?? 'email',
      ...(account ? { account: { id: account.id } } : {}),
      ...(requester ? { requester: { id: requester.id, email: requester.email } } : {}),
      ...(i.assignee ? { assignee: i.assignee } : {}),
      ...(i.team ? { team: i.team } : {}),
      tags: i.tags ?? [],
      custom_fields: i.custom_fields ?? {},
      external_issues: i.external_issues ?? [],
      attachment_urls: i.attachment_urls ?? [],
      customer_portal_visible: i.customer_portal_visible ?? false,
      created_at: created,
      updated_at: i.updated_at ?? created,
      latest_message_time: i.latest_message_time ?? created,
      ...(i.resolution_time ? { resolution_time: i.resolution_time } : {}),
    });
  }

  const messages: PylonMessage[] = (input.messages ?? []).map((m) => ({
    id: m.id ?? randomUUID(),
    issue_id: m.issue_id,
    message_html: m.message_html,
    is_private: m.is_private ?? false,
    author: m.author ?? { name: 'Customer' },
    source: m.source ?? 'email',
    ...(m.thread_id ? { thread_id: m.thread_id } : {}),
    file_urls: m.file_urls ?? [],
    timestamp: m.timestamp ?? pylonSeedTime(clock++),
  }));
  for (const issue of issues) {
    if (messages.some((m) => m.issue_id === issue.id)) continue;
    const contact = issue.requester ? contacts.find((c) => c.id === issue.requester!.id) : undefined;
    messages.push({
      id: randomUUID(),
      issue_id: issue.id,
      message_html: issue.body_html,
      is_private: false,
      author: contact ? { name: contact.name, contact: { id: contact.id, email: contact.email } } : { name: 'Customer' },
      source: issue.source,
      file_urls: [],
      timestamp: issue.created_at,
    });
  }

  return {
    org,
    users,
    tokens: (input.tokens ?? []).map((t) => ({ ...t })),
    teams,
    accounts,
    contacts,
    customFields,
    customStatuses: input.customStatuses ?? [],
    issues,
    messages,
    threads: (input.threads ?? []).map((t) => ({ ...t })),
  };
}
