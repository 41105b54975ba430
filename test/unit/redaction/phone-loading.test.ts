import { describe, expect, it } from 'vitest';
import { PhoneDetector } from '../../../src/core/redaction/phone.js';

// The detector loads libphonenumber on the first window it must validate and scans again: the answer must be
// the one a detector with the library already loaded gives, and the budget spent only once.
describe('PhoneDetector, loading libphonenumber on demand', () => {
  const texts = [
    'no digits at all',
    'released on 2026-12-04 at 10:30',
    'order 4155550132 shipped',
    'call me at +1 415 555 0132 or (415) 555-0133',
    'on 2026-12-04 call +44 20 7946 0958, then 2026-12-05',
    'version 1.2.3.4 and 203.0.113.7 and tel 020 7946 0958',
  ];

  it.each(texts)('%s: same findings and budget as a loaded detector', async (text) => {
    const warm = new PhoneDetector('US');
    await warm.detect('+1 415 555 0100', { calls: 0 });
    const warmBudget = { calls: 0 };
    const expected = await warm.detect(text, warmBudget);
    const cold = new PhoneDetector('US');
    const coldBudget = { calls: 0 };
    expect(await cold.detect(text, coldBudget)).toEqual(expected);
    expect(coldBudget.calls).toBe(warmBudget.calls);
  });

  it('over budget, redacts unvalidated phone shapes as before, with or without the library', async () => {
    const text = 'call +1 415 555 0132';
    const spent = { calls: 8_000 };
    const found = await new PhoneDetector('US').detect(text, spent);
    expect(found).toEqual([{ kind: 'phone', start: 5, end: 20, confidence: 'low', key: '14155550132', weak: true }]);
    expect(spent.calls).toBe(8_000);
  });
});
