import { readFileSync } from 'node:fs';

/**
 * The sandbox runs with the config shipped as `.triagerc.example.json`, which is written for the demo
 * workspace, so a newcomer edits nothing. Read from the package, next to dist/.
 */
export function sandboxConfigRaw(): unknown {
  return JSON.parse(readFileSync(new URL('../../../.triagerc.example.json', import.meta.url), 'utf8'));
}

export const SANDBOX_CONFIG_SOURCE = 'the built-in sandbox config (.triagerc.example.json)';
