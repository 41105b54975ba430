// Start-up cost: `triage --help` and `triage new --help` next to a bare `node -e 0`, as ratios.
// Heavy SDKs load only in the commands that use them, so help should cost little more than Node itself.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/triage.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args) {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
    if (i >= 2) samples.push(elapsed); // the first runs warm the file cache
  }
  return median(samples);
}

export function run() {
  const node = time(['-e', '0']);
  const help = time([BIN, '--help']);
  const newHelp = time([BIN, 'new', '--help']);
  return {
    runs: RUNS,
    nodeMs: node,
    helpMs: help,
    newHelpMs: newHelp,
    helpRatio: help / node,
    newHelpRatio: newHelp / node,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = run();
  console.log(`start-up (median of ${r.runs} runs)`);
  console.log(`  node -e 0            ${r.nodeMs.toFixed(1)} ms   1.00x`);
  console.log(`  triage --help        ${r.helpMs.toFixed(1)} ms   ${r.helpRatio.toFixed(2)}x`);
  console.log(`  triage new --help    ${r.newHelpMs.toFixed(1)} ms   ${r.newHelpRatio.toFixed(2)}x`);
}
