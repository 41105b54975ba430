import type { Candidate } from './candidate.js';

/**
 * MAC addresses: six hex pairs joined by `:` or `-` (one separator throughout). All-zero and broadcast
 * addresses identify no device and survive. (Cisco's `0011.2233.4455` notation is not matched: it is too close
 * to dotted version numbers.)
 */
export function detectMacs(text: string): Candidate[] {
  const found: Candidate[] = [];
  const pattern = /(?<![\w:.-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-])/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const normal = m[0].toLowerCase().replace(/-/g, ':');
    if (normal === '00:00:00:00:00:00' || normal === 'ff:ff:ff:ff:ff:ff') continue;
    found.push({ kind: 'mac', start: m.index, end: m.index + m[0].length, confidence: 'medium', key: normal });
  }
  return found;
}
