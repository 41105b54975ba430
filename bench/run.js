// `npm run bench`: every benchmark, one after the other, printing figures (never asserting them).
import { readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = (await readdir(dir)).filter((f) => f.endsWith('.bench.js')).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();

let failed = false;
for (const file of benches) {
  console.log(`\n== ${file.replace('.bench.js', '')}`);
  const result = spawnSync(process.execPath, [`${dir}/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
