import { describe, expect, it } from 'vitest';
import { checkTemplate, neutralizeGitHubReferences, quote, renderTemplate } from '../../src/core/templates.js';

describe('templates', () => {
  it('inserts values verbatim (Markdown, not HTML)', () => {
    expect(renderTemplate('{{a}} & {{b}}', { a: '<b>x</b>', b: '"q"' })).toBe('<b>x</b> & "q"\n');
  });

  it('drops empty optional sections without leaving blank runs', () => {
    const t = 'Top\n\n{{#steps}}\n## Steps\n{{steps}}\n{{/steps}}\n\n\nEnd';
    expect(renderTemplate(t, {})).toBe('Top\n\nEnd\n');
    expect(renderTemplate(t, { steps: '1. click' })).toBe('Top\n\n## Steps\n1. click\n\nEnd\n');
  });

  it('reports unclosed sections', () => {
    expect(checkTemplate('{{#steps}} no end')).toMatch(/Unclosed section/);
    expect(checkTemplate('{{title}}')).toBeUndefined();
  });

  it('quotes every line', () => {
    expect(quote('a\n\nb\n')).toBe('> a\n>\n> b');
  });

  it.each([
    ['ping @octocat please', 'ping `@octocat` please'],
    ['team @acme/support', 'team `@acme/support`'],
    ['mail bob@example.com', 'mail bob@example.com'],
    ['already `@quoted`', 'already `@quoted`'],
    ['@start of line', '`@start` of line'],
  ])('neutralises GitHub mentions: %j', (input, output) => {
    expect(neutralizeGitHubReferences(input)).toBe(output);
  });
});
