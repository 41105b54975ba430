import { describe, expect, it } from 'vitest';
import { route, type RoutingConfig, type RoutingInput } from '../../src/core/routing.js';

const config: RoutingConfig = {
  onCall: { name: 'Dana', linear: 'dana@acme.example', github: 'dana-oncall' },
  default: {
    linear: { team: 'SUP', labels: ['Support'] },
    github: { repo: 'acme/app', labels: ['customer-report'] },
  },
  routes: [
    {
      name: 'exports',
      match: { areas: ['exports'] },
      linear: { team: 'DATA', assignee: 'erin@acme.example', labels: ['Exports'] },
      github: { repo: 'acme/data-pipeline', labels: ['exports'], assignees: ['erin-gh'] },
    },
    { name: 'billing', match: { keywords: ['invoice', 'billing'] }, linear: { team: 'BILL' } },
    { name: 'mobile features', match: { labels: ['mobile'], types: ['feature'] }, github: { repo: 'acme/mobile' } },
  ],
};

const base: RoutingInput = { type: 'complex', labels: [], title: 'Something broke', body: 'Details' };

describe('routing', () => {
  it('falls back to the default route', () => {
    const r = route(base, { priority: 'high' }, config);
    expect(r.name).toBe('default');
    expect(r.linear).toEqual({ team: 'SUP', assignee: { kind: 'none' }, labels: ['Support'] });
    expect(r.github).toEqual({ repo: 'acme/app', labels: ['customer-report'], assignees: [], assignViewer: false });
    expect(r.reasons).toEqual(['Route "default": no rule matched']);
  });

  it('matches by area, case-insensitively, and takes team, people and labels from the rule', () => {
    const r = route({ ...base, area: 'Exports', labels: ['csv'] }, { priority: 'high' }, config);
    expect(r.name).toBe('exports');
    expect(r.linear).toEqual({ team: 'DATA', assignee: { kind: 'email', email: 'erin@acme.example' }, labels: ['Exports', 'csv'] });
    expect(r.github).toEqual({ repo: 'acme/data-pipeline', labels: ['exports', 'csv'], assignees: ['erin-gh'], assignViewer: false });
    expect(r.reasons[0]).toBe('Route "exports": matched area Exports');
  });

  it('matches keywords as whole words in title or body', () => {
    expect(route({ ...base, body: 'The Invoice total is wrong' }, { priority: 'high' }, config).name).toBe('billing');
    expect(route({ ...base, body: 'invoices page' }, { priority: 'high' }, config).name).toBe('default');
  });

  it('takes what the rule leaves out from the default', () => {
    const r = route({ ...base, title: 'billing page 500' }, { priority: 'medium' }, config);
    expect(r.linear.team).toBe('BILL');
    expect(r.github.repo).toBe('acme/app');
  });

  it('requires every criterion a rule names', () => {
    expect(route({ ...base, labels: ['mobile'] }, { priority: 'low' }, config).name).toBe('default');
    expect(route({ ...base, type: 'feature', labels: ['Mobile'] }, { priority: 'low' }, config).name).toBe('mobile features');
  });

  it('first match wins', () => {
    const r = route({ ...base, area: 'exports', body: 'invoice export' }, { priority: 'high' }, config);
    expect(r.name).toBe('exports');
  });

  it('sends Urgent to on-call, loudly', () => {
    const r = route({ ...base, area: 'exports' }, { priority: 'urgent' }, config);
    expect(r.onCall).toBe(true);
    expect(r.linear.assignee).toEqual({ kind: 'email', email: 'dana@acme.example' });
    expect(r.github.assignees).toEqual(['dana-oncall']);
    expect(r.reasons[1]).toMatch(/on-call \(Dana\).*immediate on-call response/);
  });

  it('assigns a quick fix to the engineer filing it, keeping on-call in the loop when Urgent', () => {
    const r = route({ ...base, type: 'quick-fix' }, { priority: 'urgent' }, config);
    expect(r.linear.assignee).toEqual({ kind: 'viewer' });
    expect(r.github.assignViewer).toBe(true);
    expect(r.github.assignees).toEqual(['dana-oncall']);
  });

  it('does not treat regex characters in keywords as patterns', () => {
    const special: RoutingConfig = { ...config, routes: [{ name: 'c++', match: { keywords: ['c++'] } }] };
    expect(route({ ...base, body: 'the c++ sdk' }, { priority: 'low' }, special).name).toBe('c++');
    expect(route({ ...base, body: 'the cxx sdk' }, { priority: 'low' }, special).name).toBe('default');
  });
});
