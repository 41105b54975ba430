import { detectAssignments } from './assignments.js';
import { detectProseCredentials } from './prose-credentials.js';
import type { Candidate } from './candidate.js';
import { detectCards } from './card.js';
import { detectEmails } from './email.js';
import { findBase64Runs, findEscapedRuns, findUrlEncodedRuns } from './encoded.js';
import { detectExtraPatterns, type CompiledPattern } from './extra-patterns.js';
import { detectHeaders } from './http-headers.js';
import { detectIbans } from './iban.js';
import { detectIdentity, type IdentityMatcher } from './identity.js';
import { detectIps } from './ip.js';
import { detectJoinedCredentials } from './joined-credentials.js';
import { benignSpansAround, insideAny, overlapsAny } from './keep-rules.js';
import { kindInfo } from './kinds.js';
import { detectMacs } from './mac.js';
import type { PhoneBudget, PhoneDetector } from './phone.js';
import { placeholderSpans, type Span } from './placeholders.js';
import { strips } from './policy.js';
import { detectPrivateKeys } from './private-key.js';
import { detectProviders } from './providers/index.js';
import { detectSsns } from './ssn.js';
import { detectStructure } from './structure/index.js';
import { detectContextualPii } from './pii/index.js';
import type { RedactionTarget } from './types.js';
import { detectUrlCredentials } from './url-credentials.js';

/**
 * Runs every detector over a text and returns what the target strips, minus what must be kept. Encoded runs
 * are decoded and scanned with the same detectors (two levels deep: base64 inside a URL-encoded value and the
 * other way round), and become one detection covering the whole encoded run.
 */

const MAX_DEPTH = 2;
const SEPARATOR = '\n\u0000\n';

export interface EngineConfig {
  target: RedactionTarget;
  identity: readonly IdentityMatcher[];
  extraPatterns: readonly CompiledPattern[];
  allow: readonly string[];
  /** Matches the placeholders this engine writes; they are kept, which makes redaction idempotent. */
  placeholder: RegExp;
  phones: PhoneDetector;
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

function allowSpans(text: string, allow: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const value of allow) {
    if (value.length === 0) continue;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) {
      spans.push({ start: at, end: at + value.length });
    }
  }
  return spans;
}

function rankOf(c: Candidate): number {
  return kindInfo(c.kind).rank;
}

export class DetectionEngine {
  constructor(private readonly config: EngineConfig) {}

  async detect(text: string, depth: number, budget: PhoneBudget): Promise<Candidate[]> {
    const { config } = this;
    const ph = config.placeholder;
    const candidates: Candidate[] = [
      ...detectProviders(text),
      ...detectPrivateKeys(text),
      ...detectUrlCredentials(text, ph),
      ...detectHeaders(text, ph),
      ...detectStructure(text, ph),
      ...detectAssignments(text, ph),
      ...detectProseCredentials(text, ph),
      ...detectJoinedCredentials(text),
      ...detectEmails(text),
      ...(await config.phones.detect(text, budget)),
      ...detectCards(text),
      ...detectIbans(text),
      ...detectSsns(text),
      ...detectIps(text),
      ...detectMacs(text),
      ...detectContextualPii(text),
      ...detectIdentity(text, config.identity),
      ...detectExtraPatterns(text, config.extraPatterns),
    ];
    if (depth < MAX_DEPTH) {
      for (const c of await this.detectEncoded(text, depth, budget)) candidates.push(c);
    }
    return this.filter(text, candidates);
  }

  /**
   * All decoded runs of a text are scanned in one pass, joined by a separator no detector reads across (a
   * NUL between line breaks), so that thousands of tiny runs cost one scan rather than thousands.
   */
  private async detectEncoded(text: string, depth: number, budget: PhoneBudget): Promise<Candidate[]> {
    const runs = [...findUrlEncodedRuns(text), ...findBase64Runs(text), ...findEscapedRuns(text)];
    if (runs.length === 0) return [];
    const offsets: number[] = [];
    const parts: string[] = [];
    let length = 0;
    for (const run of runs) {
      offsets.push(length);
      parts.push(run.decoded, SEPARATOR);
      length += run.decoded.length + SEPARATOR.length;
    }
    const inner = await this.detect(parts.join(''), depth + 1, budget);
    const best = new Map<number, Candidate>();
    for (const c of inner) {
      // the run whose decoded text holds the start of this detection
      let lo = 0;
      let hi = offsets.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((offsets[mid] ?? 0) <= c.start) lo = mid;
        else hi = mid - 1;
      }
      const current = best.get(lo);
      if (!current || rankOf(c) > rankOf(current)) best.set(lo, c);
    }
    const found: Candidate[] = [];
    for (const [index, c] of best) {
      const run = runs[index];
      if (run) found.push({ kind: c.kind, start: run.start, end: run.end, confidence: c.confidence, key: c.key });
    }
    return found;
  }

  private filter(text: string, candidates: Candidate[]): Candidate[] {
    const { config } = this;
    const keep = mergeSpans([...placeholderSpans(text, config.placeholder), ...allowSpans(text, config.allow)]);
    let benign: Span[] | undefined;
    const weak = candidates.filter((c) => c.weak);
    return candidates.filter((c) => {
      if (c.end <= c.start || !strips(config.target, kindInfo(c.kind).category)) return false;
      if (insideAny(keep, c.start, c.end)) return false;
      if (c.weak) {
        // Benign strings are only looked for around weak detections, not over the whole text.
        benign ??= benignSpansAround(text, weak);
        if (overlapsAny(benign, c.start, c.end)) return false;
      }
      return true;
    });
  }
}
