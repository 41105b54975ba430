#!/usr/bin/env node
// The only file that touches the process: it hands argv, env and stdio to main() and sets the exit code.
import { homedir } from 'node:os';

// Say so plainly on an unsupported Node instead of failing deep inside a dependency.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`triage needs Node.js 22.12 or newer (the 22 and 24 LTS lines); this is ${process.version}.\n`);
  process.exit(1);
}

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
