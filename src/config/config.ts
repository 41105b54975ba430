import { DEFAULT_ETA_POLICY, type EtaPolicy } from '../core/eta.js';
import { DEFAULT_RUBRIC, type Rubric } from '../core/rubric.js';
import type { RoutingConfig } from '../core/routing.js';
import { DEFAULT_TEMPLATES, type TemplateSet } from '../core/templates.js';
import { DEFAULT_CUSTOMER_UPDATE_TEMPLATES, type CustomerUpdateTemplates } from '../core/customer-update.js';
import type { ExtraPattern } from '../core/redaction/types.js';
import type { Priority } from '../core/priority.js';
import type { ParsedConfig } from './schema.js';

/** The config as the rest of triage uses it: validated, with every default filled in. */
export interface TriageConfig {
  /** The file it came from, or a description ("built-in sandbox config"). */
  source: string;
  linear: {
    states: { prioritized: string; backlog: string };
    /** New feature tickets go into this project (the roadmap) ... */
    featureProject?: string;
    /** ... and/or get this label. */
    featureLabel?: string;
  };
  github: { skipForQuickFix: boolean };
  rubric: Rubric;
  eta: EtaPolicy & { timeZone?: string };
  routing: RoutingConfig;
  templates: TemplateSet & { customerUpdate: CustomerUpdateTemplates };
  redaction: { allow: string[]; extraPatterns: ExtraPattern[] };
  pylon: PylonConfig;
  oncall: OncallConfig;
  followups: FollowupsConfig;
}

export type PageTargetConfig = { type: 'pagerduty'; severity: 'critical' | 'error' | 'warning' | 'info' } | { type: 'slack'; channel?: string };

export interface OncallConfig {
  /** Paged, in this order, for every Urgent filing (unless `--no-page`). */
  page: PageTargetConfig[];
  resolveOnDone: boolean;
}

export interface FollowupsConfig {
  staleUrgentHours: number;
  postAs?: 'reply' | 'note';
  since: string;
}

export interface PylonConfig {
  region: 'us' | 'eu';
  /** The Pylon issue custom field that holds the priority, and its option slug for each triage priority. */
  priorityField: { slug: string; values: Record<Priority, string> };
  sync: {
    /** Who wins the first time a pair is seen with different priorities. */
    sourceOfTruth: 'pylon' | 'linear';
    /** Closed tickets updated within this long are still synced (`30d`, `12h`, `2w`). */
    since: string;
    /** Writes in flight at once. */
    concurrency: number;
    /** Pylon issues per search page (1-999). */
    pageSize: number;
  };
}

export function resolveConfig(parsed: ParsedConfig, source: string): TriageConfig {
  const eta: TriageConfig['eta'] = {
    businessDays: { ...DEFAULT_ETA_POLICY.businessDays, ...definedOnly(parsed.eta?.businessDays ?? {}) },
    holidays: parsed.eta?.holidays ?? DEFAULT_ETA_POLICY.holidays,
    weekend: parsed.eta?.weekend ?? DEFAULT_ETA_POLICY.weekend,
  };
  if (parsed.eta?.timeZone) eta.timeZone = parsed.eta.timeZone;
  const linear: TriageConfig['linear'] = { states: parsed.linear.states };
  if (parsed.linear.featureProject) linear.featureProject = parsed.linear.featureProject;
  if (parsed.linear.featureLabel) linear.featureLabel = parsed.linear.featureLabel;
  const { customerUpdate, ...ticketTemplates } = parsed.templates ?? {};
  const updates = Object.fromEntries(Object.entries(customerUpdate ?? {}).filter(([, v]) => v !== undefined)) as Partial<CustomerUpdateTemplates>;
  return {
    source,
    linear,
    github: parsed.github,
    rubric: parsed.rubric ?? DEFAULT_RUBRIC,
    eta,
    routing: parsed.routing,
    templates: { ...DEFAULT_TEMPLATES, ...ticketTemplates, customerUpdate: { ...DEFAULT_CUSTOMER_UPDATE_TEMPLATES, ...updates } },
    redaction: { allow: parsed.redaction?.allow ?? [], extraPatterns: parsed.redaction?.extraPatterns ?? [] },
    pylon: {
      region: parsed.pylon.region,
      priorityField: { slug: parsed.pylon.priorityField.slug, values: { ...parsed.pylon.priorityField.values } },
      sync: { ...parsed.pylon.sync },
    },
    oncall: { page: parsed.oncall.page.map((t) => (t.type === 'pagerduty' ? { type: 'pagerduty', severity: t.severity } : { type: 'slack', ...(t.channel ? { channel: t.channel } : {}) })), resolveOnDone: parsed.oncall.resolveOnDone },
    followups: { staleUrgentHours: parsed.followups.staleUrgentHours, since: parsed.followups.since, ...(parsed.followups.postAs ? { postAs: parsed.followups.postAs } : {}) },
  };
}

/** Drops keys whose value is undefined, so a spread keeps the default for them. */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
