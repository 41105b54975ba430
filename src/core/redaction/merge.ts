import type { Candidate } from './candidate.js';
import { kindInfo } from './kinds.js';
import type { Confidence } from './types.js';

const CONFIDENCE_ORDER: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * Resolves overlapping detections into disjoint spans. Overlapping spans are unioned, never trimmed: cutting a
 * token in half leaks the other half. The merged span is named after the highest-ranked detection that covers
 * it; public prefixes/suffixes survive only when that detection covers the whole merged span.
 */
export function mergeCandidates(candidates: readonly Candidate[]): Candidate[] {
  const sorted = candidates
    .filter((c) => c.end > c.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length > 0) merged.push(resolveCluster(cluster, clusterEnd));
    cluster = [];
  };
  for (const c of sorted) {
    if (cluster.length > 0 && c.start < clusterEnd) {
      cluster.push(c);
      if (c.end > clusterEnd) clusterEnd = c.end;
    } else {
      flush();
      cluster = [c];
      clusterEnd = c.end;
    }
  }
  flush();
  return merged;
}

function better(a: Candidate, b: Candidate): boolean {
  const ra = kindInfo(a.kind).rank;
  const rb = kindInfo(b.kind).rank;
  if (ra !== rb) return ra > rb;
  if (CONFIDENCE_ORDER[a.confidence] !== CONFIDENCE_ORDER[b.confidence]) {
    return CONFIDENCE_ORDER[a.confidence] > CONFIDENCE_ORDER[b.confidence];
  }
  // Own detectors carry prefixes; prefer the one that keeps more public text.
  return (a.keepPrefix?.length ?? 0) + (a.keepSuffix?.length ?? 0) > (b.keepPrefix?.length ?? 0) + (b.keepSuffix?.length ?? 0);
}

function resolveCluster(cluster: Candidate[], end: number): Candidate {
  const first = cluster[0];
  if (!first) throw new Error('empty cluster');
  if (cluster.length === 1) return first;
  const start = first.start;
  let best: Candidate | undefined;
  let bestCovering: Candidate | undefined;
  let confidence: Confidence = 'low';
  for (const c of cluster) {
    if (!best || better(c, best)) best = c;
    if (c.start === start && c.end === end && (!bestCovering || better(c, bestCovering))) bestCovering = c;
    if (CONFIDENCE_ORDER[c.confidence] > CONFIDENCE_ORDER[confidence]) confidence = c.confidence;
  }
  if (!best) throw new Error('empty cluster');
  // A detection that covers the whole span names it (a customer name that contains a contact's surname is
  // still the customer; an email that contains a name is an email) — unless it hides a credential behind a
  // milder kind, in which case the credential's kind is what the review screen must show.
  if (bestCovering) {
    const hidesSecret = kindInfo(best.kind).category === 'secret' && kindInfo(bestCovering.kind).category !== 'secret';
    if (!hidesSecret) return { ...bestCovering, confidence };
  }
  return { kind: best.kind, key: best.key, start, end, confidence, rule: best.rule, why: best.why };
}
