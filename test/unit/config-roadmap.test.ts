import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { DEFAULT_TEMPLATES } from '../../src/core/templates.js';

const base = { routing: { default: { linear: { team: 'SUP' }, github: { repo: 'acme/app' } } } };

describe('config for feature requests and customer updates', () => {
  it('has no roadmap project or label unless configured', () => {
    const config = parseConfig(base, 'x.json');
    expect(config.linear.featureProject).toBeUndefined();
    expect(config.linear.featureLabel).toBeUndefined();
    expect(config.templates.linearAppendComment).toBe(DEFAULT_TEMPLATES.linearAppendComment);
    expect(Object.keys(config.templates.customerUpdate).sort()).toEqual(['appended', 'canceled', 'complex', 'done', 'etaMissed', 'feature', 'quickFix', 'status', 'urgent']);
  });

  it('reads linear.featureProject and linear.featureLabel, and rejects empty names', () => {
    const config = parseConfig({ ...base, linear: { featureProject: 'Roadmap', featureLabel: 'Feature' } }, 'x.json');
    expect(config.linear).toMatchObject({ states: { prioritized: 'Todo', backlog: 'Backlog' }, featureProject: 'Roadmap', featureLabel: 'Feature' });
    expect(() => parseConfig({ ...base, linear: { featureProject: ' ' } }, 'x.json')).toThrow(/linear\.featureProject: must not be empty/);
  });

  it('the example config puts feature requests on the demo roadmap', async () => {
    const example = JSON.parse(await readFile(new URL('../../.triagerc.example.json', import.meta.url), 'utf8'));
    expect(parseConfig(example, 'example').linear).toMatchObject({ featureProject: 'Feature requests', featureLabel: 'Feature' });
  });
});
