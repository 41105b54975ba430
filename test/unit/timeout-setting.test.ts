import { describe, expect, it } from 'vitest';
import { timeoutFromEnv } from '../../src/services/http/timeout-setting.js';

describe('TRIAGE_HTTP_TIMEOUT', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['45', 45_000],
    ['45s', 45_000],
    ['2.5', 2_500],
    ['1500ms', 1_500],
    ['2m', 120_000],
    [' 10 S ', 10_000],
  ])('%j → %j ms', (value, ms) => {
    expect(timeoutFromEnv(value)).toBe(ms);
  });

  it.each(['soon', '-5', '0', '50ms', '11m', '1h', '3e4'])('%j is refused, naming the variable and the fix', (value) => {
    expect(() => timeoutFromEnv(value)).toThrow(/TRIAGE_HTTP_TIMEOUT=".*" is not a request timeout/);
  });
});
