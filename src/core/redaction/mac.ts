import type { Candidate } from './candidate.js';
import { contextWord, words } from './pii/context.js';

/**
 * MAC addresses in every common notation: six hex pairs joined by `:` or `-` (one separator throughout),
 * Cisco's dotted `0011.2233.4455`, and twelve bare hex digits. The dotted form counts when it has a hex
 * letter or a MAC word is near (dotted numbers are often versions or dates); the bare form only next to a MAC
 * word ("mac", "bssid", "hwaddr", "chaddr" …), since twelve hex digits are more often an id or a hash. All-zero
 * and broadcast addresses identify no device and survive.
 */

// Each pattern reads its first hex digit before looking behind it (`X(?<!B[^])` is `(?<!B)X` for a one-character
// X): a leading lookbehind makes the engine test every position of the text, a leading character class lets
// it skip to the hex digits (the dotted form ran six times faster on a support log).
const SEPARATED = /[0-9A-Fa-f](?<![\w:.-][^])[0-9A-Fa-f]([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-])/g;
const DOTTED = /[0-9A-Fa-f](?<![\w.:-][^])[0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.-])/g;
const BARE = /[0-9A-Fa-f](?<![\w:.-][^])[0-9A-Fa-f]{11}(?![\w:.-])/g;
const MAC_WORDS = words('mac|mac[ _-]?addr(?:ess)?|macaddress|bssid|hwaddr|hw[ _-]?addr(?:ess)?|chaddr|ether|hardware address|client[ _-]?mac|station|adresse mac|dirección mac|endereço mac|indirizzo mac', 'iu');

function push(found: Candidate[], text: string, start: number, end: number, why: string): void {
  const normal = text.slice(start, end).toLowerCase().replace(/[^0-9a-f]/g, '');
  if (/^0{12}$|^f{12}$/.test(normal)) return;
  found.push({ kind: 'mac', start, end, confidence: 'medium', key: normal.replace(/(..)(?!$)/g, '$1:'), rule: 'pattern', why });
}

export function detectMacs(text: string): Candidate[] {
  const found: Candidate[] = [];
  SEPARATED.lastIndex = 0;
  for (let m = SEPARATED.exec(text); m !== null; m = SEPARATED.exec(text)) {
    push(found, text, m.index, m.index + m[0].length, 'MAC address (six hex pairs)');
  }
  if (!/[0-9a-f]{4}/i.test(text)) return found;
  DOTTED.lastIndex = 0;
  for (let m = DOTTED.exec(text); m !== null; m = DOTTED.exec(text)) {
    const end = m.index + m[0].length;
    const word = contextWord(text, m.index, end, MAC_WORDS, { before: 32, after: 0 });
    if (!word && !/[a-f]/i.test(m[0])) continue;
    push(found, text, m.index, end, word ? `dotted MAC address next to "${word.toLowerCase()}"` : 'dotted (Cisco) MAC address');
  }
  if (/mac|bssid|hwaddr|hw.?addr|chaddr|ether|station/i.test(text)) {
    BARE.lastIndex = 0;
    for (let m = BARE.exec(text); m !== null; m = BARE.exec(text)) {
      const end = m.index + m[0].length;
      const word = contextWord(text, m.index, end, MAC_WORDS, { before: 24, after: 0 });
      if (word) push(found, text, m.index, end, `twelve hex digits next to "${word.toLowerCase()}"`);
    }
  }
  return found;
}
