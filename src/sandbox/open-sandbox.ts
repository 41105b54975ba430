import { parseConfig } from '../config/load.js';
import type { TriageConfig } from '../config/config.js';
import { findRunningSandbox, sandboxEnv, sandboxTokenEnv } from './endpoints.js';
import { SANDBOX_CONFIG_SOURCE, sandboxConfigRaw } from './seed/sandbox-config.js';

export interface OpenSandbox {
  /** The sandbox's tokens: fixed values, known before any service runs. */
  env: Record<string, string>;
  config: TriageConfig;
  /** Where the services are: asked for when the first gateway is made, never for a command that needs none. */
  services(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

interface Started {
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * `--sandbox`: use the `triage sandbox` server when one is running, else start the emulators inside this
 * process for the length of the command and save their state when it ends. Nothing starts until a command
 * asks for a service: a dry run, `rubric` or `redact` never loads the emulators (GraphQL, the demo workspace).
 */
export async function openSandbox(options: { stateDir: string; fetch: typeof fetch }): Promise<OpenSandbox> {
  const config = parseConfig(sandboxConfigRaw(), SANDBOX_CONFIG_SOURCE);
  let started: Promise<Started> | undefined;
  const start = async (): Promise<Started> => {
    const running = await findRunningSandbox(options.stateDir, options.fetch);
    if (running) return { env: sandboxEnv(running.urls), close: async () => {} };
    const { startSandbox } = await import('./sandbox.js');
    const sandbox = await startSandbox({ stateDir: options.stateDir });
    return {
      env: sandbox.env,
      async close() {
        // A run that sent the services nothing (a dry run that read no ticket) changed nothing to write back.
        if (sandbox.touched()) await sandbox.save();
        await sandbox.stop();
      },
    };
  };
  return {
    env: sandboxTokenEnv(),
    config,
    services: async () => (await (started ??= start())).env,
    async close() {
      // A start that failed was reported by the command that needed it; there is nothing to close.
      if (started) await started.then((s) => s.close(), () => {});
    },
  };
}
