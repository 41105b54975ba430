import type { Candidate } from './candidate.js';

/**
 * US Social Security numbers: `AAA-GG-SSSS` (or spaced), and a bare nine-digit run right after "SSN" /
 * "social security". Numbers the SSA never issues are left alone: area 000, 666 or 900–999, group 00,
 * serial 0000.
 */

export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export function detectSsns(text: string): Candidate[] {
  const found: Candidate[] = [];
  const grouped = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/g;
  for (let m = grouped.exec(text); m !== null; m = grouped.exec(text)) {
    if (!ssnValid(m[1] ?? '', m[3] ?? '', m[4] ?? '')) continue;
    // Spaced digits are far more often something else; only take them after an SSN word.
    if (m[2] === ' ' && !/ssn|social/i.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    found.push({ kind: 'ssn', start: m.index, end: m.index + m[0].length, confidence: m[2] === '-' ? 'high' : 'medium', key: `${m[1]}${m[3]}${m[4]}` });
  }
  if (/ssn|social/i.test(text)) {
    const bare = /(?<![\w-])(\d{3})(\d{2})(\d{4})(?![\w-])/g;
    for (let m = bare.exec(text); m !== null; m = bare.exec(text)) {
      if (!ssnValid(m[1] ?? '', m[2] ?? '', m[3] ?? '')) continue;
      if (!/\b(?:ssn|social[\s-]{1,3}security)\b/i.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
      found.push({ kind: 'ssn', start: m.index, end: m.index + 9, confidence: 'medium', key: m[0] });
    }
  }
  return found;
}
