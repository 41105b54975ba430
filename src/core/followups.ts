import type { UpdateSituation } from './customer-update.js';
import { isPriority, PRIORITY_LABEL, type Priority } from './priority.js';
import { AGREED_METADATA_KEY } from './sync/agreed.js';

/**
 * `triage followups`: which customers are owed an update. Each linked pair (a Pylon ticket and its Linear issue)
 * is compared with what the customer was last told, which triage records on the Linear attachment that links the
 * ticket (next to the agreed priority, so a scheduled job and a laptop read the same thing):
 *
 *   { "triage": { "lastCustomerUpdate": { "at": "...", "stateType": "started", "stateName": "In Progress", "priority": "high" } } }
 *
 * With no record yet, the attachment's creation (the filing, when the first update was drafted) and the agreed
 * priority stand in for it.
 *
 * | reason            | when                                                                                  |
 * |-------------------|---------------------------------------------------------------------------------------|
 * | `done`            | the issue is Done, and the customer last heard of it while it was not                  |
 * | `canceled`        | the issue is Canceled, likewise                                                        |
 * | `etaMissed`       | open, its ETA day has passed, and nothing was said since before that day ended         |
 * | `priorityChanged` | open, and its priority is not the one the customer last heard                          |
 * | `stateChanged`    | open, and its workflow state is not the one the customer last heard                    |
 * | `staleUrgent`     | open, Urgent, and nothing was said for `followups.staleUrgentHours`                   |
 *
 * A closed issue is owed only its done/canceled update. The first reason decides the template: done, canceled,
 * etaMissed, else status.
 */

export const FOLLOWUP_REASONS = ['done', 'canceled', 'etaMissed', 'priorityChanged', 'stateChanged', 'staleUrgent'] as const;
export type FollowupReason = (typeof FOLLOWUP_REASONS)[number];

export interface LastCustomerUpdate {
  at: string;
  stateType?: string;
  stateName?: string;
  /** null: no priority. */
  priority?: Priority | null;
}

export interface FollowupInput {
  issue: { stateType: string; stateName: string; priority: Priority | null; completedAt?: string | null; canceledAt?: string | null };
  lastUpdate: LastCustomerUpdate | undefined;
  /** When the link was made (the filing), and the priority both sides agreed on then: the stand-in record. */
  baseline: { at: string; priority?: Priority | null | undefined };
  /** The ETA triage announced on the GitHub issue (YYYY-MM-DD), if any. */
  eta?: string | undefined;
  /** Today in the team's time zone (YYYY-MM-DD). */
  today: string;
  now: Date;
  staleUrgentHours: number;
}

export interface FollowupDecision {
  reasons: FollowupReason[];
  situation: UpdateSituation;
  /** In words, one per reason ("Done (was In Progress)"). */
  changes: string[];
  /** The last update (or its stand-in) the decision was made against. */
  since: string;
}

const LAST_UPDATE_KEY = 'lastCustomerUpdate';

function priorityWords(p: Priority | null | undefined): string {
  return p ? PRIORITY_LABEL[p] : 'no priority';
}

function hoursBetween(from: string, to: Date): number {
  return (to.getTime() - Date.parse(from)) / 3_600_000;
}

export function decideFollowup(input: FollowupInput): FollowupDecision | undefined {
  const { issue, lastUpdate } = input;
  const since = lastUpdate?.at ?? input.baseline.at;
  const reasons: FollowupReason[] = [];
  const changes: string[] = [];
  const was = lastUpdate?.stateName ? ` (was ${lastUpdate.stateName})` : '';

  for (const [type, reason, when] of [['completed', 'done', issue.completedAt], ['canceled', 'canceled', issue.canceledAt]] as const) {
    if (issue.stateType !== type) continue;
    const owed = lastUpdate?.stateType !== undefined ? lastUpdate.stateType !== type : !when || Date.parse(when) >= Date.parse(since);
    if (!owed) return undefined;
    reasons.push(reason);
    changes.push(`${issue.stateName}${was}`);
    return { reasons, situation: reason, changes, since };
  }
  if (issue.stateType === 'completed' || issue.stateType === 'canceled') return undefined;

  if (input.eta && input.eta < input.today && since.slice(0, 10) <= input.eta) {
    reasons.push('etaMissed');
    changes.push(`ETA ${input.eta} passed`);
  }
  const heard = lastUpdate ? lastUpdate.priority : input.baseline.priority;
  if (heard !== undefined && heard !== issue.priority) {
    reasons.push('priorityChanged');
    changes.push(`priority ${priorityWords(issue.priority)} (was ${priorityWords(heard)})`);
  }
  if (lastUpdate?.stateName && lastUpdate.stateName !== issue.stateName) {
    reasons.push('stateChanged');
    changes.push(`${issue.stateName}${was}`);
  }
  if (issue.priority === 'urgent' && hoursBetween(since, input.now) >= input.staleUrgentHours) {
    reasons.push('staleUrgent');
    changes.push(`Urgent, no update for ${Math.floor(hoursBetween(since, input.now))}h`);
  }
  if (reasons.length === 0) return undefined;
  return { reasons, situation: reasons[0] === 'etaMissed' ? 'etaMissed' : 'status', changes, since };
}

/** The record on an attachment's metadata, or undefined (none yet, or unreadable: treated the same). */
export function readLastUpdate(metadata: unknown): LastCustomerUpdate | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const own = (metadata as Record<string, unknown>)[AGREED_METADATA_KEY];
  if (typeof own !== 'object' || own === null) return undefined;
  const raw = (own as Record<string, unknown>)[LAST_UPDATE_KEY];
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at))) return undefined;
  const record: LastCustomerUpdate = { at: r.at };
  if (typeof r.stateType === 'string') record.stateType = r.stateType;
  if (typeof r.stateName === 'string') record.stateName = r.stateName;
  if (r.priority === null || r.priority === 'none') record.priority = null;
  else if (typeof r.priority === 'string' && isPriority(r.priority)) record.priority = r.priority;
  return record;
}

/** The metadata with the last update replaced; every other key (the agreed priority, anyone's) is kept. */
export function withLastUpdate(metadata: unknown, update: LastCustomerUpdate): Record<string, unknown> {
  const base = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? { ...(metadata as Record<string, unknown>) } : {};
  const previous = base[AGREED_METADATA_KEY];
  const own = typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? (previous as Record<string, unknown>) : {};
  const record = { at: update.at, stateType: update.stateType, stateName: update.stateName, priority: update.priority ?? 'none' };
  return { ...base, [AGREED_METADATA_KEY]: { ...own, [LAST_UPDATE_KEY]: record } };
}
