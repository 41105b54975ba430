// Start-up cost of whole `triage` processes next to a bare `node -e 0` in the same run, as ratios of medians:
// `triage --help`, `triage redact` of one line, and `triage new --sandbox --dry-run` (starts both emulators,
// reads the demo workspace, redacts and renders both tickets). Runs are interleaved (one of each, round after
// round) so a busy machine slows every command alike. The compile cache lives in a temporary state dir,
// warmed by the first rounds, as it is on an engineer's machine after the first run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/triage.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM_UP = 2;

export const MEASURES = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'triage --help', args: [BIN, '--help'], goal: 1.3 },
  { name: 'triage redact (one line)', args: [BIN, 'redact'], input: 'connect with key AKIA' + 'Z'.repeat(16) + ' as jane@globex.com\n', goal: 2 },
  {
    name: 'triage new --sandbox --dry-run',
    args: [BIN, 'new', '--sandbox', '--dry-run', '--title', 'Export to CSV times out', '--body', 'Globex Corporation: export times out after 30s',
      '--type', 'complex', '--impact', 'core-broken', '--customer', 'Globex Corporation'],
    goal: 3,
  },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function run() {
  const home = mkdtempSync(join(tmpdir(), 'triage-startup-'));
  const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', TRIAGE_STATE_DIR: join(home, 'state') };
  const samples = MEASURES.map(() => []);
  try {
    for (let round = 0; round < RUNS + WARM_UP; round++) {
      MEASURES.forEach((measure, i) => {
        const started = process.hrtime.bigint();
        const result = spawnSync(process.execPath, measure.args, { cwd: home, input: measure.input ?? '', stdio: ['pipe', 'ignore', 'pipe'], env });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (result.status !== 0) throw new Error(`${measure.name} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
        if (round >= WARM_UP) samples[i].push(ms);
      });
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const nodeMs = median(samples[0]);
  return {
    runs: RUNS,
    nodeMs,
    figures: MEASURES.map((measure, i) => ({ name: measure.name, ms: median(samples[i]), ratio: median(samples[i]) / nodeMs, goal: measure.goal })),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = run();
  console.log(`start-up: whole-process medians of ${r.runs} interleaved runs, ratio to node -e 0`);
  for (const f of r.figures) {
    const verdict = f.goal === undefined ? '' : `   goal ≤ ${f.goal.toFixed(1)}x  ${f.ratio <= f.goal ? 'met' : 'NOT MET'}`;
    console.log(`  ${f.name.padEnd(32)} ${f.ms.toFixed(1).padStart(7)} ms   ${f.ratio.toFixed(2)}x${verdict}`);
  }
}
