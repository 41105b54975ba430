import { readFileSync } from 'node:fs';
import { packageFile } from '../../package-root.js';

/**
 * The sandbox runs with the config shipped as `.triagerc.example.json`, which is written for the demo
 * workspace, so a newcomer edits nothing. Read from the package, next to dist/.
 */
export function sandboxConfigRaw(): unknown {
  return JSON.parse(readFileSync(packageFile('.triagerc.example.json'), 'utf8'));
}

export const SANDBOX_CONFIG_SOURCE = 'the built-in sandbox config (.triagerc.example.json)';
