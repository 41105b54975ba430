import type { Candidate } from '../candidate.js';
import { classifyKeyName } from '../keys/classify.js';
import { readAssignments } from './assign.js';
import { readCommandLines } from './command-line.js';
import { readIndentedRecords, readInlineRecords } from './person-record.js';
import { readJsonLike } from './json.js';
import { readLines } from './lines.js';
import { readMarkup } from './markup.js';
import type { PairSink } from './pairs.js';
import { readSql } from './sql.js';
import { judgePair } from './values.js';

/**
 * The structure-aware pass: every reader (JSON-like objects, assignments in config and code syntaxes, XML,
 * tables and line records, SQL) reports `key → value` pairs in offsets of the original text, and one judge
 * decides what goes. A reader that meets text it cannot read stops there, and the pattern pass still reads
 * everything: structure only ever adds detections.
 */
const readPeople = (text: string, sink: PairSink): void => {
  readIndentedRecords(text, (k, s, e, via) => sink(k, s, e, 'yaml record', via));
  readInlineRecords(text, (k, s, e, via) => sink(k, s, e, 'record', via));
};

export function detectStructure(text: string, placeholder?: RegExp): Candidate[] {
  const found: Candidate[] = [];
  // Two readers may report the same pair (a JSON member is also an assignment); merging the detections
  // later makes that harmless, so no bookkeeping here.
  const sink: PairSink = (key, start, end, syntax, via, bare) => {
    if (end <= start) return;
    const verdict = classifyKeyName(key);
    if (!verdict) return;
    for (const c of judgePair(text, verdict, start, end, { syntax, via: via ?? key, code: bare }, placeholder)) found.push(c);
  };
  const readers: Array<(t: string, s: PairSink) => void> = [readAssignments, readJsonLike, readMarkup, readLines, readSql, readCommandLines, readPeople];
  for (const read of readers) {
    try {
      read(text, sink);
    } catch {
      // A reader that trips over hostile input gives up on it; the pattern pass still runs.
    }
  }
  return found;
}
