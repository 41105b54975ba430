import { join } from 'node:path';

export interface PathsInput {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
}

export interface Paths {
  home: string;
  /** Journals, drafts and the sandbox's state: XDG_STATE_HOME on Linux, the platform's equivalent elsewhere. */
  stateDir: string;
  /** Where a user-wide config may live (`<configDir>/triage/config.json`). */
  configDir: string;
}

/**
 * Computed from the injected env rather than by a library that reads `process.env` itself, so tests and
 * the sandbox can point every path at a temporary home. TRIAGE_STATE_DIR overrides the state directory.
 */
export function resolvePaths({ env, platform, home }: PathsInput): Paths {
  let stateBase: string;
  let configDir: string;
  if (platform === 'darwin') {
    stateBase = join(home, 'Library', 'Application Support');
    configDir = env.XDG_CONFIG_HOME || join(home, 'Library', 'Preferences');
  } else if (platform === 'win32') {
    stateBase = env.LOCALAPPDATA || join(home, 'AppData', 'Local');
    configDir = env.APPDATA || join(home, 'AppData', 'Roaming');
  } else {
    stateBase = env.XDG_STATE_HOME || join(home, '.local', 'state');
    configDir = env.XDG_CONFIG_HOME || join(home, '.config');
  }
  return { home, stateDir: env.TRIAGE_STATE_DIR || join(stateBase, 'triage'), configDir };
}
