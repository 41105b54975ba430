import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { removeServerInfo, startSandbox, writeServerInfo } from '../../sandbox/sandbox.js';
import type { SandboxFlags } from './register.js';

/** How often the running sandbox writes its state to disk when something changed. */
const SAVE_EVERY_MS = 1000;

export async function sandboxCommand(ctx: Context, flags: SandboxFlags): Promise<void> {
  const port = Number(flags.port ?? '4680');
  if (!Number.isInteger(port) || port < 1024 || port > 65531) throw new UsageError(`--port ${flags.port}: use a port between 1024 and 65531`);
  let sandbox;
  try {
    sandbox = await startSandbox({ stateDir: ctx.paths.stateDir, reset: Boolean(flags.reset), ports: { linear: port, github: port + 1, pylon: port + 2, pagerduty: port + 3, slack: port + 4 } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`One of ports ${port}–${port + 4} is in use (is a sandbox already running?)`, { hint: 'Pick others with --port.' });
    }
    throw error;
  }
  await writeServerInfo(sandbox.dir, { pid: 0, urls: sandbox.urls, startedAt: ctx.now().toISOString() });
  const { io } = ctx;
  if (flags.json) {
    io.json({ env: sandbox.env, stateDir: sandbox.dir });
  } else {
    io.err(io.color.green(`Sandbox running${flags.reset ? ' (fresh demo workspace)' : ''}; state in ${sandbox.dir}`));
    io.err('Run any command with --sandbox, or point triage at it yourself:');
    io.out(Object.entries(sandbox.env).map(([k, v]) => `export ${k}=${v}`).join('\n'));
    io.err(io.color.dim('Ctrl-C stops it.'));
  }
  const timer = setInterval(() => void sandbox.save(), SAVE_EVERY_MS);
  try {
    await ctx.waitForInterrupt();
  } finally {
    clearInterval(timer);
    await sandbox.save();
    await removeServerInfo(sandbox.dir);
    await sandbox.stop();
    io.err('Sandbox stopped; its state is saved.');
  }
}
