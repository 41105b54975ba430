import { describe, expect, it } from 'vitest';
import { fitHelp } from '../../src/cli/help-fit.js';

describe('fitHelp', () => {
  it('leaves text that fits alone', () => {
    const text = 'Examples:\n  $ triage new\n\nShort prose.';
    expect(fitHelp(text)).toBe(text);
  });

  it('breaks a long command between arguments with a continuation, never inside quotes', () => {
    const out = fitHelp('  $ triage new --pylon 4814 --type quick-fix --impact outage --no-page-reason "on-call already on the bridge"', 80);
    const lines = out.split('\n');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines[0]).toMatch(/^ {2}\$ triage new .* \\$/);
    expect(lines.slice(1).every((l) => l.startsWith('      '))).toBe(true);
    expect(out).toContain('"on-call already on the bridge"');
    // It still pastes into a shell: joined, it is the command it was.
    expect(out.replace(/ \\\n\s+/g, ' ')).toBe('  $ triage new --pylon 4814 --type quick-fix --impact outage --no-page-reason "on-call already on the bridge"');
  });

  it('wraps a long comment as comment lines and rejoins ragged prose before wrapping it', () => {
    const out = fitHelp(`  # ${'word '.repeat(30).trim()}\n\n${'a'.repeat(70)} and more words here\nthat continue the sentence.`, 80);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(out.split('\n').filter((l) => l.startsWith('  # ')).length).toBeGreaterThan(1);
    expect(out).toContain('here that continue');
  });
});
