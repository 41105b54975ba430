import type { Confidence } from './types.js';

/**
 * A detection before overlaps are resolved and placeholders are numbered. It never carries the value itself,
 * only `key`, which stays inside the redactor to give equal values equal numbers.
 */
export interface Candidate {
  kind: string;
  start: number;
  end: number;
  confidence: Confidence;
  /** What makes two detections "the same value" (a lower-cased email, an E.164 number, the token itself). */
  key: string;
  /** Public text kept before the placeholder (`ghp_`, a PEM header line); equals the start of the span. */
  keepPrefix?: string;
  /** Public text kept after the placeholder (a PEM footer line); equals the end of the span. */
  keepSuffix?: string;
  /** Heuristic detections that yield to benign look-alikes (a phone number inside a date or a UUID). */
  weak?: boolean;
  /** Which rule family found it (`key-name`, `context`, `validator`, …), for `--explain`. */
  rule?: string;
  /** Why, in words that never quote the value (a key name, a context word, a validator). */
  why?: string;
}
