// Throughput of the redaction engine on a realistic support log (median of five runs after a warm-up), and the
// time of one run on 10 MiB of pathological input. Run after `npm run build`: `node bench/redaction.bench.js`,
// or import `run()`. Token-shaped strings are built at run time.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRedactor } from '../dist/bench/redaction.js';

const MiB = 1024 * 1024;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

function random(n, alphabet = ALNUM) {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i += 1) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

function pick(items) {
  return items[randomBytes(1)[0] % items.length];
}

const hex = (n) => random(n, '0123456789abcdef');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

/** ~1 MiB of log lines of the kind customers paste: mostly benign, with a secret or a person now and then. */
export function realisticLog(bytes = MiB) {
  const lines = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    i += 1;
    const ts = `2024-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07.${String(i % 1000).padStart(3, '0')}Z`;
    let line = pick([
      () => `${ts} INFO  [req ${uuid()}] GET /api/v2/orders/${10000 + i} 200 ${i % 900}ms ua="Mozilla/5.0 (Macintosh) Chrome/120.0.6099.109 Safari/537.36"`,
      () => `${ts} WARN  retrying webhook evt_${random(24)} attempt=${i % 5} backoff=${(i % 7) * 250}ms host=10.0.${i % 255}.${i % 200}`,
      () => `${ts} ERROR ECONNRESET socket hang up at TLSSocket.onConnectEnd (node:_tls_wrap:1577:19) commit=${hex(40)}`,
      () => `${ts} DEBUG deploy v1.${i % 30}.${i % 10} sha256:${hex(64)} image=ghcr.io/acme/api@sha256:${hex(64)}`,
      () => `${ts} INFO  invoice INV-2024-${String(i).padStart(5, '0')} paid by card ending ${String(1000 + (i % 9000))}`,
      () => `${ts} INFO  user jane.doe${i % 50}@globex.com logged in from 203.0.113.${i % 250} via 81.2.69.${i % 250}`,
      () => `${ts} ERROR auth failed: Authorization: Bearer ${random(40)} (token expired)`,
      () => `${ts} DEBUG env GITHUB_TOKEN=${'ghp_'}${random(36)} NODE_ENV=production PORT=8080`,
      () => `${ts} INFO  callback from +44 20 7946 ${String(i % 10000).padStart(4, '0')} queued #${40000 + i}`,
      () => `${ts} TRACE   at processTicksAndRejections (node:internal/process/task_queues:95:5) /srv/app/dist/worker.js:${i % 400}:${i % 80}`,
    ])();
    if (i % 97 === 0) line += ` DATABASE_URL=postgres://app:${random(16)}@db.globex.internal:5432/app`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

function randomDigitsAndSpaces(n) {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i += 1) out += bytes[i] % 4 === 0 ? ' ' : String(bytes[i] % 10);
  return out;
}

/** 10 MiB of runs that break naive regular expressions. */
export function pathologicalInput(bytes = 10 * MiB) {
  const segments = [
    () => 'a'.repeat(MiB),
    () => '@'.repeat(MiB),
    () => 'a@'.repeat(MiB / 2),
    () => '1 2 34 5678 '.repeat(MiB / 12),
    () => randomDigitsAndSpaces(MiB),
    () => '%'.repeat(MiB / 2) + '%4'.repeat(MiB / 4),
    () => random(MiB, B64),
    () => '"password="'.repeat(MiB / 11) + "'".repeat(1024),
    () => '[{(<'.repeat(MiB / 4),
    () => ':'.repeat(MiB / 2) + 'a:'.repeat(MiB / 4),
    () => '-----BEGIN PRIVATE KEY-----\n'.repeat(MiB / 28),
    () => 'eyJ'.repeat(MiB / 3),
    () => `${'xo' + 'xb'}-1-`.repeat(MiB / 7),
    () => 'https://a:'.repeat(MiB / 10),
    () => 'Authorization: '.repeat(MiB / 15),
    () => '0'.repeat(MiB),
  ];
  const parts = [];
  let size = 0;
  for (let k = 0; size < bytes; k += 1) {
    const part = segments[k % segments.length]();
    parts.push(part.slice(0, bytes - size));
    size += Math.min(part.length, bytes - size);
  }
  return parts.join('');
}

async function time(redactor, text) {
  const start = performance.now();
  const result = await redactor.redact(text);
  return { ms: performance.now() - start, findings: result.findings.length };
}

/** Wall time of a command, or null when it cannot run here. */
function timeCommand(command, args, options = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * MiB, ...options });
  const ms = performance.now() - start;
  return result.error ? null : { ms, status: result.status, stdout: result.stdout };
}

/**
 * secretlint's CLI (recommended preset) and `triage redact` on the same 10 MiB log, as files on disk: both pay
 * their start-up, both read the file. secretlint reports secrets only; triage also removes personal data and
 * identity, and rewrites the text.
 */
function compareWithSecretlint(log) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'triage-bench-'));
  try {
    const file = join(dir, 'support.log');
    writeFileSync(file, log);
    const rc = join(dir, '.secretlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const bin = join(root, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
    const secretlint = existsSync(bin)
      ? timeCommand(process.execPath, [bin, file, '--secretlintrc', rc, '--format', 'json', '--no-color'], { cwd: root })
      : null;
    let secretlintFindings = null;
    try {
      secretlintFindings = JSON.parse(secretlint?.stdout ?? '[]').reduce((n, r) => n + (r.messages?.length ?? 0), 0);
    } catch {
      secretlintFindings = null;
    }
    const triage = timeCommand(process.execPath, [join(root, 'bin', 'triage.js'), 'redact', '--file', file, '--json'], { cwd: dir });
    let triageFindings = null;
    try {
      triageFindings = JSON.parse(triage?.stdout ?? '').findings.length;
    } catch {
      triageFindings = null;
    }
    return {
      secretlint: secretlint && { ms: Math.round(secretlint.ms), findings: secretlintFindings },
      triage: triage && { ms: Math.round(triage.ms), findings: triageFindings },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  const identity = {
    customers: ['Globex Corporation'],
    domains: ['globex.com'],
    contacts: [{ name: 'Jane Doe', email: 'jane.doe@globex.com' }],
  };
  const redactor = createRedactor({ target: 'github', identity });
  const log = realisticLog();
  await redactor.redact(log); // warm up (JIT, metadata, caches)
  const runs = [];
  for (let i = 0; i < 5; i += 1) runs.push(await time(redactor, log));
  runs.sort((a, b) => a.ms - b.ms);
  const realistic = runs[2]; // median of five
  const megabytes = log.length / MiB;
  const pathological = pathologicalInput();
  const worst = await time(createRedactor({ target: 'github', identity }), pathological);
  const bigLog = realisticLog(10 * MiB);
  const big = await time(createRedactor({ target: 'github', identity }), bigLog);
  const cli = compareWithSecretlint(bigLog);
  return {
    realistic: { mib: Number(megabytes.toFixed(2)), ms: Math.round(realistic.ms), mbPerSecond: Number((megabytes / (realistic.ms / 1000)).toFixed(2)), findings: realistic.findings },
    pathological: { mib: Number((pathological.length / MiB).toFixed(2)), ms: Math.round(worst.ms), findings: worst.findings },
    bigLog: { mib: Number((bigLog.length / MiB).toFixed(2)), inProcessMs: Math.round(big.ms), findings: big.findings, ...cli },
  };
}

const verdict = (ok) => (ok ? 'meets the goal' : 'MISSES the goal');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const f = await run();
  console.log(`realistic log, in-process: ${f.realistic.mib} MiB in ${f.realistic.ms} ms = ${f.realistic.mbPerSecond} MiB/s (${f.realistic.findings} findings)   goal >= 20 MiB/s: ${verdict(f.realistic.mbPerSecond >= 20)}`);
  console.log(`pathological, in-process:  ${f.pathological.mib} MiB in ${f.pathological.ms} ms (${f.pathological.findings} findings)   goal < 2000 ms: ${verdict(f.pathological.ms < 2000)}`);
  const b = f.bigLog;
  console.log(`10 MiB support log:        in-process ${b.inProcessMs} ms (${b.findings} findings)`);
  console.log(`  triage redact --file:    ${b.triage ? `${b.triage.ms} ms (${b.triage.findings ?? '?'} findings: secrets, personal data, identity)` : 'could not run'}`);
  console.log(`  secretlint CLI (recommended preset): ${b.secretlint ? `${b.secretlint.ms} ms (${b.secretlint.findings ?? '?'} findings: secrets only)` : 'not installed'}`);
  if (b.triage && b.secretlint) {
    console.log(`  triage / secretlint:     ${(b.triage.ms / b.secretlint.ms).toFixed(2)}x the time   goal < 1x: ${verdict(b.triage.ms < b.secretlint.ms)}`);
  }
}
