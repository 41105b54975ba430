import { randomUUID } from 'node:crypto';
import { createLinearState, type LinearState } from '../../src/sandbox/linear/emulator.js';
import { createPylonState, type PylonState } from '../../src/sandbox/pylon/state.js';
import { testTokens } from './tokens.js';

const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export const SYNC_WEB_URL = 'https://app.usepylon.com';

export interface SyncWorkspace {
  linear: LinearState;
  pylon: PylonState;
  tokens: ReturnType<typeof testTokens>;
  /** Pylon ticket number of pair i. */
  numberOf(i: number): number;
  linearIdOf(i: number): string;
}

/**
 * `pairs` Pylon tickets each linked to its own Linear issue, never synced before (no agreed record), of which the
 * first `drifted` differ between the two sides; the rest already agree. Tickets spread over `accounts` customers.
 */
export function syncWorkspace(options: { pairs: number; drifted: number; accounts: number }): SyncWorkspace {
  const tokens = testTokens();
  const linearIds = Array.from({ length: options.pairs }, () => randomUUID());
  const linear = createLinearState({
    users: [{ email: 'sam@acme.example', name: 'Sam Rivera', admin: true }],
    apiKeys: [{ key: tokens.linear, userId: 'sam@acme.example' }],
    teams: [{ key: 'SUP', name: 'Support Engineering' }],
    issues: linearIds.map((id, i) => ({ id, teamId: 'SUP', title: `Issue ${i}`, priority: 1 + (i % 4) })),
  });
  const accounts = Array.from({ length: options.accounts }, (_, i) => ({ id: randomUUID(), name: `Customer ${i}`, domains: [`customer${i}.example`] }));
  const pylon = createPylonState({
    users: [{ email: 'sam@acme.example', name: 'Sam Rivera' }],
    tokens: [{ token: tokens.pylon }],
    accounts,
    customFields: [{ slug: 'priority', label: 'Priority', type: 'select', select_metadata: { options: PRIORITIES.map((p) => ({ slug: p, label: p })) } }],
    issues: linearIds.map((id, i) => ({
      number: 10_000 + i,
      title: `Ticket ${i}`,
      state: 'waiting_on_you',
      account: { id: accounts[i % accounts.length]!.id },
      custom_fields: { priority: { slug: 'priority', value: PRIORITIES[(i < options.drifted ? i + 1 : i) % 4]! } },
      external_issues: [{ source: 'linear', external_id: id }],
    })),
  });
  return { linear, pylon, tokens, numberOf: (i) => 10_000 + i, linearIdOf: (i) => linearIds[i]! };
}
