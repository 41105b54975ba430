import { isPriority, type Priority } from '../priority.js';

/**
 * The last priority both sides agreed on, kept in the metadata of the Linear attachment that links the Pylon
 * ticket: every runner (laptops, scheduled jobs) reads the same value, and it lives as long as the link does.
 *
 *   { "triage": { "lastAgreedPriority": "high", "agreedAt": "2026-03-01T09:00:00.000Z" } }
 *
 * "none" records that both sides agreed on no priority.
 */
export const AGREED_METADATA_KEY = 'triage';

/** A side's priority: one of the four, or null for none. */
export type SidePriority = Priority | null;

export interface AgreedRecord {
  lastAgreedPriority: Priority | 'none';
  agreedAt: string;
}

/** undefined when the pair was never synced (or the record is unreadable: treated the same, safely). */
export function readAgreed(metadata: unknown): SidePriority | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const record = (metadata as Record<string, unknown>)[AGREED_METADATA_KEY];
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>).lastAgreedPriority;
  if (value === 'none') return null;
  return typeof value === 'string' && isPriority(value) ? value : undefined;
}

/** The metadata with the agreed value replaced; every other key (ours or anyone's) is kept. */
export function withAgreed(metadata: unknown, agreed: SidePriority, at: Date): Record<string, unknown> {
  const base = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? { ...(metadata as Record<string, unknown>) } : {};
  const previous = base[AGREED_METADATA_KEY];
  const own = typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? (previous as Record<string, unknown>) : {};
  const record: AgreedRecord = { lastAgreedPriority: agreed ?? 'none', agreedAt: at.toISOString() };
  return { ...base, [AGREED_METADATA_KEY]: { ...own, ...record } };
}
