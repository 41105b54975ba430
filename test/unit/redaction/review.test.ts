import { describe, expect, it } from 'vitest';
import { createRedactor, findingContext, summarizeFindings } from '../../../src/core/redaction/index.js';

describe('summarizeFindings', () => {
  it('counts by kind, with no values', async () => {
    const text = 'a@hooli.xyz b@hooli.xyz +1 (415) 555-0132 password=hunter22';
    const { findings } = await createRedactor({ target: 'github' }).redact(text);
    const summary = summarizeFindings(findings);
    expect(summary).toEqual({ email: 2, password: 1, phone: 1 });
    expect(Object.keys(summary)).toEqual(['email', 'password', 'phone']);
    expect(JSON.stringify(summary)).not.toMatch(/hooli|415|hunter/);
  });
});

describe('findingContext', () => {
  it('shows a few characters around the finding, the finding replaced', async () => {
    const text = 'please contact jane@hooli.xyz about the invoice';
    const { findings } = await createRedactor({ target: 'github' }).redact(text);
    const [email] = findings;
    if (!email) throw new Error('no finding');
    expect(findingContext(text, email, 8)).toBe('…contact [EMAIL_1] about t…');
  });

  it('never shows a neighbouring finding either, even one cut by the window', async () => {
    const text = 'x@hooli.xyz,y@hooli.xyz and more';
    const { findings } = await createRedactor({ target: 'github' }).redact(text);
    const [first] = findings;
    if (!first) throw new Error('no finding');
    const shown = findingContext(text, first, 5, findings);
    expect(shown).toBe('[EMAIL_1],[EMAIL_2]…');
  });

  it('neutralises line breaks and terminal control sequences', async () => {
    const text = 'a\n\u001b[31m jane@hooli.xyz\u202e\tb';
    const { findings } = await createRedactor({ target: 'github' }).redact(text);
    const [email] = findings;
    if (!email) throw new Error('no finding');
    const shown = findingContext(text, email, 10);
    expect(shown).toBe('a ⏎ ·[31m [EMAIL_1]· b');
  });
});
