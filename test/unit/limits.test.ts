import { describe, expect, it } from 'vitest';
import { fitReport, LIMITS, REPORT_BUDGET, titleProblem } from '../../src/core/limits.js';

const log = (lines: number, width = 80) => Array.from({ length: lines }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(width - 7)}`).join('\n');

describe('fitReport', () => {
  it.each([
    ['a short report', 'Exports time out', false],
    ['exactly the budget', 'y'.repeat(REPORT_BUDGET), false],
    ['one character over', 'y'.repeat(REPORT_BUDGET + 1), true],
    ['a long log of short lines', log(5_000), true],
    ['a 20 MB log', log(250_000), true],
    ['one huge line with no breaks', 'z'.repeat(3_000_000), true],
  ] as const)('%s', (_name, text, cut) => {
    const fitted = fitReport(text);
    expect(fitted.text.length).toBeLessThanOrEqual(REPORT_BUDGET);
    expect(Boolean(fitted.removed)).toBe(cut);
    if (!cut) {
      expect(fitted.text).toBe(text);
      return;
    }
    // The head and the tail survive; the issue says how much of the middle is gone.
    expect(fitted.text.startsWith(text.slice(0, 200))).toBe(true);
    expect(fitted.text.endsWith(text.slice(-200))).toBe(true);
    expect(fitted.text).toMatch(/characters \([\d,]+ lines\) of the report were left out here by triage/);
    expect(fitted.removed!.characters).toBeGreaterThan(text.length - REPORT_BUDGET);
  });

  it('cuts a log on line boundaries', () => {
    const fitted = fitReport(log(5_000));
    const [head, tail] = fitted.text.split(/\n\[… .*…\]\n/);
    expect(head!.split('\n').every((l) => l.length === 80)).toBe(true);
    expect(tail!.split('\n').every((l) => l.length === 80)).toBe(true);
  });
});

describe('titleProblem', () => {
  it.each([
    ['', undefined],
    ['t'.repeat(LIMITS.title), undefined],
    ['t'.repeat(LIMITS.title + 1), 'the title is 257 characters; an issue title holds 256'],
    ['t'.repeat(10_000), 'the title is 10,000 characters; an issue title holds 256'],
  ])('%#', (title, problem) => {
    expect(titleProblem(title)).toBe(problem);
  });
});
