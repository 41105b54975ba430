import { describe, expect, it } from 'vitest';
import { RoutePacer } from '../../src/services/pylon/pacing.js';

/** A fake clock: sleeping moves it, so a minute of pacing takes no time. */
function clock() {
  let now = Date.parse('2026-12-04T09:00:00Z');
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('RoutePacer: saying what it waits for', () => {
  it('reports a wait for the rate limit once, with its length, however many callers wait for it', async () => {
    const c = clock();
    const waits: Array<[string, number]> = [];
    const pacer = new RoutePacer({ limits: { 'pylon.issues.search': 2 }, now: c.now, sleep: c.sleep, marginMs: 0, onWait: (route, ms) => waits.push([route, ms]) });
    for (let i = 0; i < 2; i += 1) (await pacer.acquire('pylon.issues.search'))();
    expect(waits).toEqual([]);
    // The third request of the minute waits for the window; so would a fourth, fifth…
    const third = pacer.acquire('pylon.issues.search');
    (await third)();
    expect(waits).toHaveLength(1);
    expect(waits[0]![0]).toBe('pylon.issues.search');
    expect(waits[0]![1]).toBeGreaterThanOrEqual(59_000);
  });

  it('says nothing for a route without a limit, or a wait under a second', async () => {
    const c = clock();
    const waits: unknown[] = [];
    const pacer = new RoutePacer({ limits: { 'pylon.issues.get': 600_000 }, now: c.now, sleep: c.sleep, onWait: (...w) => waits.push(w) });
    for (let i = 0; i < 5; i += 1) {
      (await pacer.acquire('pylon.me.get'))();
      (await pacer.acquire('pylon.issues.get'))();
    }
    expect(waits).toEqual([]);
  });
});
