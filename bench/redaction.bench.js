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

/** `unit` repeated to `bytes` characters. */
const fill = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/**
 * Each hostile family alone, at 10 MiB: the goal is under 2 s for ANY 10 MiB input, so the mix above is not
 * enough (it gives each family one MiB, and a pattern quadratic in its run hides in a short run).
 */
export const HOSTILE_FAMILIES = {
  'one character': (n) => 'a'.repeat(n),
  'at signs': (n) => '@'.repeat(n),
  'a@ pairs': (n) => fill('a@', n),
  'digit groups': (n) => fill('1 2 34 5678 ', n),
  'random digits and spaces': (n) => randomDigitsAndSpaces(n),
  'random phone-shaped numbers': (n) => { let s = ''; while (s.length < n) s += `+1 ${random(3, '23456789')} ${random(3, '0123456789')} ${random(4, '0123456789')}, `; return s.slice(0, n); },
  'random card-shaped numbers': (n) => { let s = ''; while (s.length < n) s += `4${random(3, '0123456789')} ${random(4, '0123456789')} ${random(4, '0123456789')} ${random(4, '0123456789')} `; return s.slice(0, n); },
  'zeros': (n) => '0'.repeat(n),
  'percent signs': (n) => '%'.repeat(n / 2) + fill('%4', n / 2),
  'base64 characters': (n) => random(n, B64),
  'hex characters': (n) => hex(n),
  'unclosed quotes': (n) => fill('"password="', n),
  'brackets': (n) => fill('[{(<', n),
  'colons': (n) => fill('a:', n),
  'pem headers': (n) => fill('-----BEGIN PRIVATE KEY-----\n', n),
  'jwt prefixes': (n) => fill('eyJ', n),
  'token prefixes': (n) => fill(`${'xo' + 'xb'}-1-`, n),
  'url prefixes': (n) => fill('https://a:', n),
  'header names': (n) => fill('Authorization: ', n),
  'nested objects': (n) => fill('{"a":', n),
  'nested arrays': (n) => fill('[{"phones":[', n),
  'unclosed json strings': (n) => fill('{"password": "', n),
  'escaped json': (n) => fill('"{\\"password\\":\\"', n),
  'xml tags': (n) => fill('<password><value>', n),
  'xml attributes': (n) => fill('<add key="token" value="', n),
  'table rows': (n) => fill('| password | phone | dob |\n', n),
  'csv header then junk': (n) => `id,password,phone\n${fill('1,', n - 18)}`,
  'insert statements': (n) => fill('INSERT INTO t (password) VALUES (', n),
  'assignment chains': (n) => fill('password=password=', n),
  'go and make operators': (n) => fill('apiToken :::= ??= .= := ', n),
  'form labels': (n) => fill('Date of birth: Mot de passe: ', n),
  'dates and birth words': (n) => fill('born 3 March 1985 DOB 03/03/1985 ', n),
  'yaml block scalars': (n) => fill('key: |\n', n),
  'cookie lists': (n) => `Cookie: ${fill('a=b; ', n - 8)}`,
  'national id digits': (n) => fill('Steuer-ID BSN SIN Aadhaar NIR ', n / 2) + fill('1 2 3 4 5 6 7 8 9 0 ', n / 2),
  'address words': (n) => fill('12 Main Street Hauptstraße 12 rue de la Paix Calle Mayor 5 ', n),
  'mac-like hex': (n) => fill('mac aabb.ccdd.eeff 001122334455 ', n),
  'email-like': (n) => fill('a.b-c@d.e-f.', n),
  'ipv6-like': (n) => fill('fe80::1:', n),
  'encoded runs': (n) => fill('%41%42', n / 2) + fill('\\u0041\\x41', n / 2),
  'one long line of words': (n) => fill('password token secret key api ', n),
};

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
  const families = {};
  if (process.env.TRIAGE_BENCH_FAMILIES !== '0') {
    for (const [name, make] of Object.entries(HOSTILE_FAMILIES)) {
      families[name] = Math.round((await time(createRedactor({ target: 'github', identity }), make(10 * MiB))).ms);
    }
  }
  const bigLog = realisticLog(10 * MiB);
  const big = await time(createRedactor({ target: 'github', identity }), bigLog);
  const cli = compareWithSecretlint(bigLog);
  return {
    realistic: { mib: Number(megabytes.toFixed(2)), ms: Math.round(realistic.ms), mbPerSecond: Number((megabytes / (realistic.ms / 1000)).toFixed(2)), findings: realistic.findings },
    pathological: { mib: Number((pathological.length / MiB).toFixed(2)), ms: Math.round(worst.ms), findings: worst.findings },
    families,
    bigLog: { mib: Number((bigLog.length / MiB).toFixed(2)), inProcessMs: Math.round(big.ms), findings: big.findings, ...cli },
  };
}

const verdict = (ok) => (ok ? 'meets the goal' : 'MISSES the goal');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const f = await run();
  console.log(`realistic log, in-process: ${f.realistic.mib} MiB in ${f.realistic.ms} ms = ${f.realistic.mbPerSecond} MiB/s (${f.realistic.findings} findings)   goal >= 20 MiB/s: ${verdict(f.realistic.mbPerSecond >= 20)}`);
  console.log(`pathological, in-process:  ${f.pathological.mib} MiB in ${f.pathological.ms} ms (${f.pathological.findings} findings)   goal < 2000 ms: ${verdict(f.pathological.ms < 2000)}`);
  const ranked = Object.entries(f.families).sort((a, b) => b[1] - a[1]);
  if (ranked.length > 0) {
    const [name, ms] = ranked[0];
    console.log(`hostile families, 10 MiB each (${ranked.length}): worst "${name}" ${ms} ms   goal < 2000 ms: ${verdict(ms < 2000)}`);
    console.log(`  slowest: ${ranked.slice(0, 6).map(([n, t]) => `${n} ${t} ms`).join(', ')}`);
  }
  const b = f.bigLog;
  console.log(`10 MiB support log:        in-process ${b.inProcessMs} ms (${b.findings} findings)`);
  console.log(`  triage redact --file:    ${b.triage ? `${b.triage.ms} ms (${b.triage.findings ?? '?'} findings: secrets, personal data, identity)` : 'could not run'}`);
  console.log(`  secretlint CLI (recommended preset): ${b.secretlint ? `${b.secretlint.ms} ms (${b.secretlint.findings ?? '?'} findings: secrets only)` : 'not installed'}`);
  if (b.triage && b.secretlint) {
    console.log(`  triage / secretlint:     ${(b.triage.ms / b.secretlint.ms).toFixed(2)}x the time   goal < 1x: ${verdict(b.triage.ms < b.secretlint.ms)}`);
  }
}
