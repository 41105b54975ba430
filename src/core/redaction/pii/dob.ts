import type { Candidate } from '../candidate.js';
import { contextWord, words } from './context.js';
import { findDates } from './dates.js';

/**
 * Dates of birth: any date (dates.ts) with a birth word near it, in English, German, French, Spanish,
 * Portuguese, Italian and Dutch. Other dates — timestamps, deadlines, release dates — are what an engineer
 * debugs with and stay.
 */

const DOB_WORDS = words(
  [
    'born', 'birth', 'birthday', 'birthdate', 'date of birth', 'dob', 'd\\.o\\.b\\.?', 'b-?day',
    'geboren', 'geb\\.', 'geburtsdatum', 'geburtstag', 'geburt',
    'né', 'née', 'né\\(e\\)', 'nee le', 'date de naissance', 'naissance',
    'nacid[oa]', 'fecha de nacimiento', 'nacimiento', 'f\\. ?nac\\.?', 'fec\\. nac\\.?',
    'nascid[oa]', 'data de nascimento', 'nascimento',
    'nat[oa]', 'data di nascita', 'nascita',
    'geboortedatum', 'geboren op', 'geb\\. datum',
  ].join('|'),
);
const ANY_DOB_WORD = /born|birth|dob|d\.o\.b|b-?day|geb|né|nee|naissance|nac|nasc|nat[oa]|geboorte/i;

/**
 * `ANY_DOB_WORD` with the case folding of `DOB_WORDS` (Unicode), global: every birth word that the context
 * check can find in any slice of a line (where a cut may have removed its boundary) holds one of these.
 */
const ANY_DOB_WORD_GLOBAL = new RegExp(ANY_DOB_WORD.source, 'giu');

/**
 * The dates on the lines that may hold a birth word, in offsets of the text. A date pairs only with a word on its
 * own line (the window before starts at the line, the one after stops at its end), and no date pattern reads
 * across a line break or sees more of its neighbours than a line break shows, so the dates of other lines cannot
 * matter: a log of a million lines with one "born" in it has one line read for dates, not all of them.
 */
function datesOnBirthLines(text: string): Array<{ start: number; end: number }> {
  const dates: Array<{ start: number; end: number }> = [];
  let lineEnd = -1;
  ANY_DOB_WORD_GLOBAL.lastIndex = 0;
  for (let m = ANY_DOB_WORD_GLOBAL.exec(text); m !== null; m = ANY_DOB_WORD_GLOBAL.exec(text)) {
    if (m.index < lineEnd) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const next = text.indexOf('\n', m.index);
    lineEnd = next < 0 ? text.length : next;
    for (const d of findDates(text.slice(lineStart, lineEnd))) dates.push({ start: lineStart + d.start, end: lineStart + d.end });
    ANY_DOB_WORD_GLOBAL.lastIndex = lineEnd;
  }
  return dates;
}

export function detectDatesOfBirth(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!ANY_DOB_WORD.test(text)) return found;
  const dates = datesOnBirthLines(text).sort((a, b) => a.start - b.start);
  let previousEnd = 0;
  for (const [i, d] of dates.entries()) {
    // The birth word must be on the same line, and not belong to an earlier date ("born 1985-03-03, joined 2019-…").
    const window = text.slice(Math.max(0, d.start - 48), d.start);
    const lineStart = d.start - window.length + window.lastIndexOf('\n') + 1;
    // …nor belong to a date an earlier pass already replaced ("born on [DOB_1] and signed up on 2024-…").
    const replaced = d.start - window.length + window.lastIndexOf(']') + 1;
    const from = Math.max(lineStart, previousEnd, replaced, d.start - 48);
    previousEnd = Math.max(previousEnd, d.end);
    const word = contextWord(text, d.start, d.end, DOB_WORDS, { before: d.start - from, after: Math.max(0, Math.min(24, (dates[i + 1]?.start ?? Infinity) - d.end)) });
    if (!word) continue;
    found.push({
      kind: 'dob',
      start: d.start,
      end: d.end,
      confidence: 'medium',
      key: text.slice(d.start, d.end),
      rule: 'context',
      why: `a date near the word "${word.toLowerCase()}"`,
    });
  }
  return found;
}
