/**
 * Pylon's objects as triage reads them: the fields of Pylon's OpenAPI `Issue`, `Account`, `Contact`,
 * `CustomFieldDefinition` and `Message` that triage uses. Pylon sends more; the rest is ignored.
 */

/** `GET /me`: the organization the token belongs to. */
export interface PylonMe {
  id: string;
  name: string;
}

export interface PylonCustomFieldValue {
  slug: string;
  value?: string;
  values?: string[];
}

export interface PylonExternalIssue {
  /** "linear", "github", "jira", ... */
  source: string;
  /** Linear: the issue's UUID. GitHub: `owner/repo/number`. */
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
  /** The ticket in Pylon's web app. */
  link: string;
  type?: string;
  account?: { id: string };
  requester?: { id: string; email?: string };
  assignee?: { id: string; email?: string };
  team?: { id: string };
  tags?: string[];
  custom_fields: Record<string, PylonCustomFieldValue>;
  external_issues: PylonExternalIssue[];
  created_at: string;
  updated_at?: string;
  latest_message_time?: string;
}

/** `GET /users`: the organization's members (the engineers a ticket is assigned to). */
export interface PylonUser {
  id: string;
  name: string;
  email?: string;
  emails?: string[];
}

export interface PylonAccount {
  id: string;
  name: string;
  domain?: string;
  domains?: string[];
  primary_domain?: string;
}

export interface PylonContact {
  id: string;
  name: string;
  email?: string;
  emails?: string[];
  account?: { id: string };
}

export interface PylonCustomFieldOption {
  slug: string;
  label: string;
}

export interface PylonCustomField {
  id: string;
  slug: string;
  label: string;
  type: string;
  object_type: string;
  is_read_only?: boolean;
  select_metadata?: { options: PylonCustomFieldOption[] };
}

export type PylonObjectType = 'account' | 'issue' | 'contact' | 'task' | 'project' | 'call_recording';

export interface PylonMessageAuthor {
  name?: string;
  user?: { id: string; email?: string };
  contact?: { id: string; email?: string };
}

export interface PylonMessage {
  id: string;
  message_html: string;
  is_private: boolean;
  author?: PylonMessageAuthor;
  source?: string;
  thread_id?: string;
  timestamp: string;
}

/** A node of Pylon's search filter language (`POST /issues/search`). */
export type PylonFilter =
  | { field: string; operator: string; value?: string; values?: string[] }
  | { operator: 'and' | 'or'; subfilters: PylonFilter[] };

export interface PylonPage<T> {
  data: T[];
  /** Pass back as `cursor` for the next page; undefined on the last page. */
  cursor: string | undefined;
  hasNextPage: boolean;
}

export interface ExternalIssueLink {
  source: string;
  external_issue_id: string;
  operation?: 'link' | 'unlink';
}

export interface CustomFieldUpdate {
  slug: string;
  /** A select field takes the option's slug; null or '' unsets the field. */
  value?: string | null;
  values?: string[];
}

export interface PylonReplyInput {
  body_html: string;
  /** The message replied to (from `messages()`); Pylon requires it. */
  message_id: string;
  user_id?: string;
  contact_id?: string;
  attachment_urls?: string[];
}

export interface PylonNoteInput {
  body_html: string;
  thread_id?: string;
  message_id?: string;
  thread_name?: string;
  user_id?: string;
  attachment_urls?: string[];
}

export interface PylonMessageRef {
  id: string;
  issue_id: string;
}
