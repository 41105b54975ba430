#!/usr/bin/env node
// The only file that touches the process: it hands argv, env and stdio to main() and sets the exit code.
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Say so plainly on an unsupported Node instead of failing deep inside a dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`triage needs Node.js 22.12 or newer (the 22 and 24 LTS lines); this is ${process.version}.\n`);
  process.exit(1);
}

// Node keeps the compiled code of dist/ between runs, so a second `triage` skips most of the parsing. The cache
// lives with the user's caches, never in the package; TRIAGE_STATE_DIR (tests, the sandbox) keeps it under that
// directory, and NODE_COMPILE_CACHE / NODE_DISABLE_COMPILE_CACHE keep their meaning.
function compileCacheDir(env) {
  if (env.TRIAGE_STATE_DIR) return join(env.TRIAGE_STATE_DIR, 'cache');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'triage', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'triage');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'triage');
}
if (typeof module.enableCompileCache === 'function' && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  try {
    module.enableCompileCache(process.env.NODE_COMPILE_CACHE || join(compileCacheDir(process.env), 'compile'));
  } catch {
    // A read-only home is no reason not to run.
  }
}

// dist/ is a bundle; with --debug, stack traces go through its source maps back to src/. Off otherwise:
// reading the maps costs start-up time.
if (process.argv.includes('--debug') || process.env.TRIAGE_DEBUG === '1') process.setSourceMapsEnabled(true);

const { main } = await import('../dist/main.js');

// A closed pipe (`triage ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** Only long-running commands ask for this; everywhere else Ctrl-C keeps its default meaning. */
function waitForInterrupt() {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  streams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  platform: process.platform,
  home: homedir(),
  waitForInterrupt,
  processInfo: { pid: process.pid, isAlive },
});
