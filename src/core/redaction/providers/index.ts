import type { Candidate } from '../candidate.js';
import { detectPairs } from './pairs.js';
import { detectProviderTokens } from './scan.js';

export { FAMILIES } from './catalogue.js';
export { PAIR_RULES } from './pairs.js';

/** Every provider credential in a text: catalogue tokens, keyword assignments, and id + secret pairs. */
export function detectProviders(text: string): Candidate[] {
  const tokens = detectProviderTokens(text);
  const pairs = detectPairs(text, tokens);
  return pairs.length === 0 ? tokens : [...tokens, ...pairs];
}
