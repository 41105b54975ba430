import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_RUBRIC, impactsByPriority } from '../../src/core/rubric.js';
import type { RequestType } from '../../src/core/request-type.js';

// The team's rubric, row by row, exactly as the support process states it.
const TABLE = [
  ['outage', 'critical system outage', 'urgent', 1],
  ['security', 'security vulnerability', 'urgent', 1],
  ['widespread-breakage', 'major functionality broken for several customers', 'urgent', 1],
  ['core-broken', 'core functionality issue', 'high', 2],
  ['ops-essential', "feature essential for the customer's operations", 'high', 2],
  ['significant-bug', 'significant customer-impacting bug', 'high', 2],
  ['workflow-blocker', 'enhancement blocking a specific workflow', 'medium', 3],
  ['performance', 'performance improvement', 'medium', 3],
  ['usability', 'UX improvement affecting usability', 'medium', 3],
  ['minor', 'minor enhancement', 'low', 4],
  ['polish', 'UI polish', 'low', 4],
  ['nice-to-have', 'nice-to-have feature', 'low', 4],
] as const;

const STATUS_FOR_BUGS = { urgent: 'prioritized', high: 'prioritized', medium: 'backlog', low: 'backlog' } as const;

describe('the default rubric', () => {
  it('has exactly the twelve rows of the support process, in order', () => {
    expect(DEFAULT_RUBRIC.impacts.map((r) => [r.value, r.meaning, r.priority])).toEqual(TABLE.map(([v, m, p]) => [v, m, p]));
  });

  describe.each(TABLE)('%s', (impact, meaning, priority, linearPriority) => {
    it.each(['quick-fix', 'complex'] as RequestType[])('as %s: %s priority with the status the rules give', (type) => {
      const outcome = decide({ type, impact });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.decision.priority).toBe(priority);
      expect(outcome.decision.linearPriority).toBe(linearPriority);
      expect(outcome.decision.status).toBe(STATUS_FOR_BUGS[priority]);
      expect(outcome.decision.immediate).toBe(priority !== 'low');
      expect(outcome.decision.source).toBe('rubric');
      expect(outcome.decision.reasons[0]).toContain(meaning);
    });

    it('as a feature: always Backlog, whatever the priority', () => {
      const outcome = decide({ type: 'feature', impact });
      expect(outcome.ok && outcome.decision.status).toBe('backlog');
      expect(outcome.ok && outcome.decision.priority).toBe(priority);
      expect(outcome.ok && outcome.decision.reasons[1]).toMatch(/feature requests always go to the Backlog/);
    });
  });

  it('explains the decision the way the ticket states it', () => {
    const outcome = decide({ type: 'complex', impact: 'core-broken' });
    expect(outcome.ok && outcome.decision.reasons).toEqual([
      'High (P1): core functionality issue',
      'Prioritized: High issues are prioritized',
    ]);
  });
});

describe('manual priority', () => {
  it('needs a reason', () => {
    expect(decide({ type: 'complex', impact: 'polish', override: { priority: 'urgent', reason: '  ' } })).toEqual({
      ok: false,
      error: { kind: 'override-without-reason' },
    });
  });

  it('says it was set by hand, why, and what the rubric would have said', () => {
    const outcome = decide({ type: 'complex', impact: 'polish', override: { priority: 'high', reason: 'renewal at risk' } });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.decision.priority).toBe('high');
    expect(outcome.decision.source).toBe('manual');
    expect(outcome.decision.status).toBe('prioritized');
    expect(outcome.decision.reasons[0]).toBe('High (P1): set by hand (the rubric gives Low (P3) for UI polish). Reason: renewal at risk');
  });

  it('works without an impact', () => {
    const outcome = decide({ type: 'quick-fix', override: { priority: 'urgent', reason: 'demo today' } });
    expect(outcome.ok && outcome.decision.linearPriority).toBe(1);
  });

  it('keeps a feature in the Backlog even when set to Urgent', () => {
    const outcome = decide({ type: 'feature', override: { priority: 'urgent', reason: 'contract' } });
    expect(outcome.ok && outcome.decision.status).toBe('backlog');
  });
});

describe('bad input', () => {
  it('lists the valid impacts for an unknown one', () => {
    const outcome = decide({ type: 'complex', impact: 'meltdown' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toEqual({ kind: 'unknown-impact', value: 'meltdown', valid: TABLE.map(([v]) => v) });
  });

  it('needs an impact or a manual priority', () => {
    expect(decide({ type: 'complex' })).toEqual({ ok: false, error: { kind: 'missing-impact' } });
  });
});

describe('a team rubric from config', () => {
  it('replaces the default', () => {
    const rubric = { impacts: [{ value: 'sla-breach', meaning: 'contractual SLA at risk', priority: 'urgent' as const }] };
    const outcome = decide({ type: 'complex', impact: 'sla-breach' }, rubric);
    expect(outcome.ok && outcome.decision.reasons[0]).toBe('Urgent (P0): contractual SLA at risk');
    expect(decide({ type: 'complex', impact: 'outage' }, rubric).ok).toBe(false);
  });

  it('groups impacts by priority, highest first, for the wizard', () => {
    expect(impactsByPriority(DEFAULT_RUBRIC).map((g) => [g.priority, g.rules.length])).toEqual([
      ['urgent', 3],
      ['high', 3],
      ['medium', 3],
      ['low', 3],
    ]);
  });
});
