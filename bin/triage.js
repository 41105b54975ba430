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

/**
 * SIGINT and SIGTERM abort one signal that main() hands to every command: a filing stops between steps, journals,
 * and says what was created, what is pending and how to resume (exit 130 / 143). A second signal, or a run
 * that has not stopped within a few seconds, ends the process at once with the same code.
 */
const interrupts = new AbortController();
const EXIT_ON = { SIGINT: 130, SIGTERM: 143 };
for (const name of Object.keys(EXIT_ON)) {
  process.on(name, () => {
    if (interrupts.signal.aborted) process.exit(EXIT_ON[name]);
    interrupts.abort(name);
    setTimeout(() => process.exit(EXIT_ON[name]), 5000).unref();
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

const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  streams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  platform: process.platform,
  home: homedir(),
  interrupts: { signal: interrupts.signal },
  processInfo: { pid: process.pid, isAlive },
});

process.exitCode = code;
// Stopped by a signal: requests abandoned mid-flight may hold the event loop; the journal and the report are written.
if (interrupts.signal.aborted) process.exit(code);
