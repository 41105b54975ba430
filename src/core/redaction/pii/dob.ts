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

export function detectDatesOfBirth(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!ANY_DOB_WORD.test(text)) return found;
  const dates = findDates(text).sort((a, b) => a.start - b.start);
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
