import type { Category } from './kinds.js';
import type { RedactionTarget } from './types.js';

/**
 * Linear is internal: the team may see which customer a ticket is about and who reported it, so the company
 * (names, domains) and contact names survive there. Secrets, personal data, `--term`s and config patterns are
 * stripped everywhere. The table at the top of index.ts spells this out.
 */
const STRIPPED: Readonly<Record<RedactionTarget, ReadonlySet<Category>>> = {
  github: new Set<Category>(['secret', 'personal', 'company', 'contact_name', 'term', 'custom']),
  linear: new Set<Category>(['secret', 'personal', 'term', 'custom']),
};

export function isRedactionTarget(value: unknown): value is RedactionTarget {
  return value === 'github' || value === 'linear';
}

export function strips(target: RedactionTarget, category: Category): boolean {
  return STRIPPED[target].has(category);
}
