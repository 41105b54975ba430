import type { TriageConfig } from '../config/config.js';
import type { Draft } from './draft.js';
import { createRedactor } from './redaction/index.js';
import type { KnownIdentity, Redactor } from './redaction/types.js';

/** One redactor per destination, both knowing who the ticket is about and the team's extra rules. */
export function createRedactors(draft: Draft, config: Pick<TriageConfig, 'redaction'>): { linear: Redactor; github: Redactor } {
  const identity: KnownIdentity = {
    customers: [draft.customer.name].filter(Boolean),
    domains: draft.customer.domains,
    contacts: draft.customer.contacts,
    terms: draft.terms,
  };
  const shared = { identity, allow: config.redaction.allow, extraPatterns: config.redaction.extraPatterns };
  return {
    linear: createRedactor({ target: 'linear', ...shared }),
    github: createRedactor({ target: 'github', ...shared }),
  };
}
