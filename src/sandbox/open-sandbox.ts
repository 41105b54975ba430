import { parseConfig } from '../config/load.js';
import type { TriageConfig } from '../config/config.js';
import { findRunningSandbox, sandboxEnv, startSandbox } from './sandbox.js';
import { SANDBOX_CONFIG_SOURCE, sandboxConfigRaw } from './seed/sandbox-config.js';

export interface OpenSandbox {
  env: Record<string, string>;
  config: TriageConfig;
  close(): Promise<void>;
}

/**
 * `--sandbox`: use the `triage sandbox` server when one is running, else start the emulators inside this
 * process for the length of the command and save their state when it ends.
 */
export async function openSandbox(options: { stateDir: string; fetch: typeof fetch }): Promise<OpenSandbox> {
  const config = parseConfig(sandboxConfigRaw(), SANDBOX_CONFIG_SOURCE);
  const running = await findRunningSandbox(options.stateDir, options.fetch);
  if (running) return { env: sandboxEnv(running.urls), config, close: async () => {} };
  const sandbox = await startSandbox({ stateDir: options.stateDir });
  return {
    env: sandbox.env,
    config,
    async close() {
      // A dry run talks to no service: skip writing the whole workspace back unchanged.
      if (sandbox.touched()) await sandbox.save();
      await sandbox.stop();
    },
  };
}
